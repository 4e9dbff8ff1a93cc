/**
 * POST /api/privacy/subject-report: the privacy officer's report for an inzageverzoek (see
 * privacy/subject-report.ts). A POST, so the name never sits in a URL or an access log of a
 * proxy. Audited as `subject-report` with counts only: the name looked for is personal data
 * and stays out of the audit log (docs/privacy.md, "Inzageverzoek").
 */
import { z } from 'zod';
import { subjectReport } from '../privacy/subject-report';
import { createRoomStore } from '../storage/room-store';
import { HttpError, readJson, sendJson } from './http-json';
import type { PrivacyRouteDeps, Route } from './privacy-routes';

const queryBody = z.object({
  name: z.string().trim().min(2).max(200),
  birthYear: z.number().int().min(1900).max(2100).optional(),
}).strict();

/** The route. */
export function subjectRoutes({ ctx, authenticate, remoteAddress }: PrivacyRouteDeps): Route[] {
  const store = createRoomStore(ctx.sql, ctx.cipher);
  return [
    ['POST', /^\/api\/privacy\/subject-report$/, async (req, res) => {
      const { user } = await authenticate(req);
      if (user.role !== 'privacyfunctionaris') throw new HttpError(403, 'forbidden');
      const parsed = queryBody.safeParse(await readJson(req, ctx.options.limits.maxJsonBytes));
      if (!parsed.success) throw new HttpError(400, 'invalid_request');
      const report = await subjectReport(ctx.sql, store, parsed.data);
      await ctx.audit.append({
        event: 'subject-report', actor: user.username, ip: remoteAddress(req),
        detail: { matches: report.matches.length, cases: new Set(report.matches.map((m) => m.room)).size, searched: report.casesSearched, birthYear: parsed.data.birthYear !== undefined },
      });
      sendJson(res, 200, report);
    }],
  ];
}
