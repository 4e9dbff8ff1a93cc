/**
 * The CSV import of users for the Beheer screen (docs/design.md, "CSV import of users"):
 * `POST /api/admin/users/import?dryRun=1` plans, `POST /api/admin/users/import?plan=<hash>`
 * applies exactly that plan. The body is the file's bytes (`text/csv`), at most
 * {@link importMaxBytes}. The initial passwords are in the answer only: never stored in clear,
 * never logged.
 */
import type { IncomingMessage } from 'node:http';
import type { UserRecord } from '../access/directory';
import { applyImport, decodeCsv, ImportFileError, importMaxBytes, previewImport, StalePlanError } from '../access/user-import';
import { HttpError, readBody, sendJson } from './http-json';
import type { PrivacyRouteDeps, Route } from './privacy-routes';

/** Reads a `text/csv` body of at most {@link importMaxBytes}. */
async function readCsv(req: IncomingMessage): Promise<Uint8Array> {
  if (!/^text\/csv\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'unsupported_media_type');
  if (Number(req.headers['content-length'] ?? '0') > importMaxBytes) throw new HttpError(413, 'too_large');
  return readBody(req, importMaxBytes);
}

/** POST /api/admin/users/import. */
export function importRoutes({ ctx, requireAdministrator }: Pick<PrivacyRouteDeps, 'ctx'> & { requireAdministrator(req: IncomingMessage): Promise<{ user: UserRecord }> }): Route[] {
  return [
    ['POST', /^\/api\/admin\/users\/import$/, async (req, res, _params, url) => {
      const caller = await requireAdministrator(req);
      const dryRun = url.searchParams.get('dryRun') === '1';
      const expected = url.searchParams.get('plan') ?? '';
      if (!dryRun && !/^[0-9a-f]{64}$/.test(expected)) throw new HttpError(400, 'invalid_request');
      try {
        const text = decodeCsv(await readCsv(req));
        if (dryRun) return sendJson(res, 200, { plan: await previewImport(ctx.sql, text, caller.user.username) });
        const result = await applyImport(ctx.sql, ctx.audit, text, expected, caller.user.username);
        // A changed role caps room access at once on open connections.
        for (const line of result.plan.lines) if (line.status === 'change') await ctx.connections.enforce({ username: line.username });
        sendJson(res, 200, { counts: result.plan.counts, created: result.created });
      } catch (error) {
        if (error instanceof ImportFileError) return sendJson(res, 400, { error: 'import_file', message: error.message });
        if (error instanceof StalePlanError) throw new HttpError(409, 'plan_changed');
        throw error;
      }
    }],
  ];
}
