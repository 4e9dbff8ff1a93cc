/**
 * The JSON API for the app (docs/design.md, "Sync server HTTP API"). Every route but
 * login and healthz needs a Bearer token; every refusal is `{ error: <code> }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import * as Y from 'yjs';
import { agendaCases, ApprovalError, chairOf, readyRoom, type Approvals } from '../minutes/approval';
import type { ServerContext } from '../context';
import { DirectoryError, type UserRecord } from '../access/directory';
import { newInitialPassword } from '../access/initial-password';
import { canCreate, canManage, noRoomAccessRoles } from '../access/grants';
import { HttpError, readJson, roomParam, sendJson, sendNoContent } from './http-json';
import type { Login } from '../access/login';
import { SetupError, type FirstRun } from '../access/first-run';
import { isMeasuresRoom, isMeetingRoom, isOrgId, isPartRoom, isRole, isRoom, isUsername, type Access, type Role } from '../access/names';
import { digestRoutes } from './digest-routes';
import { importRoutes } from './import-routes';
import { monitorRoutes } from './monitor-routes';
import { subjectRoutes } from './subject-routes';
import { privacyRoutes } from './privacy-routes';
import { oidcRoutes } from './oidc-routes';
import { partRoutes } from './part-routes';
import { versionRoute } from './version-route';

const loginBody = z.object({ username: z.string().min(1).max(256), password: z.string().min(1).max(4096) });
const setupBody = z.object({
  token: z.string().min(1).max(128), region: z.string().max(1000), orgName: z.string().max(1000), name: z.string().max(1000),
  username: z.string().max(256), password: z.string().max(4096),
}).strict();
const newOrgBody = z.object({ id: z.string().max(64), name: z.string().max(1000) }).strict();
const renameOrgBody = z.object({ name: z.string().max(1000) }).strict();
const userChangesBody = z.object({ name: z.string().max(1000).optional(), org: z.string().max(64).optional(), role: z.string().max(32).optional() }).strict();
const newUserBody = z.object({ username: z.string().max(256), name: z.string().max(1000), org: z.string().max(64), role: z.string().max(32) }).strict();
const codeBody = z.object({ ticket: z.string().min(1).max(2048), code: z.string().min(1).max(64) });
const createRoomBody = z.object({ kind: z.enum(['case', 'meeting']) });
const memberBody = z.object({ access: z.enum(['edit', 'view']) });
const auditBody = z.object({
  event: z.literal('export'),
  room: z.string().refine(isRoom),
  detail: z.object({
    kind: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
    version: z.number().int().min(0).nullable().optional(),
    org: z.string().refine(isOrgId).nullable().optional(),
    signed: z.boolean(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }).strict(),
}).strict();

/** An authenticated caller. */
interface Caller { user: UserRecord; token: string }

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'invalid_request');
  return result.data;
}


/** The remote address of a request (the direct peer; no proxy headers are trusted). */
export function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** Creates the API handler; it resolves false for paths that are not its own. */
export function createApiHandler(ctx: ServerContext, login: Login, approvals: Approvals, firstRun: FirstRun): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const { grants, directory, sessions, audit, options } = ctx;

  const authenticate = async (req: IncomingMessage): Promise<Caller> => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header);
    const session = match?.[1] ? await sessions.check(match[1]) : null;
    const user = session ? await directory.getUser(session.username) : null;
    if (!match?.[1] || !session || !user || user.disabled) throw new HttpError(401, 'unauthorized');
    return { user, token: match[1] };
  };

  const requireAccess = async (caller: Caller, room: string): Promise<Access> => {
    const access = await grants.effectiveAccess(caller.user.username, room);
    if (access === null) throw new HttpError(403, 'forbidden');
    return access;
  };

  const requireManager = async (caller: Caller, room: string): Promise<void> => {
    // A restricted part has no members of its own: access follows its case and its organisations.
    if (isPartRoom(room)) throw new HttpError(404, 'not_found');
    // Nobody manages the measures board's members: its access follows the role (grants.ts).
    if (isMeasuresRoom(room)) throw new HttpError(403, 'forbidden');
    if (!canManage(caller.user.role, await grants.effectiveAccess(caller.user.username, room))) throw new HttpError(403, 'forbidden');
  };

  const requireChair = async (caller: Caller, room: string): Promise<void> => {
    if (!isMeetingRoom(room)) throw new HttpError(404, 'not_found');
    if ((await requireAccess(caller, room)) !== 'edit') throw new HttpError(403, 'forbidden');
    const doc = await readyRoom(ctx.rooms, room).then((loaded) => loaded.doc, (error: unknown) => {
      if (error instanceof ApprovalError) throw new HttpError(error.status, error.code);
      throw error;
    });
    if (chairOf(doc) !== caller.user.username) throw new HttpError(403, 'not_chair');
  };

  /** The Beheer screen: only for role beheerder (who still reads no case content). */
  const requireAdministrator = async (req: IncomingMessage): Promise<Caller> => {
    const caller = await authenticate(req);
    if (caller.user.role !== 'beheerder') throw new HttpError(403, 'forbidden');
    return caller;
  };
  /** Runs a directory change; its refusals become 400/404/409 with the directory's code. */
  const directoryChange = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      const status = error.code === 'exists' ? 409 : error.code === 'unknown-user' ? 404 : 400;
      throw new HttpError(status, error.code.replace(/-/g, '_'));
    }
  };
  const targetUser = (raw: string | undefined): string => {
    const username = decodeURIComponent(raw ?? '');
    if (!isUsername(username)) throw new HttpError(404, 'unknown_user');
    return username;
  };

  const publicUser = (user: UserRecord) => ({ username: user.username, name: user.name, org: user.org, role: user.role });

  type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], url: URL) => Promise<void> | void;
  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/healthz$/, (_req, res) => sendJson(res, 200, { ok: true })],
    versionRoute(options.idleLockMinutes),

    ['POST', /^\/api\/login$/, async (req, res) => {
      const body = parse(loginBody, await readJson(req, options.limits.maxJsonBytes));
      sendJson(res, 200, await login.password(body.username, body.password, remoteAddress(req)));
    }],

    // The first run (no users yet): public, so the sign-in screen can say that setup waits in the terminal.
    ['GET', /^\/api\/setup$/, async (_req, res) => sendJson(res, 200, { pending: await firstRun.pending() })],

    ['POST', /^\/api\/setup$/, async (req, res) => {
      const body = parse(setupBody, await readJson(req, options.limits.maxJsonBytes));
      try {
        await firstRun.complete(body);
      } catch (error) {
        if (!(error instanceof SetupError)) throw error;
        if (error.reason === 'field') return sendJson(res, 400, { error: 'invalid_field', field: error.field });
        throw error.reason === 'token' ? new HttpError(403, 'setup_token') : new HttpError(409, 'setup_done');
      }
      sendNoContent(res);
    }],

    ['POST', /^\/api\/login\/code$/, async (req, res) => {
      const body = parse(codeBody, await readJson(req, options.limits.maxJsonBytes));
      sendJson(res, 200, await login.code(body.ticket, body.code, remoteAddress(req)));
    }],

    ['POST', /^\/api\/logout$/, async (req, res) => {
      const caller = await authenticate(req);
      await sessions.end(caller.token);
      await audit.append({ event: 'logout', actor: caller.user.username, ip: remoteAddress(req) });
      await ctx.connections.enforce({ username: caller.user.username });
      sendNoContent(res);
    }],

    ['GET', /^\/api\/me$/, async (req, res) => sendJson(res, 200, { user: publicUser((await authenticate(req)).user) })],

    ['GET', /^\/api\/rooms$/, async (req, res) => sendJson(res, 200, { rooms: await grants.roomsOf((await authenticate(req)).user.username) })],

    ['POST', /^\/api\/rooms$/, async (req, res) => {
      const caller = await authenticate(req);
      const { kind } = parse(createRoomBody, await readJson(req, options.limits.maxJsonBytes));
      if (!canCreate(caller.user.role, kind)) throw new HttpError(403, 'forbidden');
      const room = await grants.createRoom(kind, caller.user.username);
      const access = (await grants.effectiveAccess(caller.user.username, room)) ?? 'view';
      sendJson(res, 201, { room, access, manage: canManage(caller.user.role, access) });
    }],

    ['GET', /^\/api\/rooms\/([^/]+)\/members$/, async (req, res, [raw]) => {
      const caller = await authenticate(req);
      const room = roomParam(raw ?? '');
      await requireAccess(caller, room);
      sendJson(res, 200, { members: await grants.members(room) });
    }],

    ['PUT', /^\/api\/rooms\/([^/]+)\/members\/([^/]+)$/, async (req, res, [rawRoom, rawUser]) => {
      const caller = await authenticate(req);
      const room = roomParam(rawRoom ?? '');
      await requireManager(caller, room);
      const username = decodeURIComponent(rawUser ?? '');
      const { access } = parse(memberBody, await readJson(req, options.limits.maxJsonBytes));
      const target = isUsername(username) ? await directory.getUser(username) : null;
      if (!target || target.disabled) throw new HttpError(404, 'unknown_user');
      if (noRoomAccessRoles.includes(target.role)) throw new HttpError(409, 'role_has_no_room_access');
      await grants.grant(room, username, access, caller.user.username, remoteAddress(req));
      // All of the user's rooms: the restricted parts of a case follow its grant.
      await ctx.connections.enforce({ username });
      sendNoContent(res);
    }],

    ['DELETE', /^\/api\/rooms\/([^/]+)\/members\/([^/]+)$/, async (req, res, [rawRoom, rawUser]) => {
      const caller = await authenticate(req);
      const room = roomParam(rawRoom ?? '');
      await requireManager(caller, room);
      const username = decodeURIComponent(rawUser ?? '');
      if (!isUsername(username) || !(await directory.getUser(username))) throw new HttpError(404, 'unknown_user');
      await grants.revoke(room, username, caller.user.username, remoteAddress(req));
      await ctx.connections.enforce({ username });
      sendNoContent(res);
    }],

    ['GET', /^\/api\/users$/, async (req, res) => {
      await authenticate(req);
      // For pickers (owners, invitees, members): a role that never opens a room is never picked.
      const users = (await directory.listUsers()).filter((user) => !noRoomAccessRoles.includes(user.role));
      sendJson(res, 200, { users: users.map(({ username, name, org, role }) => ({ username, name, org, role })) });
    }],

    ['GET', /^\/api\/orgs$/, async (req, res) => {
      await authenticate(req);
      sendJson(res, 200, { orgs: await directory.listOrgs() });
    }],

    ['GET', /^\/api\/admin\/users$/, async (req, res) => {
      await requireAdministrator(req);
      const enrolled = new Set((await ctx.sql.all<{ username: string }>('SELECT username FROM two_factor')).map((row) => row.username));
      const users = (await directory.listUsers({ includeDisabled: true })).map((user) => ({ ...user, twoFactor: enrolled.has(user.username) }));
      sendJson(res, 200, { users });
    }],

    ['POST', /^\/api\/admin\/orgs$/, async (req, res) => {
      const caller = await requireAdministrator(req);
      const body = parse(newOrgBody, await readJson(req, options.limits.maxJsonBytes));
      await directoryChange(() => directory.addOrg(body.id, body.name, caller.user.username));
      sendJson(res, 201, { id: body.id });
    }],

    ['PATCH', /^\/api\/admin\/orgs\/([^/]+)$/, async (req, res, [raw]) => {
      const caller = await requireAdministrator(req);
      const id = decodeURIComponent(raw ?? '');
      const body = parse(renameOrgBody, await readJson(req, options.limits.maxJsonBytes));
      await directoryChange(() => directory.renameOrg(id, body.name, caller.user.username));
      sendNoContent(res);
    }],

    ['PATCH', /^\/api\/admin\/users\/([^/]+)$/, async (req, res, [raw]) => {
      const caller = await requireAdministrator(req);
      const username = targetUser(raw);
      const body = parse(userChangesBody, await readJson(req, options.limits.maxJsonBytes));
      if (body.role !== undefined && !isRole(body.role)) throw new HttpError(400, 'invalid');
      // A beheerder never takes the Beheer screen away from themselves.
      if (username === caller.user.username && body.role !== undefined && body.role !== 'beheerder') throw new HttpError(400, 'self');
      const changed = await directoryChange(() => directory.updateUser(username, { name: body.name, org: body.org, role: body.role as Role | undefined }, caller.user.username));
      if (changed.includes('role')) await ctx.connections.enforce({ username });
      sendJson(res, 200, { changed });
    }],

    ['POST', /^\/api\/admin\/users$/, async (req, res) => {
      const caller = await requireAdministrator(req);
      const body = parse(newUserBody, await readJson(req, options.limits.maxJsonBytes));
      const role = body.role;
      if (!isRole(role)) throw new HttpError(400, 'invalid');
      const initialPassword = newInitialPassword();
      await directoryChange(() => directory.addUser({ username: body.username, name: body.name, org: body.org, role, password: initialPassword }, caller.user.username));
      // Shown once to the administrator, never stored in plain text or logged.
      sendJson(res, 201, { initialPassword });
    }],

    ['POST', /^\/api\/admin\/users\/([^/]+)\/(disable|enable|password|reset-mfa)$/, async (req, res, [raw, action]) => {
      const caller = await requireAdministrator(req);
      const username = targetUser(raw);
      if (action === 'disable') {
        if (username === caller.user.username) throw new HttpError(400, 'self');
        await directoryChange(() => directory.disableUser(username, caller.user.username));
        await ctx.connections.enforce({ username });
        return sendNoContent(res);
      }
      if (action === 'enable') {
        await directoryChange(() => directory.enableUser(username, caller.user.username));
        return sendNoContent(res);
      }
      if (action === 'reset-mfa') {
        await directoryChange(() => directory.resetTwoFactor(username, caller.user.username));
        await ctx.connections.enforce({ username });
        return sendNoContent(res);
      }
      const initialPassword = newInitialPassword();
      await directoryChange(() => directory.setPassword(username, initialPassword, caller.user.username));
      await ctx.connections.enforce({ username });
      sendJson(res, 200, { initialPassword });
    }],

    ['POST', /^\/api\/audit$/, async (req, res) => {
      const caller = await authenticate(req);
      const body = parse(auditBody, await readJson(req, options.limits.maxJsonBytes));
      await requireAccess(caller, body.room);
      const { kind, version = null, org = null, signed, sha256 } = body.detail;
      await audit.append({ event: 'export', actor: caller.user.username, room: body.room, ip: remoteAddress(req), detail: { kind, version, org, signed, sha256 } });
      sendNoContent(res);
    }],

    ['POST', /^\/api\/meetings\/([^/]+)\/approve$/, async (req, res, [raw]) => {
      const caller = await authenticate(req);
      const room = roomParam(raw ?? '');
      await requireChair(caller, room);
      try {
        const result = await approvals.approve(room, caller.user.username);
        await audit.append({ event: 'meeting-approve', actor: caller.user.username, room, ip: remoteAddress(req), detail: { version: result.version, frozen: result.frozen.length } });
        sendJson(res, 200, result);
      } catch (error) {
        if (error instanceof ApprovalError) throw new HttpError(error.status, error.code);
        throw error;
      }
    }],

    ['POST', /^\/api\/meetings\/([^/]+)\/reopen$/, async (req, res, [raw]) => {
      const caller = await authenticate(req);
      const room = roomParam(raw ?? '');
      await requireChair(caller, room);
      await approvals.reopen(room);
      await audit.append({ event: 'meeting-reopen', actor: caller.user.username, room, ip: remoteAddress(req) });
      sendJson(res, 200, { status: 'concept' });
    }],

    // A review moment of the region's measures board: a process director with edit access.
    ['POST', /^\/api\/measures\/([^/]+)\/review$/, async (req, res, [raw]) => {
      const caller = await authenticate(req);
      const room = roomParam(raw ?? '');
      if (!isMeasuresRoom(room)) throw new HttpError(404, 'not_found');
      if ((await requireAccess(caller, room)) !== 'edit' || caller.user.role !== 'procesregisseur') throw new HttpError(403, 'forbidden');
      try {
        const result = await approvals.review(room);
        await audit.append({ event: 'measures-review', actor: caller.user.username, room, ip: remoteAddress(req), detail: { version: result.version, frozen: result.id, sha256: result.sha256 } });
        sendJson(res, 200, result);
      } catch (error) {
        if (error instanceof ApprovalError) throw new HttpError(error.status, error.code);
        throw error;
      }
    }],

    ['GET', /^\/api\/frozen$/, async (req, res, _params, url) => {
      const caller = await authenticate(req);
      const room = url.searchParams.get('room') ?? '';
      if (!isRoom(room)) throw new HttpError(400, 'invalid_request');
      await requireAccess(caller, room);
      sendJson(res, 200, { frozen: await approvals.list(room) });
    }],

    // Cases on the agenda of an approved version of this meeting that were deleted after their
    // retention period: the approved minutes print their number and "verwijderd na bewaartermijn".
    ['GET', /^\/api\/meetings\/([^/]+)\/deleted-cases$/, async (req, res, [raw]) => {
      const caller = await authenticate(req);
      const room = roomParam(raw ?? '');
      if (!isMeetingRoom(room)) throw new HttpError(404, 'not_found');
      await requireAccess(caller, room);
      const deleted = await ctx.sql.all<{ room: string; case_number: string | null; deleted_at: string }>('SELECT room, case_number, deleted_at FROM deletions ORDER BY room');
      const onAgenda = new Set<string>();
      if (deleted.length > 0) {
        for (const info of (await approvals.list(room)).filter((entry) => entry.room === room)) {
          const copy = await approvals.get(info.id);
          if (!copy) continue;
          const doc = new Y.Doc();
          try {
            Y.applyUpdate(doc, copy.data);
            for (const name of agendaCases(doc)) onAgenda.add(name);
          } finally {
            doc.destroy();
          }
        }
      }
      sendJson(res, 200, {
        deleted: deleted.filter((row) => onAgenda.has(row.room)).map((row) => ({ room: row.room, caseNumber: row.case_number, deletedAt: row.deleted_at })),
      });
    }],

    ['GET', /^\/api\/frozen\/([^/]+)$/, async (req, res, [raw]) => {
      const caller = await authenticate(req);
      const id = decodeURIComponent(raw ?? '');
      const copy = /^frozen:[a-z0-9]{16}$/.test(id) ? await approvals.get(id) : null;
      // Not found and not allowed look the same: ids are not an oracle.
      if (!copy || (await grants.effectiveAccess(caller.user.username, copy.room)) === null) throw new HttpError(404, 'not_found');
      await audit.append({ event: 'frozen-read', actor: caller.user.username, room: copy.room, ip: remoteAddress(req), detail: { frozen: copy.id, version: copy.version } });
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': copy.data.byteLength,
        'Cache-Control': 'no-store',
        'X-Frozen-Sha256': copy.sha256,
      });
      res.end(Buffer.from(copy.data.buffer, copy.data.byteOffset, copy.data.byteLength));
    }],

    ...privacyRoutes({ ctx, authenticate, remoteAddress }),
    ...digestRoutes({ ctx, authenticate }),
    ...importRoutes({ ctx, requireAdministrator }),
    ...monitorRoutes({ ctx, authenticate, remoteAddress }),
    ...subjectRoutes({ ctx, authenticate, remoteAddress }),
    ...oidcRoutes({ ctx, requireAdministrator, remoteAddress }),
    ...partRoutes({ ctx, authenticate, remoteAddress }),
  ];

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/healthz' && !url.pathname.startsWith('/api/')) return false;
    const matching = routes.filter(([, pattern]) => pattern.test(url.pathname));
    if (matching.length === 0) throw new HttpError(404, 'not_found');
    const route = matching.find(([method]) => method === req.method || (method === 'GET' && req.method === 'HEAD'));
    if (!route) throw new HttpError(405, 'method_not_allowed', { Allow: matching.map(([method]) => method).join(', ') });
    const params = route[1].exec(url.pathname)?.slice(1) ?? [];
    await route[2](req, res, params, url);
    return true;
  };
}
