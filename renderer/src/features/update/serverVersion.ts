/**
 * Reads GET /api/version (public, no token): the server's protocol and release. A Themakamer
 * server from before this route answers 404 `{error:'not_found'}`: that is protocol 0. A
 * server that does not answer, or answers something else, gives null: no notice beats a wrong one.
 */
import { z } from 'zod';

const versionSchema = z.object({
  protocol: z.number().int().min(0),
  app: z.string().max(64),
  /** The region's idle lock (absent on servers from before it: the app's default). */
  idleLockMinutes: z.number().min(0).max(24 * 60).optional(),
});
const notFoundSchema = z.object({ error: z.literal('not_found') });

/** What a server from before GET /api/version is taken to be. */
export const PROTOCOL_BEFORE_VERSION_ROUTE: ServerVersion = { protocol: 0, app: 'onbekend' };
/** What the server says about itself. */
export type ServerVersion = z.infer<typeof versionSchema>;

/** How long to wait for the answer; a slower server counts as not answering (like the API client's 10 s). */
const VERSION_TIMEOUT_MS = 10_000;

/** Fetches `${serverUrl}/api/version`; null when unreachable or not understood. */
export async function fetchServerVersion(serverUrl: string, fetchImpl: typeof fetch = fetch): Promise<ServerVersion | null> {
  try {
    const response = await fetchImpl(`${serverUrl}/api/version`, {
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(VERSION_TIMEOUT_MS),
    });
    if (response.status === 404) return notFoundSchema.safeParse(await response.json()).success ? PROTOCOL_BEFORE_VERSION_ROUTE : null;
    if (!response.ok) return null;
    const parsed = versionSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
