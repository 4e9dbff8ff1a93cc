/**
 * The second factor of a password user: a TOTP secret sealed with the server's content
 * cipher, the last accepted time step, and ten single-use recovery codes kept as hashes.
 * Codes are never logged or audited; audit entries name the user and the outcome only.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ContentCipher } from '../storage/content-cipher';
import type { Sql } from '../storage/sql';
import { acceptedStep } from './totp';

/** How many recovery codes a user gets at enrolment. */
export const recoveryCodeCount = 10;

/** Outcome of a code check. */
export type CodeCheck = { ok: true; kind: 'totp' | 'recovery' } | { ok: false; reason: 'bad-code' | 'reused' | 'not-enrolled' };

/** Enrolment and code checks for one store. */
export interface TwoFactor {
  isEnrolled(username: string): Promise<boolean>;
  /**
   * Stores `secret` for a user without a second factor and returns their recovery codes
   * (shown once). `lastStep`: the step of the code that confirmed the enrolment (spent).
   * Null when the user was enrolled meanwhile (another tab won).
   */
  enrol(username: string, secret: string, lastStep: number | null): Promise<string[] | null>;
  /** Checks a TOTP code or a recovery code and spends it. */
  check(username: string, code: string): Promise<CodeCheck>;
}

const sealContext = (username: string): string => `totp\0${username}`;

/** Recovery codes: 16 base32 characters (80 bits) shown as four groups, e.g. `k7qx-…`. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(16);
  let text = '';
  for (const byte of bytes) text += alphabet[byte & 31];
  return text.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter when a recovery code is typed. */
const normaliseRecovery = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');
const hashRecovery = (code: string): string => createHash('sha256').update(normaliseRecovery(code)).digest('hex');

/** True when `text` has the shape of a recovery code (16 base32 characters, dashes allowed). */
export const isRecoveryCode = (text: string): boolean => /^[a-z2-7]{16}$/.test(normaliseRecovery(text));

/** Binds two-factor records to a database and the content cipher. */
export function createTwoFactor(sql: Sql, cipher: ContentCipher): TwoFactor {
  return {
    async isEnrolled(username) {
      return (await sql.get('SELECT 1 AS found FROM two_factor WHERE username = $1', [username])) !== undefined;
    },

    async enrol(username, secret, lastStep) {
      const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
      const sealed = cipher.encrypt(Buffer.from(secret, 'utf8'), sealContext(username));
      return sql.tx(async (q) => {
        const result = await q.run(
          'INSERT INTO two_factor (username, secret, last_step, enrolled_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [username, sealed, lastStep, new Date().toISOString()],
        );
        if (result.changes === 0) return null;
        await q.run('DELETE FROM recovery_codes WHERE username = $1', [username]);
        for (const code of codes) await q.run('INSERT INTO recovery_codes (username, code_hash, used_at) VALUES ($1, $2, NULL)', [username, hashRecovery(code)]);
        return codes;
      });
    },

    async check(username, code) {
      if (isRecoveryCode(code)) {
        const result = await sql.run(
          'UPDATE recovery_codes SET used_at = $1 WHERE username = $2 AND code_hash = $3 AND used_at IS NULL',
          [new Date().toISOString(), username, hashRecovery(code)],
        );
        return result.changes === 1 ? { ok: true, kind: 'recovery' } : { ok: false, reason: 'bad-code' };
      }
      // The row is locked from read to write: two requests with the same code cannot both pass.
      return sql.tx(async (q): Promise<CodeCheck> => {
        const row = await q.get<{ secret: Buffer; last_step: number | null }>('SELECT secret, last_step FROM two_factor WHERE username = $1 FOR UPDATE', [username]);
        if (!row) return { ok: false, reason: 'not-enrolled' };
        const secret = Buffer.from(cipher.decrypt(row.secret, sealContext(username))).toString('utf8');
        const verdict = acceptedStep(secret, code, row.last_step);
        if ('refused' in verdict) return { ok: false, reason: verdict.refused };
        await q.run('UPDATE two_factor SET last_step = $1 WHERE username = $2', [verdict.step, username]);
        return { ok: true, kind: 'totp' };
      });
    },
  };
}
