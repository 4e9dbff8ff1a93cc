/**
 * GET /api/monitor (docs/design.md "Monitor"): the region's figures for one period and area.
 * The answer is checked; every failure is an {@link ApiError} code. Nothing here logs a body.
 */
import { z } from 'zod';
import { codeForStatus, type ApiErrorCode } from '../session/apiError';

/** A failed monitor call. */
export class MonitorApiError extends Error {
  override readonly name = 'MonitorApiError';
  constructor(readonly code: ApiErrorCode, readonly status: number) {
    super(`${code} (${status})`);
  }
}

const figureSchema = z.object({
  id: z.string(),
  group: z.string(),
  label: z.string(),
  definition: z.string(),
  value: z.union([z.number(), z.null(), z.literal('< 5')]),
  basis: z.number().optional(),
  /** A partner's figure: the organisation's name ('' while none has entered it). */
  source: z.string().optional(),
});
/** One figure as the server sends it. */
export type MonitorFigure = z.infer<typeof figureSchema>;

const answerSchema = z.object({
  from: z.string(),
  to: z.string(),
  at: z.string(),
  municipality: z.string().nullable(),
  suppressed: z.boolean(),
  municipalities: z.array(z.object({ id: z.string(), name: z.string() })),
  figures: z.array(figureSchema),
});
/** The figures of one period and area. */
export type MonitorAnswer = z.infer<typeof answerSchema>;

/** What to ask for. */
export interface MonitorQuery { from: string; to: string; at: string; municipality: string | null; export?: boolean }

/** How to reach the server. */
export interface MonitorApiOptions {
  serverUrl: string;
  token(): Promise<string | null> | string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The monitor call. */
export interface MonitorApi { figures(query: MonitorQuery): Promise<MonitorAnswer> }

/** The query string of a request. */
export function monitorSearch(query: MonitorQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, at: query.at });
  if (query.municipality) params.set('municipality', query.municipality);
  if (query.export) params.set('export', '1');
  return `?${params.toString()}`;
}

/** One request with the session's token: the parsed JSON body, or a {@link MonitorApiError}. */
function createCaller(options: MonitorApiOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (path: string, suffix = '', init: RequestInit = {}, type = 'application/json'): Promise<{ status: number; body: unknown }> => {
    const token = await options.token();
    let response: Response;
    try {
      response = await doFetch(`${options.serverUrl}${path}${suffix}`, {
        ...init,
        headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': type } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new MonitorApiError('unreachable', 0);
    }
    const body = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const code = typeof (body as { error?: unknown } | null)?.error === 'string' ? (body as { error: string }).error : null;
      throw new MonitorApiError(codeForStatus(response.status, code, path), response.status);
    }
    return { status: response.status, body };
  };
}

/** Creates the monitor call for one server. */
export function createMonitorApi(options: MonitorApiOptions): MonitorApi {
  const call = createCaller(options);
  return {
    async figures(query) {
      const { status, body } = await call('/api/monitor', monitorSearch(query));
      const parsed = answerSchema.safeParse(body);
      if (!parsed.success) throw new MonitorApiError('server', status);
      return parsed.data;
    },
  };
}

const partnerSchema = z.object({
  catalogue: z.array(z.object({ id: z.string(), label: z.string(), definition: z.string(), kinds: z.array(z.string()) })),
  mine: z.array(z.string()),
  values: z.array(z.object({ org: z.string(), figure: z.string(), year: z.number(), quarter: z.number(), value: z.number(), enteredBy: z.string(), enteredAt: z.string() })),
});
/** The partner figures a user may see and enter (GET /api/monitor/partner-figures). */
export type PartnerFigures = z.infer<typeof partnerSchema>;

/** Entering the figures from partners (docs/design.md "Monitor"). */
export interface PartnerFiguresApi {
  load(): Promise<PartnerFigures>;
  /** Saves the values of one quarter ("2025-K1"). */
  save(period: string, figures: Record<string, number>): Promise<void>;
  /** Checks (dryRun) or applies a CSV "periode;figuur;waarde"; the server answers per line in Dutch. */
  importCsv(text: string, dryRun: boolean): Promise<PartnerImport>;
}

const importSchema = z.object({
  dryRun: z.boolean(),
  applied: z.number(),
  errors: z.number(),
  lines: z.array(z.object({ line: z.number(), ok: z.boolean(), message: z.string() })),
});
/** The answer to an import. */
export type PartnerImport = z.infer<typeof importSchema>;

/** Creates the partner-figure calls for one server. */
export function createPartnerFiguresApi(options: MonitorApiOptions): PartnerFiguresApi {
  const caller = createCaller(options);
  const path = '/api/monitor/partner-figures';
  const call = async (init: RequestInit, suffix = '', type = 'application/json'): Promise<unknown> => (await caller(path, suffix, init, type)).body;
  return {
    async load() {
      const parsed = partnerSchema.safeParse(await call({ method: 'GET' }));
      if (!parsed.success) throw new MonitorApiError('server', 200);
      return parsed.data;
    },
    async save(period, figures) {
      await call({ method: 'PUT', body: JSON.stringify({ period, figures }) });
    },
    async importCsv(text, dryRun) {
      const parsed = importSchema.safeParse(await call({ method: 'POST', body: text }, `/import${dryRun ? '?dryRun=1' : ''}`, 'text/csv'));
      if (!parsed.success) throw new MonitorApiError('server', 200);
      return parsed.data;
    },
  };
}
