/**
 * Organisations and user accounts. Shared by the server and the admin CLI; every
 * change is audited by the caller's actor.
 */
import type { AuditDetail, AuditLog } from '../storage/audit';
import type { Sql, SqlQueries } from '../storage/sql';
import { isOrgId, isRole, isUsername, type Role } from './names';
import { checkNewPassword, hashPassword } from './passwords';

/** An organisation (ketenpartner). */
export interface Org { id: string; name: string }

/** A user as other users may see it. */
export interface PublicUser { username: string; name: string; org: string; role: Role }

/** A user with what the server needs to authenticate it. */
export interface UserRecord extends PublicUser { passwordHash: string; disabled: boolean }

/** Input of {@link Directory.addUser}. */
export interface NewUser { username: string; name?: string; org: string; role: Role; password: string }

/** The fields of a user an administrator may change (role, organisation, name). */
export interface UserChanges { name?: string; org?: string; role?: Role }

/** A request the directory refuses; `code` is stable, `message` is Dutch for people. */
export class DirectoryError extends Error {
  override name = 'DirectoryError';
  constructor(readonly code: 'invalid' | 'exists' | 'unknown-org' | 'unknown-user', message: string) {
    super(message);
  }
}

/** Reading and changing organisations and users. */
export interface Directory {
  addOrg(id: string, name: string, actor: string): Promise<void>;
  renameOrg(id: string, name: string, actor: string): Promise<void>;
  listOrgs(): Promise<Org[]>;
  addUser(user: NewUser, actor: string): Promise<PublicUser>;
  /** Changes name, role and/or organisation; returns the fields that really changed. Sessions stay, open connections are re-checked. */
  updateUser(username: string, changes: UserChanges, actor: string): Promise<(keyof UserChanges)[]>;
  disableUser(username: string, actor: string): Promise<void>;
  enableUser(username: string, actor: string): Promise<void>;
  setPassword(username: string, password: string, actor: string): Promise<void>;
  /** Removes the user's second factor and recovery codes and ends their sessions: they enrol again at the next sign-in. */
  resetTwoFactor(username: string, actor: string): Promise<void>;
  getUser(username: string): Promise<UserRecord | null>;
  /** Active users, for pickers. */
  listUsers(options?: { includeDisabled?: boolean }): Promise<(PublicUser & { disabled: boolean })[]>;
}

interface UserRow { username: string; name: string; org: string; role: Role; password_hash: string; disabled: number; [key: string]: unknown }

/** A display name as stored: NFC, single spaces, trimmed. */
export const cleanName = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim();

const orgIdRule = 'Een organisatie-id bestaat uit kleine letters, cijfers en streepjes (hoogstens 32).';
const orgNameRule = 'Geef de organisatie een naam (hoogstens 200 tekens).';
const usernameRule = 'Een gebruikersnaam bestaat uit 2 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes.';
const roleRule = 'Kies een rol: procesregisseur, secretaris, deelnemer, waarnemer, beheerder, privacyfunctionaris of management.';
const nameRule = 'Geef een naam van hoogstens 200 tekens.';

/** True if a cleaned display name is acceptable. */
export const isDisplayName = (clean: string): boolean => clean.length > 0 && clean.length <= 200;

/**
 * Inserts a user inside a transaction (the password already hashed) and audits it: shared by
 * {@link Directory.addUser} and the CSV import, which adds many users in one transaction.
 */
export async function insertUserIn(q: SqlQueries, audit: AuditLog, user: PublicUser & { passwordHash: string }, actor: string, detail: AuditDetail = {}): Promise<void> {
  if (!(await q.get('SELECT 1 AS found FROM orgs WHERE id = $1', [user.org]))) {
    throw new DirectoryError('unknown-org', `Organisatie ${user.org} bestaat niet; voeg haar eerst toe.`);
  }
  const result = await q.run(
    'INSERT INTO users (username, name, org, role, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, 0, $6) ON CONFLICT DO NOTHING',
    [user.username, user.name, user.org, user.role, user.passwordHash, new Date().toISOString()],
  );
  if (result.changes === 0) throw new DirectoryError('exists', `Gebruiker ${user.username} bestaat al.`);
  await audit.appendIn(q, { event: 'user-add', actor, target: user.username, detail: { org: user.org, role: user.role, ...detail } });
}

/**
 * Changes a user's name, role and/or organisation inside a transaction and audits the change
 * (field names, the role and organisation before and after; never the name itself: the
 * access log joins names at read time, and this entry keeps a user's earlier organisation): shared by
 * {@link Directory.updateUser} and the CSV import. Returns the fields that changed.
 */
export async function updateUserIn(q: SqlQueries, audit: AuditLog, username: string, changes: UserChanges, actor: string, detail: AuditDetail = {}): Promise<(keyof UserChanges)[]> {
  const row = isUsername(username) ? await q.get<UserRow>('SELECT * FROM users WHERE username = $1', [username]) : undefined;
  if (!row) throw new DirectoryError('unknown-user', `Gebruiker ${username} bestaat niet.`);
  const name = changes.name === undefined ? row.name : cleanName(changes.name);
  if (!isDisplayName(name)) throw new DirectoryError('invalid', nameRule);
  const role = changes.role ?? row.role;
  if (!isRole(role)) throw new DirectoryError('invalid', roleRule);
  const org = changes.org ?? row.org;
  if (org !== row.org && !(await q.get('SELECT 1 AS found FROM orgs WHERE id = $1', [org]))) {
    throw new DirectoryError('unknown-org', `Organisatie ${org} bestaat niet; voeg haar eerst toe.`);
  }
  const changed: (keyof UserChanges)[] = [];
  if (name !== row.name) changed.push('name');
  if (role !== row.role) changed.push('role');
  if (org !== row.org) changed.push('org');
  if (changed.length === 0) return changed;
  await q.run('UPDATE users SET name = $1, role = $2, org = $3 WHERE username = $4', [name, role, org, username]);
  await audit.appendIn(q, { event: 'user-update', actor, target: username, detail: { fields: changed.join(','), role, org, fromRole: row.role, fromOrg: row.org, ...detail } });
  // A role caps room access: running instances re-check open connections.
  await q.notify(accessChannel);
  return changed;
}

/** The channel on which changes to sessions, users and grants are announced to every instance. */
export const accessChannel = 'access';

/** Binds the directory to a database and audit log. */
export function createDirectory(sql: Sql, audit: AuditLog): Directory {
  const requireUser = async (username: string): Promise<UserRow> => {
    const row = isUsername(username) ? await sql.get<UserRow>('SELECT * FROM users WHERE username = $1', [username]) : undefined;
    if (!row) throw new DirectoryError('unknown-user', `Gebruiker ${username} bestaat niet.`);
    return row;
  };

  return {
    async addOrg(id, name, actor) {
      const clean = cleanName(name);
      if (!isOrgId(id)) throw new DirectoryError('invalid', orgIdRule);
      if (!isDisplayName(clean)) throw new DirectoryError('invalid', orgNameRule);
      await sql.tx(async (q) => {
        const result = await q.run('INSERT INTO orgs (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, clean]);
        if (result.changes === 0) throw new DirectoryError('exists', `Organisatie ${id} bestaat al.`);
        await audit.appendIn(q, { event: 'org-add', actor, detail: { org: id } });
      });
    },
    async renameOrg(id, name, actor) {
      const clean = cleanName(name);
      if (!isDisplayName(clean)) throw new DirectoryError('invalid', orgNameRule);
      await sql.tx(async (q) => {
        const result = await q.run('UPDATE orgs SET name = $1 WHERE id = $2', [clean, isOrgId(id) ? id : '']);
        if (result.changes === 0) throw new DirectoryError('unknown-org', `Organisatie ${id} bestaat niet.`);
        await audit.appendIn(q, { event: 'org-rename', actor, detail: { org: id } });
      });
    },
    listOrgs: () => sql.all<Org & Record<string, unknown>>('SELECT id, name FROM orgs ORDER BY name'),

    async addUser(user, actor) {
      const name = cleanName(user.name ?? user.username);
      if (!isUsername(user.username)) throw new DirectoryError('invalid', usernameRule);
      if (!isRole(user.role)) throw new DirectoryError('invalid', roleRule);
      if (!isDisplayName(name)) throw new DirectoryError('invalid', nameRule);
      try {
        checkNewPassword(user.password);
      } catch (error) {
        throw new DirectoryError('invalid', (error as Error).message);
      }
      const hash = await hashPassword(user.password);
      await sql.tx((q) => insertUserIn(q, audit, { username: user.username, name, org: user.org, role: user.role, passwordHash: hash }, actor));
      return { username: user.username, name, org: user.org, role: user.role };
    },

    updateUser: (username, changes, actor) => sql.tx((q) => updateUserIn(q, audit, username, changes, actor)),

    async disableUser(username, actor) {
      await requireUser(username);
      await sql.tx(async (q) => {
        await q.run('UPDATE users SET disabled = 1 WHERE username = $1', [username]);
        await q.run('DELETE FROM sessions WHERE username = $1', [username]);
        await audit.appendIn(q, { event: 'user-disable', actor, target: username });
        await q.notify(accessChannel);
      });
    },

    async enableUser(username, actor) {
      await requireUser(username);
      await sql.tx(async (q) => {
        await q.run('UPDATE users SET disabled = 0 WHERE username = $1', [username]);
        await audit.appendIn(q, { event: 'user-enable', actor, target: username });
      });
    },

    async setPassword(username, password, actor) {
      await requireUser(username);
      try {
        checkNewPassword(password);
      } catch (error) {
        throw new DirectoryError('invalid', (error as Error).message);
      }
      const hash = await hashPassword(password);
      await sql.tx(async (q) => {
        await q.run('UPDATE users SET password_hash = $1 WHERE username = $2', [hash, username]);
        // A new password ends every session made with the old one.
        await q.run('DELETE FROM sessions WHERE username = $1', [username]);
        await audit.appendIn(q, { event: 'user-password', actor, target: username });
        await q.notify(accessChannel);
      });
    },

    async resetTwoFactor(username, actor) {
      await requireUser(username);
      await sql.tx(async (q) => {
        await q.run('DELETE FROM two_factor WHERE username = $1', [username]);
        await q.run('DELETE FROM recovery_codes WHERE username = $1', [username]);
        await q.run('DELETE FROM sessions WHERE username = $1', [username]);
        await audit.appendIn(q, { event: 'mfa-reset', actor, target: username });
        await q.notify(accessChannel);
      });
    },

    async getUser(username) {
      const row = isUsername(username) ? await sql.get<UserRow>('SELECT * FROM users WHERE username = $1', [username]) : undefined;
      if (!row) return null;
      return { username: row.username, name: row.name, org: row.org, role: row.role, passwordHash: row.password_hash, disabled: row.disabled !== 0 };
    },

    async listUsers(options = {}) {
      const text = `SELECT username, name, org, role, disabled FROM users ${options.includeDisabled ? '' : 'WHERE disabled = 0'} ORDER BY name`;
      return (await sql.all<UserRow>(text))
        .map((row) => ({ username: row.username, name: row.name, org: row.org, role: row.role, disabled: row.disabled !== 0 }));
    },
  };
}
