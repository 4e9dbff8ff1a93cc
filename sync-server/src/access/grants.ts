/**
 * Rooms and who may open them. A room exists once it is created or first granted;
 * access is the user's grant, capped by role (see docs/design.md, "Users, organisations, roles").
 */
import type { AuditLog } from '../storage/audit';
import { accessChannel, DirectoryError, type PublicUser } from './directory';
import type { Sql } from '../storage/sql';
import { createId, isAccess, isPartRoom, isRoom, isUsername, type Access, type Role, type RoomKind } from './names';

/** A room a user may open. */
export interface RoomAccess { room: string; access: Access; manage: boolean }

/** A member of a room with the access that applies to them. */
export interface Member extends PublicUser { access: Access }

/** Roles that never open a room, whatever a grant says: they read no case or meeting content. */
export const noRoomAccessRoles: readonly Role[] = ['privacyfunctionaris', 'management'];

/**
 * Effective access: an observer never writes, whatever the grant says; a privacy officer never
 * opens a room (it reviews who did, from the audit log).
 */
export function capAccess(role: Role, granted: Access): Access | null {
  if (noRoomAccessRoles.includes(role)) return null;
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
  createRoom(kind: RoomKind, creator: string): Promise<string>;
  roomExists(room: string): Promise<boolean>;
  grant(room: string, username: string, access: Access, actor: string, ip?: string | null): Promise<void>;
  revoke(room: string, username: string, actor: string, ip?: string | null): Promise<boolean>;
  /** The access that applies now, or null: no grant, unknown or disabled user. */
  effectiveAccess(username: string, room: string): Promise<Access | null>;
  roomsOf(username: string): Promise<RoomAccess[]>;
  members(room: string): Promise<Member[]>;
}

interface GrantRow { access: Access; role: Role; disabled: number; [key: string]: unknown }
interface PartGrantRow extends GrantRow { org: string; orgs: string }

/** The org ids stored with a restricted part (a JSON array); anything else reads as none. */
export function partOrgs(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((org): org is string => typeof org === 'string') : [];
  } catch {
    return [];
  }
}

const ensureRoom = 'INSERT INTO rooms (room, created_by, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING';
const upsertGrant = 'INSERT INTO grants (room, username, access, granted_at) VALUES ($1, $2, $3, $4) ON CONFLICT (room, username) DO UPDATE SET access = excluded.access, granted_at = excluded.granted_at';

/** Binds grants to a database and audit log. */
export function createGrants(sql: Sql, audit: AuditLog): Grants {
  const requireArgs = async (room: string, username: string): Promise<void> => {
    if (!isRoom(room)) throw new DirectoryError('invalid', 'Een kamer heet case:<id> of meeting:<id> (id: 8 tot 32 kleine letters of cijfers).');
    if (!isUsername(username) || !(await sql.get('SELECT 1 AS found FROM users WHERE username = $1', [username]))) {
      throw new DirectoryError('unknown-user', `Gebruiker ${username} bestaat niet.`);
    }
  };

  // A restricted part: the user's access to its case, if the user's organisation is on the part.
  const partAccess = async (username: string, room: string): Promise<Access | null> => {
    const row = await sql.get<PartGrantRow>(
      'SELECT g.access, u.role, u.disabled, u.org, p.orgs FROM restricted_parts p JOIN grants g ON g.room = p.case_room JOIN users u ON u.username = g.username WHERE p.room = $1 AND g.username = $2',
      [room, username],
    );
    if (!row || row.disabled !== 0 || !partOrgs(row.orgs).includes(row.org)) return null;
    return capAccess(row.role, row.access);
  };

  const effectiveAccess = async (username: string, room: string): Promise<Access | null> => {
    if (isPartRoom(room)) return partAccess(username, room);
    const row = await sql.get<GrantRow>(
      'SELECT g.access, u.role, u.disabled FROM grants g JOIN users u ON u.username = g.username WHERE g.room = $1 AND g.username = $2',
      [room, username],
    );
    if (!row || row.disabled !== 0) return null;
    return capAccess(row.role, row.access);
  };

  return {
    async createRoom(kind, creator) {
      const room = createId(kind);
      await sql.tx(async (q) => {
        const now = new Date().toISOString();
        await q.run(ensureRoom, [room, creator, now]);
        await q.run(upsertGrant, [room, creator, 'edit', now]);
        await audit.appendIn(q, { event: 'room-create', actor: creator, room });
        await audit.appendIn(q, { event: 'grant', actor: creator, room, target: creator, detail: { access: 'edit' } });
      });
      return room;
    },
    roomExists: async (room) => isRoom(room) && (await sql.get('SELECT 1 AS found FROM rooms WHERE room = $1', [room])) !== undefined,
    async grant(room, username, access, actor, ip = null) {
      await requireArgs(room, username);
      if (!isAccess(access)) throw new DirectoryError('invalid', 'Toegang is edit of view.');
      if (isPartRoom(room)) throw new DirectoryError('invalid', 'Een afgeschermd deel heeft geen eigen leden: toegang volgt uit de casus en de organisaties van het deel.');
      const target = await sql.get<{ role: Role }>('SELECT role FROM users WHERE username = $1', [username]);
      if (target && noRoomAccessRoles.includes(target.role)) {
        throw new DirectoryError('invalid', `Gebruiker ${username} heeft de rol ${target.role} en krijgt geen toegang tot casussen of overleggen.`);
      }
      await sql.tx(async (q) => {
        const now = new Date().toISOString();
        await q.run(ensureRoom, [room, actor, now]);
        await q.run(upsertGrant, [room, username, access, now]);
        await audit.appendIn(q, { event: 'grant', actor, room, target: username, ip, detail: { access } });
        await q.notify(accessChannel);
      });
    },
    async revoke(room, username, actor, ip = null) {
      await requireArgs(room, username);
      return sql.tx(async (q) => {
        const removed = (await q.run('DELETE FROM grants WHERE room = $1 AND username = $2', [room, username])).changes > 0;
        await audit.appendIn(q, { event: 'revoke', actor, room, target: username, ip, detail: { hadGrant: removed } });
        await q.notify(accessChannel);
        return removed;
      });
    },
    effectiveAccess,
    async roomsOf(username) {
      const rows = await sql.all<GrantRow & { room: string }>(
        'SELECT g.room, g.access, u.role, u.disabled FROM grants g JOIN users u ON u.username = g.username WHERE g.username = $1 ORDER BY g.room',
        [username],
      );
      const cases = rows.flatMap((row) => {
        const access = row.disabled === 0 ? capAccess(row.role, row.access) : null;
        return access === null ? [] : [{ room: row.room, access, manage: canManage(row.role, access) }];
      });
      // Restricted parts of those cases that name the user's organisation; managed through the case.
      const parts = await sql.all<PartGrantRow & { room: string }>(
        'SELECT p.room, g.access, u.role, u.disabled, u.org, p.orgs FROM restricted_parts p JOIN grants g ON g.room = p.case_room JOIN users u ON u.username = g.username WHERE g.username = $1 ORDER BY p.room',
        [username],
      );
      return [...cases, ...parts.flatMap((row) => {
        const access = row.disabled === 0 && partOrgs(row.orgs).includes(row.org) ? capAccess(row.role, row.access) : null;
        return access === null ? [] : [{ room: row.room, access, manage: false }];
      })];
    },
    async members(room) {
      const part = isPartRoom(room) ? await sql.get<{ case_room: string; orgs: string }>('SELECT case_room, orgs FROM restricted_parts WHERE room = $1', [room]) : undefined;
      if (isPartRoom(room) && !part) return [];
      const rows = await sql.all<PublicUser & { access: Access; [key: string]: unknown }>(
        'SELECT u.username, u.name, u.org, u.role, g.access FROM grants g JOIN users u ON u.username = g.username WHERE g.room = $1 AND u.disabled = 0 ORDER BY u.name',
        [part ? part.case_room : room],
      );
      const orgs = part ? partOrgs(part.orgs) : null;
      return rows.flatMap((row) => {
        if (orgs && !orgs.includes(row.org)) return [];
        const access = capAccess(row.role, row.access);
        return access === null ? [] : [{ username: row.username, name: row.name, org: row.org, role: row.role, access }];
      });
    },
  };
}
