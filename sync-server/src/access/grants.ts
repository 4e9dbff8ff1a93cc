/**
 * Rooms and who may open them. A room exists once it is created or first granted;
 * access is the user's grant, capped by role (see docs/design.md, "Users, organisations, roles").
 */
import type { AuditLog } from '../storage/audit';
import { accessChannel, DirectoryError, type PublicUser } from './directory';
import type { Sql } from '../storage/sql';
import { createId, isAccess, isMeasuresRoom, isPartRoom, isRoom, isUsername, type Access, type Role, type RoomKind } from './names';

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

/**
 * Access to the region's improvement-measures board (`measures:<id>`) follows the role alone,
 * never a grant: every user with a case role reads it, process directors and secretaries edit
 * it (they run the review and keep the minutes of the working group); management reads it (the
 * monitor reports its progress). The board holds no personal data; a beheerder and a privacy
 * officer have no part in it.
 */
export function measuresAccess(role: Role): Access | null {
  if (role === 'procesregisseur' || role === 'secretaris') return 'edit';
  if (role === 'deelnemer' || role === 'waarnemer' || role === 'management') return 'view';
  return null;
}

/** Only a process director with edit access manages a room's members. */
export function canManage(role: Role, effective: Access | null): boolean {
  return role === 'procesregisseur' && effective === 'edit';
}

/** Who may create which kind of room from the app. */
export function canCreate(role: Role, kind: RoomKind): boolean {
  // The measures board is made by the server (ensureMeasuresRoom), one per region.
  if (kind === 'measures') return false;
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
  /** The region's improvement-measures room, created on first call (one per database). */
  ensureMeasuresRoom(): Promise<string>;
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

  const measuresRooms = async (): Promise<string[]> =>
    (await sql.all<{ room: string }>("SELECT room FROM rooms WHERE room LIKE 'measures:%' ORDER BY room")).map((row) => row.room);

  const effectiveAccess = async (username: string, room: string): Promise<Access | null> => {
    if (isPartRoom(room)) return partAccess(username, room);
    if (isMeasuresRoom(room)) {
      const user = await sql.get<{ role: Role; disabled: number }>(
        'SELECT u.role, u.disabled FROM users u JOIN rooms r ON r.room = $2 WHERE u.username = $1',
        [username, room],
      );
      return user && user.disabled === 0 ? measuresAccess(user.role) : null;
    }
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
      if (isMeasuresRoom(room)) throw new DirectoryError('invalid', 'Toegang tot de verbetermaatregelen volgt uit de rol; die wordt niet per gebruiker gegeven.');
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
      if (isMeasuresRoom(room)) throw new DirectoryError('invalid', 'Toegang tot de verbetermaatregelen volgt uit de rol; die wordt niet per gebruiker ingetrokken.');
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
        if (isMeasuresRoom(row.room)) return [];
        const access = row.disabled === 0 ? capAccess(row.role, row.access) : null;
        return access === null ? [] : [{ room: row.room, access, manage: canManage(row.role, access) }];
      });
      // Restricted parts of those cases that name the user's organisation; managed through the case.
      const parts = await sql.all<PartGrantRow & { room: string }>(
        'SELECT p.room, g.access, u.role, u.disabled, u.org, p.orgs FROM restricted_parts p JOIN grants g ON g.room = p.case_room JOIN users u ON u.username = g.username WHERE g.username = $1 ORDER BY p.room',
        [username],
      );
      const granted = [...cases, ...parts.flatMap((row) => {
        const access = row.disabled === 0 && partOrgs(row.orgs).includes(row.org) ? capAccess(row.role, row.access) : null;
        return access === null ? [] : [{ room: row.room, access, manage: false }];
      })];
      const user = await sql.get<{ role: Role; disabled: number }>('SELECT role, disabled FROM users WHERE username = $1', [username]);
      const boardAccess = user && user.disabled === 0 ? measuresAccess(user.role) : null;
      if (boardAccess === null) return granted;
      // Nobody manages the board's members: its access follows the role.
      return [...granted, ...(await measuresRooms()).map((room) => ({ room, access: boardAccess, manage: false }))];
    },
    async members(room) {
      if (isMeasuresRoom(room)) {
        const users = await sql.all<PublicUser & { [key: string]: unknown }>('SELECT username, name, org, role FROM users WHERE disabled = 0 ORDER BY name');
        return users.flatMap((user) => {
          const access = measuresAccess(user.role);
          return access === null ? [] : [{ username: user.username, name: user.name, org: user.org, role: user.role, access }];
        });
      }
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
    async ensureMeasuresRoom() {
      // The meta row names the board, so instances starting at once agree on one room.
      const candidate = createId('measures');
      return sql.tx(async (q) => {
        await q.run("INSERT INTO meta (key, value) VALUES ('measures_room', $1) ON CONFLICT DO NOTHING", [candidate]);
        const row = await q.get<{ value: string }>("SELECT value FROM meta WHERE key = 'measures_room'");
        const room = row?.value ?? candidate;
        if (!isMeasuresRoom(room)) throw new Error('meta.measures_room holds no measures room name');
        const created = (await q.run('INSERT INTO rooms (room, created_by, created_at) VALUES ($1, NULL, $2) ON CONFLICT DO NOTHING', [room, new Date().toISOString()])).changes > 0;
        if (created) await audit.appendIn(q, { event: 'room-create', actor: null, room });
        return room;
      });
    },
  };
}
