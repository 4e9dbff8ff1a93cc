/**
 * Login tokens. The token is 32 random bytes handed to the client once; the database
 * keeps only its SHA-256, so a copy of the data dir does not hold usable tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { accessChannel } from './directory';
import type { Sql } from '../storage/sql';

/** A valid session. */
export interface Session { tokenHash: string; username: string; expiresAt: number }

/** Creating, checking and ending sessions. */
export interface Sessions {
  create(username: string): Promise<{ token: string; expiresAt: number }>;
  /** The session of a token if it exists, has not expired and its user is active. */
  check(token: string): Promise<Session | null>;
  /** Same as check, by hash (for live sockets). */
  checkHash(tokenHash: string): Promise<Session | null>;
  end(token: string): Promise<void>;
  purgeExpired(): Promise<void>;
}

/** SHA-256 of a token, hex. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** Binds sessions to a database. */
export function createSessions(sql: Sql, ttlMs: number): Sessions {
  const checkHash = async (tokenHash: string): Promise<Session | null> => {
    const row = await sql.get<{ username: string; expires_at: number }>(
      'SELECT s.username, s.expires_at FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = $1 AND u.disabled = 0',
      [tokenHash],
    );
    if (!row || row.expires_at <= Date.now()) return null;
    return { tokenHash, username: row.username, expiresAt: row.expires_at };
  };
  return {
    async create(username) {
      const token = randomBytes(32).toString('base64url');
      const now = Date.now();
      await sql.run('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), username, now, now + ttlMs]);
      return { token, expiresAt: now + ttlMs };
    },
    check: async (token) => (tokenPattern.test(token) ? checkHash(hashToken(token)) : null),
    checkHash,
    async end(token) {
      if (!tokenPattern.test(token)) return;
      await sql.tx(async (q) => {
        await q.run('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
        await q.notify(accessChannel);
      });
    },
    async purgeExpired() {
      await sql.run('DELETE FROM sessions WHERE expires_at <= $1', [Date.now()]);
    },
  };
}
