/**
 * Login tokens. The token is 32 random bytes handed to the client once; the database
 * keeps only its SHA-256, so a copy of the data dir does not hold usable tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './database';

/** A valid session. */
export interface Session { tokenHash: string; username: string; expiresAt: number }

/** Creating, checking and ending sessions. */
export interface Sessions {
  create(username: string): { token: string; expiresAt: number };
  /** The session of a token if it exists, has not expired and its user is active. */
  check(token: string): Session | null;
  /** Same as check, by hash (for live sockets). */
  checkHash(tokenHash: string): Session | null;
  end(token: string): void;
  purgeExpired(): void;
}

/** SHA-256 of a token, hex. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** Binds sessions to an open database. */
export function createSessions(db: Db, ttlMs: number): Sessions {
  const insert = db.prepare('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const lookup = db.prepare<[string], { username: string; expires_at: number }>(
    'SELECT s.username, s.expires_at FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ? AND u.disabled = 0',
  );
  const checkHash = (tokenHash: string): Session | null => {
    const row = lookup.get(tokenHash);
    if (!row || row.expires_at <= Date.now()) return null;
    return { tokenHash, username: row.username, expiresAt: row.expires_at };
  };
  return {
    create(username) {
      const token = randomBytes(32).toString('base64url');
      const now = Date.now();
      insert.run(hashToken(token), username, now, now + ttlMs);
      return { token, expiresAt: now + ttlMs };
    },
    check: (token) => (tokenPattern.test(token) ? checkHash(hashToken(token)) : null),
    checkHash,
    end: (token) => {
      if (tokenPattern.test(token)) db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
    },
    purgeExpired: () => {
      db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(Date.now());
    },
  };
}
