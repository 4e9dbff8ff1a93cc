/**
 * What the minutes export needs from the sync server (docs/design.md, HTTP API): frozen
 * copies, room members (need-to-know), the directory, and the audit report. The
 * session's ApiClient covers the directory and members; frozen copies and the audit
 * report are here until it grows them (see README of this folder).
 */
import { z } from 'zod';
import { isRoom, type Room } from '../../domain/ids';

/** A frozen copy as `GET /api/frozen?room=` lists it. */
export interface FrozenEntry {
  id: string;
  room: string;
  meeting: string;
  version: number;
  createdAt: string;
  sha256: string;
}

/** The detail of an export audit entry (`POST /api/audit`). */
export interface ExportReport {
  room: Room;
  /** `minutes` or `actions`. */
  kind: 'minutes' | 'actions';
  version: number | null;
  org: string | null;
  signed: boolean;
  sha256: string;
}

/** Why a server call failed: `no-access` (401/403/404), `offline` (no answer) or `server`. */
export class MinutesServerError extends Error {
  override readonly name = 'MinutesServerError';
  constructor(readonly code: 'no-access' | 'offline' | 'server', readonly status: number) {
    super(`${code} (${status})`);
  }
}

/** The server calls of the minutes export. */
export interface MinutesServer {
  frozenList(room: Room): Promise<FrozenEntry[]>;
  frozenCopy(id: string): Promise<Uint8Array>;
  /** Cases on an approved agenda of `meeting` deleted after their retention period: room → case number. */
  deletedCases(meeting: Room): Promise<Map<string, string | null>>;
  members(room: Room): Promise<{ username: string; org: string }[]>;
  users(): Promise<{ username: string; name: string; org: string }[]>;
  orgs(): Promise<{ id: string; name: string }[]>;
  reportExport(report: ExportReport): Promise<void>;
}

/** How to reach the server: its URL and the current token (read on every call). */
export interface MinutesServerOptions {
  serverUrl: string;
  /** The current token, read on every call (a re-login takes effect at once). */
  token: () => Promise<string | null> | string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const deletedCasesSchema = z.object({
  deleted: z.array(z.object({ room: z.string().regex(/^case:[a-z0-9]{8,32}$/), caseNumber: z.string().nullable(), deletedAt: z.string() })),
});

const frozenListSchema = z.object({
  frozen: z.array(z.object({
    id: z.string().regex(/^frozen:[a-z0-9]{8,32}$/),
    room: z.string().refine(isRoom),
    meeting: z.string().refine(isRoom),
    version: z.number().int().min(1),
    createdAt: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })),
});
const membersSchema = z.object({ members: z.array(z.object({ username: z.string(), org: z.string() }).passthrough()) });
const usersSchema = z.object({ users: z.array(z.object({ username: z.string(), name: z.string(), org: z.string() }).passthrough()) });
const orgsSchema = z.object({ orgs: z.array(z.object({ id: z.string(), name: z.string() })) });

/** An HTTP implementation for the web app and the desktop renderer. */
export function createMinutesServer(options: MinutesServerOptions): MinutesServer {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    const token = await options.token();
    let response: Response;
    try {
      response = await doFetch(`${options.serverUrl}${path}`, {
        method,
        headers: {
          ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new MinutesServerError('offline', 0);
    }
    if (response.ok) return response;
    if ([401, 403, 404].includes(response.status)) throw new MinutesServerError('no-access', response.status);
    if ([502, 503, 504].includes(response.status)) throw new MinutesServerError('offline', response.status);
    throw new MinutesServerError('server', response.status);
  }

  async function json<T>(schema: z.ZodType<T>, path: string): Promise<T> {
    const response = await call('GET', path);
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new MinutesServerError('server', response.status);
    return parsed.data;
  }

  return {
    frozenList: async (room) => (await json(frozenListSchema, `/api/frozen?room=${encodeURIComponent(room)}`)).frozen,
    async frozenCopy(id) {
      const response = await call('GET', `/api/frozen/${encodeURIComponent(id)}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async deletedCases(meeting) {
      const answer = await json(deletedCasesSchema, `/api/meetings/${encodeURIComponent(meeting)}/deleted-cases`);
      return new Map(answer.deleted.map((entry) => [entry.room, entry.caseNumber]));
    },
    members: async (room) => (await json(membersSchema, `/api/rooms/${encodeURIComponent(room)}/members`)).members,
    users: async () => (await json(usersSchema, '/api/users')).users,
    orgs: async () => (await json(orgsSchema, '/api/orgs')).orgs,
    async reportExport(report) {
      const { room, ...detail } = report;
      await call('POST', '/api/audit', { event: 'export', room, detail });
    },
  };
}
