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
import { figuresFor, listPartnerFigures, parsePartnerCsv, parseQuarter, partnerEntryRoles, partnerFigureCatalogue, partnerFiguresFor, setPartnerFigures } from '../monitor/partner-figures';
import { HttpError, readBody, readJson, sendJson } from './http-json';
import type { PrivacyRouteDeps, Route } from './privacy-routes';

/** Roles that may see the monitor. */
export const monitorRoles: readonly Role[] = ['procesregisseur', 'management', 'privacyfunctionaris'];

/** Inside the ZVH: users of the first-run organisation who direct cases or manage it; they see exact counts on screen. */
export const isInsideZvh = (user: Pick<UserRecord, 'org' | 'role'>): boolean =>
  user.org === firstOrgId && (user.role === 'procesregisseur' || user.role === 'management');

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** The largest partner-figure CSV accepted. */
const maxCsvBytes = 64 * 1024;


/** May this user enter its organisation's partner figures? */
const mayEnter = (user: Pick<UserRecord, 'org' | 'role'>): boolean => partnerEntryRoles.includes(user.role) && figuresFor(user.org).length > 0;

/** GET /api/monitor and the partner figures. */
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
      const partner = municipality === null ? partnerFiguresFor(await listPartnerFigures(ctx.sql, null), from, to, (org) => orgs.get(org) ?? org) : [];
      const figures = [...computeFigures(await ctx.monitor.all(), await ctx.monitor.closures(), { from, to, at, municipality }, (org) => orgs.get(org) ?? org), ...partner];
      const suppressed = forExport || !isInsideZvh(user);
      await ctx.audit.append({ event: 'monitor-view', actor: user.username, ip: remoteAddress(req), detail: { from, to, at, municipality, export: forExport, suppressed } });
      sendJson(res, 200, { from, to, at, municipality, suppressed, municipalities: choices, figures: suppressed ? suppress(figures) : figures });
    }],
    ['GET', /^\/api\/monitor\/partner-figures$/, async (req, res) => {
      const { user } = await authenticate(req);
      const monitor = monitorRoles.includes(user.role);
      if (!monitor && !mayEnter(user)) throw new HttpError(403, 'forbidden');
      const values = await listPartnerFigures(ctx.sql, monitor ? null : user.org);
      sendJson(res, 200, { catalogue: partnerFigureCatalogue, mine: mayEnter(user) ? figuresFor(user.org).map((def) => def.id) : [], values });
    }],
    ['PUT', /^\/api\/monitor\/partner-figures$/, async (req, res) => {
      const { user } = await authenticate(req);
      if (!mayEnter(user)) throw new HttpError(403, 'forbidden');
      const body = await readJson(req, 16 * 1024) as { period?: unknown; figures?: unknown };
      const period = parseQuarter(body?.period);
      if (!period) { sendJson(res, 400, { error: 'invalid_field', field: 'period' }); return; }
      const figures = body.figures;
      if (typeof figures !== 'object' || figures === null || Array.isArray(figures) || Object.keys(figures).length === 0) { sendJson(res, 400, { error: 'invalid_field', field: 'figures' }); return; }
      const allowed = new Set(figuresFor(user.org).map((def) => def.id));
      const values: Record<string, number> = {};
      for (const [id, value] of Object.entries(figures as Record<string, unknown>)) {
        if (!allowed.has(id)) { sendJson(res, 403, { error: 'figure_not_allowed', field: id.slice(0, 64) }); return; }
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 999_999_999) { sendJson(res, 400, { error: 'invalid_field', field: id }); return; }
        values[id] = value;
      }
      await setPartnerFigures(ctx.sql, user.org, period, values, user.username);
      await ctx.audit.append({ event: 'partner-figures-set', actor: user.username, ip: remoteAddress(req), detail: { org: user.org, period: `${period.year}-K${period.quarter}`, figures: Object.keys(values).join(','), import: false } });
      sendJson(res, 200, { ok: true });
    }],
    ['POST', /^\/api\/monitor\/partner-figures\/import$/, async (req, res, _params, url) => {
      const { user } = await authenticate(req);
      if (!mayEnter(user)) throw new HttpError(403, 'forbidden');
      const dryRun = url.searchParams.get('dryRun') === '1';
      const { lines, valid } = parsePartnerCsv((await readBody(req, maxCsvBytes)).toString('utf8'), user.org);
      const errors = lines.filter((l) => !l.ok).length;
      // All or nothing: a file with a bad line changes nothing.
      const applied = !dryRun && errors === 0 && valid.length > 0;
      if (applied) {
        for (const quarter of [...new Set(valid.map((v) => `${v.period.year}-${v.period.quarter}`))]) {
          const own = valid.filter((v) => `${v.period.year}-${v.period.quarter}` === quarter);
          await setPartnerFigures(ctx.sql, user.org, own[0]!.period, Object.fromEntries(own.map((v) => [v.figure, v.value])), user.username);
        }
        await ctx.audit.append({ event: 'partner-figures-set', actor: user.username, ip: remoteAddress(req), detail: { org: user.org, lines: valid.length, import: true } });
      }
      sendJson(res, 200, { dryRun, applied: applied ? valid.length : 0, errors, lines });
    }],
  ];
}
