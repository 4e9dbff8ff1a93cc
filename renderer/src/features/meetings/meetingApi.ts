/**
 * The meeting calls of the sync server's HTTP API (docs/design.md) that the session's
 * ApiClient does not have yet: approve ("vaststellen"), reopen, and the frozen copies.
 * Every answer is checked; every failure is a {@link MeetingApiError} with a code the UI
 * turns into Dutch. Paths in errors carry room ids only, never bodies.
 */
import { z } from 'zod';
import { isRoom, type MeetingId, type Room } from '../../domain/ids';
import { codeForStatus, type ApiErrorCode } from '../session/apiError';

/** Why a meeting call failed: the API's codes plus `already-approved` (409) and `not-chair` (403: only the chair named in the meeting). */
export type MeetingApiErrorCode = ApiErrorCode | 'already-approved' | 'not-chair';

/** A failed meeting call. */
export class MeetingApiError extends Error {
  override readonly name = 'MeetingApiError';
  constructor(readonly code: MeetingApiErrorCode, readonly status: number) {
    super(`${code} (${status})`);
  }
}

/** A frozen copy as listed (`GET /api/frozen?room=`). */
export interface FrozenInfo {
  id: string;
  room: Room;
  meeting: MeetingId;
  version: number;
  createdAt: string;
  sha256: string;
}

/** The answer to an approval. */
export interface ApprovalResult {
  version: number;
  approvedAt: string;
  frozen: { id: string; room: Room; sha256: string }[];
}

/** The meeting calls. */
export interface MeetingApi {
  approve(meeting: MeetingId): Promise<ApprovalResult>;
  reopen(meeting: MeetingId): Promise<void>;
  /** Frozen copies of a room, oldest first. */
  frozenList(room: Room): Promise<FrozenInfo[]>;
  /** The encoded Yjs state of one frozen copy. */
  frozenCopy(id: string): Promise<Uint8Array>;
}

/** How to reach the server. */
export interface MeetingApiOptions {
  serverUrl: string;
  /** The current token, read on every call (a re-login takes effect at once). */
  token(): Promise<string | null> | string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const roomSchema = z.custom<Room>((value) => isRoom(value));
const meetingSchema = z.custom<MeetingId>((value) => isRoom(value) && value.startsWith('meeting:'));
const frozenIdSchema = z.string().regex(/^frozen:[a-z0-9]{8,32}$/u);
const frozenListSchema = z.object({
  frozen: z.array(z.object({
    id: frozenIdSchema, room: roomSchema, meeting: meetingSchema, version: z.number().int().min(1), createdAt: z.string(), sha256: z.string(),
  })),
});
const approvalSchema = z.object({
  version: z.number().int().min(1),
  approvedAt: z.string(),
  frozen: z.array(z.object({ id: frozenIdSchema, room: roomSchema, sha256: z.string() })),
});

/** Creates the meeting calls for one server. */
export function createMeetingApi(options: MeetingApiOptions): MeetingApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function call(method: 'GET' | 'POST', path: string): Promise<Response> {
    const token = await options.token();
    let response: Response;
    try {
      response = await doFetch(`${options.serverUrl}${path}`, {
        method,
        headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new MeetingApiError('unreachable', 0);
    }
    if (response.ok) return response;
    let serverCode: string | null = null;
    try {
      const body: unknown = await response.json();
      const parsed = z.object({ error: z.string() }).safeParse(body);
      if (parsed.success) serverCode = parsed.data.error;
    } catch {
      // A proxy's error page: the status says enough.
    }
    if (response.status === 409 && serverCode === 'already_approved') throw new MeetingApiError('already-approved', 409);
    if (response.status === 403 && serverCode === 'not_chair') throw new MeetingApiError('not-chair', 403);
    throw new MeetingApiError(codeForStatus(response.status, serverCode, path), response.status);
  }

  async function json<T>(schema: z.ZodType<T>, method: 'GET' | 'POST', path: string): Promise<T> {
    const response = await call(method, path);
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new MeetingApiError('server', response.status);
    return parsed.data;
  }

  const meetingPath = (meeting: MeetingId, verb: string): string => `/api/meetings/${encodeURIComponent(meeting)}/${verb}`;

  return {
    approve: (meeting) => json(approvalSchema, 'POST', meetingPath(meeting, 'approve')),
    async reopen(meeting) {
      await call('POST', meetingPath(meeting, 'reopen'));
    },
    frozenList: async (room) => (await json(frozenListSchema, 'GET', `/api/frozen?room=${encodeURIComponent(room)}`)).frozen,
    async frozenCopy(id) {
      if (!frozenIdSchema.safeParse(id).success) throw new MeetingApiError('invalid-request', 0);
      const response = await call('GET', `/api/frozen/${encodeURIComponent(id)}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
