/**
 * The user's own choice for the e-mail digest, on the server (it sends the mail): GET and
 * PUT /api/me/digest. Every answer is checked; a failure is an {@link ApiError} code.
 */
import { z } from 'zod';
import { ApiError, codeForStatus } from '../session/apiError';

/** What the user may choose: as the organisation sends it, at most weekly, or none. */
export type DigestChoice = 'org' | 'weekly' | 'off';
/** The choices in the order the settings show them. */
export const digestChoices: readonly DigestChoice[] = ['org', 'weekly', 'off'];

const stateSchema = z.object({
  orgFrequency: z.enum(['off', 'daily', 'weekly']),
  hasAddress: z.boolean(),
  choice: z.enum(['org', 'weekly', 'off']),
});
/** The organisation's rhythm, whether an address is set, and the user's choice. */
export type DigestState = z.infer<typeof stateSchema>;

/** The calls. */
export interface DigestApi {
  get(): Promise<DigestState>;
  set(choice: DigestChoice): Promise<void>;
}

/** Creates the calls for one server; `token` is read on every call. */
export function createDigestApi(options: { serverUrl: string; token(): Promise<string | null> | string | null; fetch?: typeof fetch }): DigestApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const path = '/api/me/digest';
  async function call(method: 'GET' | 'PUT', body?: unknown): Promise<Response> {
    const token = await options.token();
    let response: Response;
    try {
      response = await doFetch(`${options.serverUrl}${path}`, {
        method,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError('unreachable', 0, path);
    }
    if (!response.ok) {
      const answer = (await response.json().catch(() => null)) as { error?: unknown } | null;
      const serverCode = typeof answer?.error === 'string' ? answer.error : null;
      throw new ApiError(codeForStatus(response.status, serverCode, path), response.status, path, serverCode);
    }
    return response;
  }
  return {
    async get() {
      const response = await call('GET');
      const parsed = stateSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new ApiError('server', response.status, path);
      return parsed.data;
    },
    async set(choice) {
      await call('PUT', { choice });
    },
  };
}
