/**
 * The ticket between the two steps of a sign-in: after the password, before the code. It is
 * sealed with the content cipher (so every instance sharing the data key can open it, and
 * nobody can read or forge it) and holds the user, what is asked next, the enrolment secret
 * when enrolling, a fingerprint of the password hash (a password change voids it) and its expiry.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ContentCipher } from '../storage/content-cipher';

/** What the second step asks. */
export type TicketKind = 'code' | 'enrol';

/** The opened ticket. */
export interface LoginTicket { username: string; kind: TicketKind; secret: string | null; passwordFingerprint: string; expiresAt: number }

/** Long enough to scan a QR code and type the first code; short enough to be useless later. */
export const ticketTtlMs = 10 * 60_000;
const context = 'login-ticket';

const ticketSchema = z.object({
  v: z.literal(1),
  u: z.string(),
  k: z.enum(['code', 'enrol']),
  s: z.string().nullable(),
  p: z.string(),
  e: z.number(),
});

/** A short fingerprint of a password hash: tells whether the password changed since the ticket. */
export const passwordFingerprint = (passwordHash: string): string => createHash('sha256').update(passwordHash).digest('hex').slice(0, 32);

/** Seals a ticket (base64url). */
export function sealTicket(cipher: ContentCipher, ticket: Omit<LoginTicket, 'expiresAt'>, now = Date.now()): string {
  const body = { v: 1, u: ticket.username, k: ticket.kind, s: ticket.secret, p: ticket.passwordFingerprint, e: now + ticketTtlMs };
  return cipher.encrypt(Buffer.from(JSON.stringify(body), 'utf8'), context).toString('base64url');
}

/** Opens a ticket; null when it is forged, damaged or expired. */
export function openTicket(cipher: ContentCipher, text: string, now = Date.now()): LoginTicket | null {
  try {
    const plain = Buffer.from(cipher.decrypt(Buffer.from(text, 'base64url'), context)).toString('utf8');
    const body = ticketSchema.parse(JSON.parse(plain));
    if (body.e <= now) return null;
    return { username: body.u, kind: body.k, secret: body.s, passwordFingerprint: body.p, expiresAt: body.e };
  } catch {
    return null;
  }
}
