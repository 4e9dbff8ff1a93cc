/**
 * GET /api/monitor (docs/design.md "Monitor"): the region's figures for one period and area,
 * computed from the monitor index (stale rows re-read first, never every document). For the
 * process director, management and the privacy officer; audited with the period, no content.
 * Counts 1–4 are "< 5" for everyone outside the ZVH and in every export (docs/privacy.md).
 */
import { firstOrgId } from '../access/first-run';
import type { UserRecord } from '../access/directory';
import type { Role } from '../access/names';
import { computeFigures, municipalityChoices, suppress } from '../monitor/figures';
import { HttpError, sendJson } from './http-json';
import type { PrivacyRouteDeps, Route } from './privacy-routes';

/** Roles that may see the monitor. */
export const monitorRoles: readonly Role[] = ['procesregisseur', 'management', 'privacyfunctionaris'];

/** Inside the ZVH: users of the first-run organisation who direct cases or manage it; they see exact counts on screen. */
export const isInsideZvh = (user: Pick<UserRecord, 'org' | 'role'>): boolean =>
  user.org === firstOrgId && (user.role === 'procesregisseur' || user.role === 'management');

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** GET /api/monitor. */
export function monitorRoutes({ ctx, authenticate, remoteAddress }: PrivacyRouteDeps): Route[] {
  return [
    ['GET', /^\/api\/monitor$/, async (req, res, _params, url) => {
      const { user } = await authenticate(req);
      if (!monitorRoles.includes(user.role)) throw new HttpError(403, 'forbidden');
      const from = url.searchParams.get('from');
      const to = url.searchParams.get('to');
      const at = url.searchParams.get('at') ?? to;
      const municipality = url.searchParams.get('municipality') || null;
      const forExport = url.searchParams.get('export') === '1';
      const choices = municipalityChoices();
      const invalid = !isDate(from) ? 'from' : !isDate(to) || to < from ? 'to' : !isDate(at) ? 'at'
        : municipality !== null && !choices.some((choice) => choice.id === municipality) ? 'municipality' : null;
      if (invalid !== null || !isDate(from) || !isDate(to) || !isDate(at)) {
        sendJson(res, 400, { error: 'invalid_field', field: invalid });
        return;
      }
      await ctx.monitor.refreshStale();
      const orgs = new Map((await ctx.directory.listOrgs()).map((org) => [org.id, org.name]));
      const figures = computeFigures(await ctx.monitor.all(), await ctx.monitor.closures(), { from, to, at, municipality }, (org) => orgs.get(org) ?? org);
      const suppressed = forExport || !isInsideZvh(user);
      await ctx.audit.append({ event: 'monitor-view', actor: user.username, ip: remoteAddress(req), detail: { from, to, at, municipality, export: forExport, suppressed } });
      sendJson(res, 200, { from, to, at, municipality, suppressed, municipalities: choices, figures: suppressed ? suppress(figures) : figures });
    }],
  ];
}
