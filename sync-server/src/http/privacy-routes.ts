/**
 * HTTP routes for privacy and accountability (docs/design.md, "Privacy officer"):
 * the privacy officer's access log (only for the role `privacyfunctionaris`, which opens no
 * room) and a case's openings for its process director. Every look at the log is itself audited.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServerContext } from '../context';
import type { UserRecord } from '../access/directory';
import { isCaseRoom, isOrgId, isRoom, isUsername } from '../access/names';
import type { AuditDetail } from '../storage/audit';
import { accessLogCategories, createAccessLog, type AccessLogCategory, type AccessLogFilter } from '../privacy/access-log';
import { accessLogCsv } from '../privacy/access-log-csv';
import { createCaseIndex } from '../privacy/case-index';
import { caseOpenings } from '../privacy/case-openings';
import { ApprovalError, readyRoom } from '../minutes/approval';
import { createRetention, isCloseReason } from '../privacy/retention';
import { canManage } from '../access/grants';
import { serverOrigin } from '../rooms/room';
import { createRoomStore } from '../storage/room-store';
import { HttpError, readJson, roomParam, sendJson } from './http-json';

/** A route in the shape of http-api.ts's route table. */
export type Route = [string, RegExp, (req: IncomingMessage, res: ServerResponse, params: string[], url: URL) => Promise<void> | void];

/** What the routes need from the API handler. */
export interface PrivacyRouteDeps {
  ctx: ServerContext;
  authenticate(req: IncomingMessage): Promise<{ user: UserRecord }>;
  remoteAddress(req: IncomingMessage): string;
}

/** Entries per page of the access log screen. */
export const accessLogPageSize = 500;
/** Entries at most in one CSV export (a year of a region is far below this). */
export const accessLogExportLimit = 100_000;

const isoTime = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/u.test(value)).transform((value) => new Date(value).toISOString());
const filterSchema = z.object({
  user: z.string().refine(isUsername).optional(),
  org: z.string().refine(isOrgId).optional(),
  caseNumber: z.string().trim().min(1).max(200).optional(),
  from: isoTime.optional(),
  until: isoTime.optional(),
  category: z.enum(Object.keys(accessLogCategories) as [AccessLogCategory, ...AccessLogCategory[]]).optional(),
}).strict();

function readFilter(url: URL): AccessLogFilter {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (value !== '') raw[key] = value;
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'invalid_request');
  return parsed.data;
}

const closeBody = z.object({ reason: z.string().refine(isCloseReason) }).strict();

/** The filter as audit detail: ids, codes and times only. */
const filterDetail = (filter: AccessLogFilter): AuditDetail => ({
  user: filter.user ?? null, org: filter.org ?? null, caseNumber: filter.caseNumber ?? null,
  from: filter.from ?? null, until: filter.until ?? null, category: filter.category ?? null,
});

/** The privacy routes. */
export function privacyRoutes({ ctx, authenticate, remoteAddress }: PrivacyRouteDeps): Route[] {
  const cases = createCaseIndex(ctx.sql, ctx.cipher);
  const accessLog = createAccessLog(ctx.sql, cases);
  const retention = createRetention(ctx.sql, createRoomStore(ctx.sql, ctx.cipher), ctx.audit);

  /** Writes the case's status with the server's origin: stored, then relayed to everyone in the room. */
  const setStatus = async (room: string, status: string): Promise<void> => {
    const loaded = await readyRoom(ctx.rooms, room).catch((error: unknown) => {
      if (error instanceof ApprovalError) throw new HttpError(error.status, error.code);
      throw error;
    });
    loaded.doc.transact(() => loaded.doc.getMap('meta').set('status', status), serverOrigin);
    await loaded.flushed();
  };

  /** Only the case's manager (a process director with edit access) closes or reopens it. */
  const requireCaseManager = async (req: IncomingMessage, raw: string): Promise<{ user: UserRecord; room: string }> => {
    const { user } = await authenticate(req);
    const room = roomParam(raw);
    if (!canManage(user.role, await ctx.grants.effectiveAccess(user.username, room))) throw new HttpError(403, 'forbidden');
    if (!isCaseRoom(room)) throw new HttpError(404, 'not_found');
    return { user, room };
  };

  const requirePrivacyOfficer = async (req: IncomingMessage): Promise<UserRecord> => {
    const { user } = await authenticate(req);
    if (user.role !== 'privacyfunctionaris') throw new HttpError(403, 'forbidden');
    return user;
  };

  return [
    ['GET', /^\/api\/access-log$/, async (req, res, _params, url) => {
      const user = await requirePrivacyOfficer(req);
      const filter = readFilter(url);
      const page = await accessLog.query(filter, accessLogPageSize);
      await ctx.audit.append({ event: 'access-log-view', actor: user.username, ip: remoteAddress(req), detail: { ...filterDetail(filter), rows: page.entries.length } });
      sendJson(res, 200, page);
    }],

    ['GET', /^\/api\/access-log\/verify$/, async (req, res) => {
      await requirePrivacyOfficer(req);
      sendJson(res, 200, await ctx.audit.verify());
    }],

    ['GET', /^\/api\/access-log\/people$/, async (req, res) => {
      await requirePrivacyOfficer(req);
      // Disabled accounts too: what they did stays in the log.
      const users = await ctx.directory.listUsers({ includeDisabled: true });
      sendJson(res, 200, {
        users: users.map(({ username, name, org, role, disabled }) => ({ username, name, org, role, disabled })),
        orgs: await ctx.directory.listOrgs(),
      });
    }],

    ['GET', /^\/api\/access-log\/export\.csv$/, async (req, res, _params, url) => {
      const user = await requirePrivacyOfficer(req);
      const filter = readFilter(url);
      const page = await accessLog.query(filter, accessLogExportLimit);
      const body = Buffer.from(accessLogCsv(page.entries), 'utf8');
      const sha256 = createHash('sha256').update(body).digest('hex');
      await ctx.audit.append({
        event: 'access-log-export', actor: user.username, ip: remoteAddress(req),
        detail: { ...filterDetail(filter), kind: 'access-log-csv', rows: page.entries.length, truncated: page.truncated, sha256 },
      });
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Length': body.byteLength,
        'Content-Disposition': 'attachment; filename="toegangslog.csv"',
        'Cache-Control': 'no-store',
        'X-Content-Sha256': sha256,
      });
      res.end(body);
    }],

    ['POST', /^\/api\/rooms\/([^/]+)\/close$/, async (req, res, [raw]) => {
      const { user, room } = await requireCaseManager(req, raw ?? '');
      const body = closeBody.safeParse(await readJson(req, ctx.options.limits.maxJsonBytes));
      if (!body.success) throw new HttpError(400, 'invalid_request');
      await setStatus(room, 'afgesloten');
      const { closedAt } = await retention.recordClosure(room, user.username, body.data.reason, remoteAddress(req));
      const closure = await retention.closure(room);
      sendJson(res, 200, { status: 'afgesloten', closedAt, reason: body.data.reason, months: closure?.months ?? null, deleteFrom: closure?.deleteFrom ?? null });
    }],

    ['GET', /^\/api\/rooms\/([^/]+)\/closure$/, async (req, res, [raw]) => {
      const { user } = await authenticate(req);
      const room = roomParam(raw ?? '');
      // Whoever may open the case sees when it closes and goes; nobody else learns it exists.
      if ((await ctx.grants.effectiveAccess(user.username, room)) === null) throw new HttpError(403, 'forbidden');
      if (!isCaseRoom(room)) throw new HttpError(404, 'not_found');
      sendJson(res, 200, { closure: await retention.closure(room) });
    }],

    ['POST', /^\/api\/rooms\/([^/]+)\/reopen$/, async (req, res, [raw]) => {
      const { user, room } = await requireCaseManager(req, raw ?? '');
      await setStatus(room, 'in-behandeling');
      await retention.removeClosure(room, user.username, remoteAddress(req));
      sendJson(res, 200, { status: 'in-behandeling' });
    }],

    ['GET', /^\/api\/access-log\/deletions$/, async (req, res) => {
      await requirePrivacyOfficer(req);
      sendJson(res, 200, { deletions: await retention.deletions() });
    }],

    ['GET', /^\/api\/rooms\/([^/]+)\/openings$/, async (req, res, [raw]) => {
      const { user } = await authenticate(req);
      let room: string;
      try {
        room = decodeURIComponent(raw ?? '');
      } catch {
        throw new HttpError(404, 'not_found');
      }
      if (!isRoom(room)) throw new HttpError(404, 'not_found');
      // Only a process director who may open the case sees who else did.
      if (user.role !== 'procesregisseur' || (await ctx.grants.effectiveAccess(user.username, room)) === null) throw new HttpError(403, 'forbidden');
      if (!isCaseRoom(room)) throw new HttpError(404, 'not_found');
      const openings = await caseOpenings(ctx.sql, room);
      await ctx.audit.append({ event: 'case-access-view', actor: user.username, room, ip: remoteAddress(req), detail: { people: openings.length } });
      sendJson(res, 200, { openings });
    }],
  ];
}
