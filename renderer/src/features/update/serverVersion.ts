/**
 * Reads GET /api/version (public, no token): the server's protocol and release. A server
 * that does not answer, or answers something else, gives null: no notice beats a wrong one.
 */
import { z } from 'zod';

const versionSchema = z.object({ protocol: z.number().int().min(1), app: z.string().max(64) });
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
    if (!response.ok) return null;
    const parsed = versionSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
