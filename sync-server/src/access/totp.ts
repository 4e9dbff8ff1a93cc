/**
 * TOTP (RFC 6238) as every authenticator app reads it: SHA-1, 6 digits, 30-second steps,
 * 20-byte secrets. A code is accepted one step early or late (clock drift), and only for a
 * step after the last one accepted, so a code seen over someone's shoulder is worth nothing.
 */
import { Secret, TOTP } from 'otpauth';

/** The issuer shown in the authenticator app. */
export const totpIssuer = 'Themakamer';
const period = 30;
const digits = 6;
/** Steps accepted either side of now: one covers a phone clock 30 s off. */
const window = 1;

/** A fresh random secret, base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totpFor = (secret: string, username: string): TOTP =>
  new TOTP({ issuer: totpIssuer, label: username, algorithm: 'SHA1', digits, period, secret: Secret.fromBase32(secret) });

/** The `otpauth://` URI an authenticator app scans (the QR code's content). */
export function totpUri(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/** True when `text` looks like a TOTP code (six digits, spaces allowed). */
export const isTotpCode = (text: string): boolean => /^\d{6}$/.test(text.replace(/\s/g, ''));

/**
 * The time step `code` belongs to, when it is valid now and later than `lastStep`; null
 * otherwise. The caller stores the step as the new `lastStep`.
 */
export function acceptedStep(secret: string, code: string, lastStep: number | null, now = Date.now()): { step: number } | { refused: 'bad-code' | 'reused' } {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return { refused: 'bad-code' };
  const totp = totpFor(secret, '');
  const delta = totp.validate({ token, timestamp: now, window });
  if (delta === null) return { refused: 'bad-code' };
  const step = totp.counter({ timestamp: now }) + delta;
  if (lastStep !== null && step <= lastStep) return { refused: 'reused' };
  return { step };
}
