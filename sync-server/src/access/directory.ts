/**
 * Organisations and user accounts. Shared by the server and the admin CLI; every
 * change is audited by the caller's actor.
 */
import type { AuditLog } from '../storage/audit';
import type { Sql } from '../storage/sql';
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
  listOrgs(): Promise<Org[]>;
  addUser(user: NewUser, actor: string): Promise<PublicUser>;
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

const cleanName = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim();

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
      if (!isOrgId(id)) throw new DirectoryError('invalid', 'Een organisatie-id bestaat uit kleine letters, cijfers en streepjes (hoogstens 32).');
      if (clean.length === 0 || clean.length > 200) throw new DirectoryError('invalid', 'Geef de organisatie een naam (hoogstens 200 tekens).');
      await sql.tx(async (q) => {
        const result = await q.run('INSERT INTO orgs (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, clean]);
        if (result.changes === 0) throw new DirectoryError('exists', `Organisatie ${id} bestaat al.`);
        await audit.appendIn(q, { event: 'org-add', actor, detail: { org: id } });
      });
    },
    listOrgs: () => sql.all<Org & Record<string, unknown>>('SELECT id, name FROM orgs ORDER BY name'),

    async addUser(user, actor) {
      const name = cleanName(user.name ?? user.username);
      if (!isUsername(user.username)) {
        throw new DirectoryError('invalid', 'Een gebruikersnaam bestaat uit 2 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes.');
      }
      if (!isRole(user.role)) throw new DirectoryError('invalid', 'Kies een rol: procesregisseur, secretaris, deelnemer, waarnemer, beheerder, privacyfunctionaris of management.');
      if (name.length === 0 || name.length > 200) throw new DirectoryError('invalid', 'Geef een naam van hoogstens 200 tekens.');
      try {
        checkNewPassword(user.password);
      } catch (error) {
        throw new DirectoryError('invalid', (error as Error).message);
      }
      const hash = await hashPassword(user.password);
      await sql.tx(async (q) => {
        if (!(await q.get('SELECT 1 AS found FROM orgs WHERE id = $1', [user.org]))) {
          throw new DirectoryError('unknown-org', `Organisatie ${user.org} bestaat niet; voeg haar eerst toe.`);
        }
        const result = await q.run(
          'INSERT INTO users (username, name, org, role, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, 0, $6) ON CONFLICT DO NOTHING',
          [user.username, name, user.org, user.role, hash, new Date().toISOString()],
        );
        if (result.changes === 0) throw new DirectoryError('exists', `Gebruiker ${user.username} bestaat al.`);
        await audit.appendIn(q, { event: 'user-add', actor, target: user.username, detail: { org: user.org, role: user.role } });
      });
      return { username: user.username, name, org: user.org, role: user.role };
    },

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
