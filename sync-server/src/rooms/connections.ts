/**
 * The live connections: held slots per user and per address for the caps, and re-checked
 * against sessions and grants whenever access may have changed (a revoke in the app, or
 * one made by the admin CLI in another process).
 */
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { Grants } from '../access/grants';
import type { Logger } from '../log';
import type { Access } from '../access/names';
import type { Sessions } from '../access/sessions';
import type { CapKind, SharedConnectionCounts, SharedSlot } from './shared-connection-counts';

/** A place held under a connection cap; `release` gives it back (the first call; later ones do nothing). */
export interface Slot { release(): void }

/** Tracking and policing of admitted connections. */
export interface ConnectionRegistry {
  /**
   * Takes a slot under the cap of `kind` for `key` (a username or an address), or null when
   * `limit` are held: on every instance with shared counts, else on this one. Taken before the
   * slow part of admission and released when the socket is refused or closes, so concurrent
   * connects cannot pass the cap together.
   */
  reserve(kind: CapKind, key: string, limit: number): Promise<Slot | null>;
  add(conn: Connection): void;
  remove(conn: Connection): void;
  all(): Iterable<Connection>;
  /** Closes or downgrades every connection whose session or grant no longer allows what it has. */
  enforce(filter?: { username?: string; room?: string }): Promise<void>;
  /** Closes connections whose session has expired (no database access). */
  closeExpired(now: number): void;
}

/** Creates the registry. */
export function createConnectionRegistry(deps: { sessions: Sessions; grants: Grants; logger: Logger; shared?: SharedConnectionCounts | null }): ConnectionRegistry {
  const conns = new Set<Connection>();
  // Slots held on this instance per cap and key (also while the shared counts decide).
  const held: Record<CapKind, Map<string, number>> = { user: new Map(), ip: new Map() };
  const bump = (map: Map<string, number>, key: string, delta: number): void => {
    const next = (map.get(key) ?? 0) + delta;
    if (next <= 0) map.delete(key);
    else map.set(key, next);
  };

  return {
    async reserve(kind, key, limit) {
      const local = held[kind];
      // Check and take with no await between them: this instance never passes the cap.
      if ((local.get(key) ?? 0) >= limit) return null;
      bump(local, key, 1);
      let shared: SharedSlot | null = null;
      let released = false;
      const slot: Slot = {
        release() {
          if (released) return;
          released = true;
          bump(local, key, -1);
          shared?.release();
        },
      };
      if (!deps.shared) return slot;
      try {
        shared = await deps.shared.reserve(kind, key, limit);
      } catch {
        // Redis down: the caps hold per instance (the local slot alone) until it is back.
        return slot;
      }
      if (shared === null) {
        slot.release();
        return null;
      }
      return slot;
    },
    add(conn) {
      conns.add(conn);
    },
    remove(conn) {
      conns.delete(conn);
    },
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
