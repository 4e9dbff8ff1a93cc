/**
 * Password hashing with scrypt. The parameters are stored with each hash so they can be
 * raised later without invalidating existing passwords.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const defaultCost = { N: 2 ** 15, r: 8, p: 1 };
const keyBytes = 32;
const maxmem = 128 * 1024 * 1024;

/** Bounds on passwords accepted when set (not when checked: a wrong one just fails). */
export const passwordRules = { minLength: 8, maxLength: 1024 };

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Returns a self-describing hash: `scrypt$N$r$p$salt$key` (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, defaultCost);
  return ['scrypt', defaultCost.N, defaultCost.r, defaultCost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `stored`; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every(Number.isSafeInteger) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length !== keyBytes) return false;
  const actual = await derive(password, salt, { N, r, p });
  return timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | null = null;

/** A hash of a random password: checked against when the user does not exist, so timing does not tell. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64'));
  return decoy;
}

/** Throws a Dutch, user-facing message when a new password breaks the rules. */
export function checkNewPassword(password: string): void {
  if (password.length < passwordRules.minLength) {
    throw new RangeError(`Het wachtwoord moet minstens ${passwordRules.minLength} tekens lang zijn.`);
  }
  if (password.length > passwordRules.maxLength) {
    throw new RangeError(`Het wachtwoord mag hoogstens ${passwordRules.maxLength} tekens lang zijn.`);
  }
}
