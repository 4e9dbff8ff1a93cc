/**
 * The privacy calls of the sync server's HTTP API (docs/design.md, "Privacy officer"): the
 * access log with its filters, the chain's verification, the people for the filters and the CSV
 * export (only for the role privacyfunctionaris), and a case's openings (its process director).
 * Every answer is checked; every failure is a {@link PrivacyApiError}. Nothing here logs a body.
 */
import { z } from 'zod';
import type { Room } from '../../domain/ids';
import { codeForStatus, type ApiErrorCode } from '../session/apiError';

/** A failed privacy call. */
export class PrivacyApiError extends Error {
  override readonly name = 'PrivacyApiError';
  constructor(readonly code: ApiErrorCode, readonly status: number) {
    super(`${code} (${status})`);
  }
}

/** Categories of the access log (the server's `category` filter). */
export const accessLogCategories = ['access', 'export', 'rights', 'login', 'review', 'retention'] as const;
/** A category of the access log. */
export type AccessLogCategory = (typeof accessLogCategories)[number];

/** The server's filter: every field optional; times are ISO instants. */
export interface AccessLogQuery {
  user?: string;
  org?: string;
  caseNumber?: string;
  from?: string;
  until?: string;
  category?: AccessLogCategory;
}

const personSchema = z.object({ username: z.string(), name: z.string().nullable(), org: z.string().nullable(), orgName: z.string().nullable() });
/** A person as the log names them. */
export type LoggedPerson = z.infer<typeof personSchema>;

const entrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  event: z.string(),
  actor: personSchema.nullable(),
  target: personSchema.nullable(),
  room: z.string().nullable(),
  caseNumber: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
/** One line of the access log. */
export type AccessLogEntry = z.infer<typeof entrySchema>;

const pageSchema = z.object({ entries: z.array(entrySchema), truncated: z.boolean() });
/** A page of the log, newest first. */
export type AccessLogPage = z.infer<typeof pageSchema>;

const verdictSchema = z.union([
  z.object({ ok: z.literal(true), entries: z.number().int(), head: z.string() }),
  z.object({ ok: z.literal(false), entries: z.number().int(), firstBad: z.number().int(), reason: z.string() }),
]);
/** The audit chain's verification. */
export type ChainVerdict = z.infer<typeof verdictSchema>;

const peopleSchema = z.object({
  users: z.array(z.object({ username: z.string(), name: z.string(), org: z.string(), role: z.string(), disabled: z.boolean() })),
  orgs: z.array(z.object({ id: z.string(), name: z.string() })),
});
/** People and organisations for the filters. */
export type LogPeople = z.infer<typeof peopleSchema>;

const openingsSchema = z.object({
  openings: z.array(z.object({
    username: z.string(), name: z.string().nullable(), org: z.string().nullable(), orgName: z.string().nullable(),
    first: z.string(), last: z.string(), times: z.number().int().min(1),
  })),
});
/** One person's openings of a case. */
export type CaseOpening = z.infer<typeof openingsSchema>['openings'][number];

const subjectReportSchema = z.object({
  matches: z.array(z.object({
    room: z.string(), caseNumber: z.string().nullable(), caseType: z.string().nullable(), status: z.string().nullable(),
    role: z.string(), birthYear: z.number().int().nullable(),
  })),
  casesSearched: z.number().int().min(0),
});
/** The inzageverzoek report: every appearance of the person, by case number and role. */
export type SubjectReport = z.infer<typeof subjectReportSchema>;

/** Why a case is closed (the server's codes, sync-server/src/privacy/retention.ts). */
export const caseCloseReasons = ['doel-bereikt', 'overgedragen', 'geen-zvh-casus', 'overig'] as const;
/** A reason code for "Casus afsluiten". */
export type CaseCloseReason = (typeof caseCloseReasons)[number];

const closureSchema = z.object({
  closedAt: z.string(), reason: z.enum(caseCloseReasons), months: z.number().int().min(1), deleteFrom: z.string(),
});
/** A case's closure: when, why, and from when the retention run deletes it. */
export type CaseClosure = z.infer<typeof closureSchema>;
const closureAnswerSchema = z.object({ closure: closureSchema.nullable() });
const closeAnswerSchema = z.object({
  status: z.literal('afgesloten'), closedAt: z.string(), reason: z.enum(caseCloseReasons),
  months: z.number().int().min(1).nullable(), deleteFrom: z.string().nullable(),
});

/** The privacy calls. */
export interface PrivacyApi {
  /** The closure of a case (null when it is not closed with "Casus afsluiten"). */
  caseClosure(caseId: Room): Promise<CaseClosure | null>;
  /** "Casus afsluiten" (the case's process director); resolves with the closure and its deletion date. */
  closeCase(caseId: Room, reason: CaseCloseReason): Promise<CaseClosure | null>;
  /** "Casus heropenen": the case is in progress again and no longer due for deletion. */
  reopenCase(caseId: Room): Promise<void>;
  /** The inzageverzoek report for a name (and birth year); the server audits it. */
  subjectReport(query: { name: string; birthYear?: number }): Promise<SubjectReport>;
  accessLog(query: AccessLogQuery): Promise<AccessLogPage>;
  verifyChain(): Promise<ChainVerdict>;
  people(): Promise<LogPeople>;
  /** The CSV file of the log under `query` (the server audits the export). */
  exportCsv(query: AccessLogQuery): Promise<Uint8Array>;
  caseOpenings(caseId: Room): Promise<CaseOpening[]>;
}

/** How to reach the server. */
export interface PrivacyApiOptions {
  serverUrl: string;
  /** The current token, read on every call (a re-login takes effect at once). */
  token(): Promise<string | null> | string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The query string of a filter (empty fields left out). */
export function accessLogSearch(query: AccessLogQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | undefined][]) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Creates the privacy calls for one server. */
export function createPrivacyApi(options: PrivacyApiOptions): PrivacyApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function get(path: string, accept: string): Promise<Response> {
    const token = await options.token();
    let response: Response;
    try {
      response = await doFetch(`${options.serverUrl}${path}`, {
        headers: { Accept: accept, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new PrivacyApiError('unreachable', 0);
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    throw new PrivacyApiError(codeForStatus(response.status, typeof body?.error === 'string' ? body.error : null, path), response.status);
  }

  async function post<T>(schema: z.ZodType<T>, path: string, body: unknown): Promise<T> {
    const token = await options.token();
    let response: Response;
    try {
      response = await doFetch(`${options.serverUrl}${path}`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new PrivacyApiError('unreachable', 0);
    }
    const answer = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const code = typeof (answer as { error?: unknown } | null)?.error === 'string' ? (answer as { error: string }).error : null;
      throw new PrivacyApiError(codeForStatus(response.status, code, path), response.status);
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw new PrivacyApiError('server', response.status);
    return parsed.data;
  }

  async function json<T>(schema: z.ZodType<T>, path: string): Promise<T> {
    const response = await get(path, 'application/json');
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new PrivacyApiError('server', response.status);
    return parsed.data;
  }

  return {
    accessLog: (query) => json(pageSchema, `/api/access-log${accessLogSearch(query)}`),
    verifyChain: () => json(verdictSchema, '/api/access-log/verify'),
    people: () => json(peopleSchema, '/api/access-log/people'),
    async exportCsv(query) {
      const response = await get(`/api/access-log/export.csv${accessLogSearch(query)}`, 'text/csv');
      return new Uint8Array(await response.arrayBuffer());
    },
    subjectReport: (query) => post(subjectReportSchema, '/api/privacy/subject-report', query),
    caseClosure: async (caseId) => (await json(closureAnswerSchema, `/api/rooms/${encodeURIComponent(caseId)}/closure`)).closure,
    async closeCase(caseId, reason) {
      const answer = await post(closeAnswerSchema, `/api/rooms/${encodeURIComponent(caseId)}/close`, { reason });
      return answer.months === null || answer.deleteFrom === null
        ? null
        : { closedAt: answer.closedAt, reason: answer.reason, months: answer.months, deleteFrom: answer.deleteFrom };
    },
    async reopenCase(caseId) {
      await post(z.object({ status: z.string() }), `/api/rooms/${encodeURIComponent(caseId)}/reopen`, {});
    },
    caseOpenings: async (caseId) => (await json(openingsSchema, `/api/rooms/${encodeURIComponent(caseId)}/openings`)).openings,
  };
}
