/**
 * HTTP routes for restricted parts of a case (docs/design.md, "Restricted parts"). Every member
 * of a case sees which parts exist, their titles and organisations, and whether they may open
 * each; only the case's manager (a process director with edit access) creates a part and sets
 * its organisations. A part's content only ever travels over its own room's socket.
 */
import { z } from 'zod';
import { canManage } from '../access/grants';
import { DirectoryError } from '../access/directory';
import { isCaseRoom, isOrgId, isPartRoom } from '../access/names';
import { createParts, maxPartOrgs, maxPartTitle, type RestrictedPart } from '../access/parts';
import type { UserRecord } from '../access/directory';
import type { IncomingMessage } from 'node:http';
import { HttpError, readJson, roomParam, sendJson } from './http-json';
import type { PrivacyRouteDeps, Route } from './privacy-routes';

const orgsField = z.array(z.string().refine(isOrgId)).min(1).max(maxPartOrgs);
const createBody = z.object({ title: z.string().max(maxPartTitle * 4), orgs: orgsField }).strict();
const orgsBody = z.object({ orgs: orgsField }).strict();

/** The routes. */
export function partRoutes({ ctx, authenticate, remoteAddress }: PrivacyRouteDeps): Route[] {
  const parts = createParts(ctx.sql, ctx.audit);

  const requireManager = async (req: IncomingMessage, caseRoom: string): Promise<UserRecord> => {
    const { user } = await authenticate(req);
    if (!canManage(user.role, await ctx.grants.effectiveAccess(user.username, caseRoom))) throw new HttpError(403, 'forbidden');
    return user;
  };
  const change = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DirectoryError) throw new HttpError(400, error.code === 'unknown-org' ? 'unknown_org' : 'invalid_request');
      throw error;
    }
  };
  const shown = async (user: UserRecord, part: RestrictedPart) => ({
    room: part.room, title: part.title, orgs: part.orgs, access: await ctx.grants.effectiveAccess(user.username, part.room),
  });

  return [
    ['GET', /^\/api\/rooms\/([^/]+)\/parts$/, async (req, res, [raw]) => {
      const { user } = await authenticate(req);
      const room = roomParam(raw ?? '');
      if (!isCaseRoom(room)) throw new HttpError(404, 'not_found');
      if ((await ctx.grants.effectiveAccess(user.username, room)) === null) throw new HttpError(403, 'forbidden');
      const list = await parts.ofCase(room);
      sendJson(res, 200, { parts: await Promise.all(list.map((part) => shown(user, part))) });
    }],

    ['POST', /^\/api\/rooms\/([^/]+)\/parts$/, async (req, res, [raw]) => {
      const room = roomParam(raw ?? '');
      const user = await requireManager(req, room);
      if (!isCaseRoom(room)) throw new HttpError(404, 'not_found');
      const body = createBody.safeParse(await readJson(req, ctx.options.limits.maxJsonBytes));
      if (!body.success) throw new HttpError(400, 'invalid_request');
      const part = await change(() => parts.create(room, body.data.title, body.data.orgs, user.username, remoteAddress(req)));
      sendJson(res, 201, await shown(user, part));
    }],

    ['PUT', /^\/api\/parts\/([^/]+)\/orgs$/, async (req, res, [raw]) => {
      const room = roomParam(raw ?? '');
      const part = isPartRoom(room) ? await parts.get(room) : null;
      // Unknown and not allowed look the same to a caller who does not manage the case.
      if (!part) {
        await authenticate(req);
        throw new HttpError(404, 'not_found');
      }
      const user = await requireManager(req, part.caseRoom);
      const body = orgsBody.safeParse(await readJson(req, ctx.options.limits.maxJsonBytes));
      if (!body.success) throw new HttpError(400, 'invalid_request');
      const changed = await change(() => parts.setOrgs(room, body.data.orgs, user.username, remoteAddress(req)));
      // Sockets of organisations no longer on the part close now (4410), as on a revoke.
      await ctx.connections.enforce({ room });
      sendJson(res, 200, await shown(user, changed));
    }],
  ];
}
