/**
 * The remembered session, stored sealed in the vault so the app can resume (and work
 * offline) after a restart. Read back through a schema: a damaged or older record is
 * treated as no session, never trusted half-way.
 */
import { z } from 'zod';

const roles = ['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder', 'privacyfunctionaris', 'management'] as const;

/** A user as the server's API returns it (login, /api/me, /api/users). */
export const publicUserSchema = z.object({
  username: z.string().min(1),
  name: z.string(),
  org: z.string(),
  role: z.enum(roles),
});

const storedSessionSchema = z.object({
  serverUrl: z.string().min(1),
  username: z.string().min(1),
  token: z.string().min(1),
  /** ISO time the server gave with the token. */
  expiresAt: z.string().min(1),
  user: publicUserSchema,
});

/** A login as the server returned it, plus where and as whom. */
export type StoredSession = z.infer<typeof storedSessionSchema>;

/** The stored session if `value` is one, else null. */
export function parseStoredSession(value: unknown): StoredSession | null {
  const parsed = storedSessionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** True when the session's token has expired at `now` (epoch ms); unreadable dates count as expired. */
export function isSessionExpired(session: StoredSession, now: number): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isNaN(expiresAt) || expiresAt <= now;
}
