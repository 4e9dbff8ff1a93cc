/**
 * The live connections: counted per user and per address for the caps, and re-checked
 * against sessions and grants whenever access may have changed (a revoke in the app, or
 * one made by the admin CLI in another process).
 */
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { Grants } from '../access/grants';
import type { Logger } from '../log';
import type { Access } from '../access/names';
import type { Sessions } from '../access/sessions';
import type { SharedConnectionCounts } from './shared-connection-counts';

/** Tracking and policing of admitted connections. */
export interface ConnectionRegistry {
  add(conn: Connection): void;
  remove(conn: Connection): void;
  /** Connections of `username` on every instance (with shared counts), else on this one. */
  countForUser(username: string): Promise<number>;
  countForIp(ip: string): Promise<number>;
  all(): Iterable<Connection>;
  /** Closes or downgrades every connection whose session or grant no longer allows what it has. */
  enforce(filter?: { username?: string; room?: string }): Promise<void>;
  /** Closes connections whose session has expired (no database access). */
  closeExpired(now: number): void;
}

/** Creates the registry. */
export function createConnectionRegistry(deps: { sessions: Sessions; grants: Grants; logger: Logger; shared?: SharedConnectionCounts | null }): ConnectionRegistry {
  const conns = new Set<Connection>();
  const perUser = new Map<string, number>();
  const perIp = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, delta: number): void => {
    const next = (map.get(key) ?? 0) + delta;
    if (next <= 0) map.delete(key);
    else map.set(key, next);
  };

  // While the shared counts cannot be read (Redis down), the caps hold per instance.
  const sharedCount = async (local: number, read: (shared: SharedConnectionCounts) => Promise<number>): Promise<number> => {
    if (!deps.shared) return local;
    try {
      return Math.max(local, await read(deps.shared));
    } catch {
      return local;
    }
  };

  return {
    add(conn) {
      conns.add(conn);
      bump(perUser, conn.username, 1);
      bump(perIp, conn.ip, 1);
      deps.shared?.add(conn);
    },
    remove(conn) {
      if (!conns.delete(conn)) return;
      bump(perUser, conn.username, -1);
      bump(perIp, conn.ip, -1);
      deps.shared?.remove(conn);
    },
    countForUser: (username) => sharedCount(perUser.get(username) ?? 0, (shared) => shared.countForUser(username)),
    countForIp: (ip) => sharedCount(perIp.get(ip) ?? 0, (shared) => shared.countForIp(ip)),
    all: () => conns,
    closeExpired(now) {
      for (const conn of [...conns]) {
        if (conn.expiresAt > now) continue;
        deps.logger.info('connection-session-expired', { conn: conn.id, room: conn.room });
        conn.close(CloseCode.unauthorized, 'session expired');
      }
    },
    async enforce(filter = {}) {
      // One lookup per (token, room) pair, not per socket: a meeting has many sockets per user.
      const sessionOk = new Map<string, boolean>();
      const accessOf = new Map<string, Access | null>();
      for (const conn of [...conns]) {
        if (filter.username !== undefined && conn.username !== filter.username) continue;
        if (filter.room !== undefined && conn.room !== filter.room) continue;
        let valid = sessionOk.get(conn.tokenHash);
        if (valid === undefined) {
          valid = (await deps.sessions.checkHash(conn.tokenHash)) !== null;
          sessionOk.set(conn.tokenHash, valid);
        }
        if (!valid) {
          deps.logger.info('connection-session-ended', { conn: conn.id, room: conn.room });
          conn.close(CloseCode.unauthorized, 'session ended');
          continue;
        }
        const key = `${conn.username}\0${conn.room}`;
        let access = accessOf.get(key);
        if (access === undefined) {
          access = await deps.grants.effectiveAccess(conn.username, conn.room);
          accessOf.set(key, access);
        }
        if (access === null) {
          deps.logger.info('connection-revoked', { conn: conn.id, room: conn.room });
          conn.close(CloseCode.revoked, 'access revoked');
        } else if (access !== conn.access) {
          deps.logger.info('connection-access-changed', { conn: conn.id, room: conn.room, access });
          conn.access = access;
        }
      }
    },
  };
}
