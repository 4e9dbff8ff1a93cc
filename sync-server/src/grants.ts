/**
 * Rooms and who may open them. A room exists once it is created or first granted;
 * access is the user's grant, capped by role (see docs/design.md, "Users, organisations, roles").
 */
import type { AuditLog } from './audit';
import type { Db } from './database';
import { DirectoryError, type PublicUser } from './directory';
import { createId, isAccess, isRoom, isUsername, type Access, type Role, type RoomKind } from './names';

/** A room a user may open. */
export interface RoomAccess { room: string; access: Access; manage: boolean }

/** A member of a room with the access that applies to them. */
export interface Member extends PublicUser { access: Access }

/** Effective access: an observer never writes, whatever the grant says. */
export function capAccess(role: Role, granted: Access): Access {
  return role === 'waarnemer' ? 'view' : granted;
}

/** Only a process director with edit access manages a room's members. */
export function canManage(role: Role, effective: Access | null): boolean {
  return role === 'procesregisseur' && effective === 'edit';
}

/** Who may create which kind of room from the app. */
export function canCreate(role: Role, kind: RoomKind): boolean {
  if (kind === 'meeting') return role === 'procesregisseur';
  return role === 'procesregisseur' || role === 'deelnemer' || role === 'secretaris';
}

/** Reading and changing rooms and grants. */
export interface Grants {
  createRoom(kind: RoomKind, creator: string): string;
  roomExists(room: string): boolean;
  grant(room: string, username: string, access: Access, actor: string, ip?: string | null): void;
  revoke(room: string, username: string, actor: string, ip?: string | null): boolean;
  /** The access that applies now, or null: no grant, unknown or disabled user. */
  effectiveAccess(username: string, room: string): Access | null;
  roomsOf(username: string): RoomAccess[];
  members(room: string): Member[];
}

interface GrantRow { access: Access; role: Role; disabled: number }

/** Binds grants to an open database and audit log. */
export function createGrants(db: Db, audit: AuditLog): Grants {
  const grantOf = db.prepare<[string, string], GrantRow>(
    'SELECT g.access, u.role, u.disabled FROM grants g JOIN users u ON u.username = g.username WHERE g.room = ? AND g.username = ?',
  );
  const ensureRoom = db.prepare('INSERT OR IGNORE INTO rooms (room, created_by, created_at) VALUES (?, ?, ?)');
  const upsertGrant = db.prepare(
    'INSERT INTO grants (room, username, access, granted_at) VALUES (?, ?, ?, ?) ON CONFLICT (room, username) DO UPDATE SET access = excluded.access, granted_at = excluded.granted_at',
  );

  const requireArgs = (room: string, username: string): void => {
    if (!isRoom(room)) throw new DirectoryError('invalid', 'Een kamer heet case:<id> of meeting:<id> (id: 8 tot 32 kleine letters of cijfers).');
    if (!isUsername(username) || !db.prepare('SELECT 1 FROM users WHERE username = ?').get(username)) {
      throw new DirectoryError('unknown-user', `Gebruiker ${username} bestaat niet.`);
    }
  };

  const effectiveAccess = (username: string, room: string): Access | null => {
    const row = grantOf.get(room, username);
    if (!row || row.disabled !== 0) return null;
    return capAccess(row.role, row.access);
  };

  return {
    createRoom(kind, creator) {
      const room = createId(kind);
      db.transaction(() => {
        ensureRoom.run(room, creator, new Date().toISOString());
        upsertGrant.run(room, creator, 'edit', new Date().toISOString());
        audit.append({ event: 'room-create', actor: creator, room });
        audit.append({ event: 'grant', actor: creator, room, target: creator, detail: { access: 'edit' } });
      }).immediate();
      return room;
    },
    roomExists: (room) => isRoom(room) && db.prepare('SELECT 1 FROM rooms WHERE room = ?').get(room) !== undefined,
    grant(room, username, access, actor, ip = null) {
      requireArgs(room, username);
      if (!isAccess(access)) throw new DirectoryError('invalid', 'Toegang is edit of view.');
      db.transaction(() => {
        ensureRoom.run(room, actor, new Date().toISOString());
        upsertGrant.run(room, username, access, new Date().toISOString());
        audit.append({ event: 'grant', actor, room, target: username, ip, detail: { access } });
      }).immediate();
    },
    revoke(room, username, actor, ip = null) {
      requireArgs(room, username);
      return db.transaction(() => {
        const removed = db.prepare('DELETE FROM grants WHERE room = ? AND username = ?').run(room, username).changes > 0;
        audit.append({ event: 'revoke', actor, room, target: username, ip, detail: { hadGrant: removed } });
        return removed;
      }).immediate();
    },
    effectiveAccess,
    roomsOf(username) {
      const rows = db.prepare<[string], { room: string; access: Access; role: Role; disabled: number }>(
        'SELECT g.room, g.access, u.role, u.disabled FROM grants g JOIN users u ON u.username = g.username WHERE g.username = ? ORDER BY g.room',
      ).all(username);
      return rows.filter((row) => row.disabled === 0).map((row) => {
        const access = capAccess(row.role, row.access);
        return { room: row.room, access, manage: canManage(row.role, access) };
      });
    },
    members(room) {
      return db.prepare<[string], PublicUser & { access: Access }>(
        'SELECT u.username, u.name, u.org, u.role, g.access FROM grants g JOIN users u ON u.username = g.username WHERE g.room = ? AND u.disabled = 0 ORDER BY u.name',
      ).all(room).map((row) => ({ ...row, access: capAccess(row.role, row.access) }));
    },
  };
}
