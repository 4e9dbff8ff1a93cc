/**
 * The first run of a server (no users yet): whether setup waits for its one-time link, and
 * sending the setup form. Public routes: no token.
 */
import { z } from 'zod';

/** What the setup form sends (docs/design.md, "First run"). */
export interface SetupInput { token: string; region: string; orgName: string; name: string; username: string; password: string }

/** Fields the server may refuse. */
export type SetupField = Exclude<keyof SetupInput, 'token'>;

/** Why setup failed: a wrong or spent link, already set up, a field to correct, or no answer. */
export type SetupFailure = { reason: 'token' | 'done' | 'unreachable' | 'server' } | { reason: 'field'; field: SetupField };

/** The hash route of the setup link: `#/inrichten/<token>`. */
export const setupTokenOf = (hash: string): string | null => /^#\/inrichten\/([A-Za-z0-9_-]{20,128})$/.exec(hash)?.[1] ?? null;

/** True while the server waits for its setup link to be used; false when it does not answer. */
export async function isSetupPending(serverUrl: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl(`${serverUrl}/api/setup`, { cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return false;
    return z.object({ pending: z.boolean() }).parse(await response.json()).pending;
  } catch {
    return false;
  }
}

const fieldSchema = z.object({ error: z.literal('invalid_field'), field: z.enum(['region', 'orgName', 'name', 'username', 'password']) });

/** Sends the setup form; resolves null on success. */
export async function completeSetup(serverUrl: string, input: SetupInput, fetchImpl: typeof fetch = fetch): Promise<SetupFailure | null> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}/api/setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    return { reason: 'unreachable' };
  }
  if (response.status === 204) return null;
  if (response.status === 403) return { reason: 'token' };
  if (response.status === 409) return { reason: 'done' };
  const body = fieldSchema.safeParse(await response.json().catch(() => null));
  return body.success ? { reason: 'field', field: body.data.field } : { reason: 'server' };
}
