/**
 * Organisations and user accounts. Shared by the server and the admin CLI; every
 * change is audited by the caller's actor.
 */
import type { AuditLog } from './audit';
import type { Db } from './database';
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
  addOrg(id: string, name: string, actor: string): void;
  listOrgs(): Org[];
  addUser(user: NewUser, actor: string): Promise<PublicUser>;
  disableUser(username: string, actor: string): void;
  setPassword(username: string, password: string, actor: string): Promise<void>;
  getUser(username: string): UserRecord | null;
  /** Active users, for pickers. */
  listUsers(options?: { includeDisabled?: boolean }): (PublicUser & { disabled: boolean })[];
}

interface UserRow { username: string; name: string; org: string; role: Role; password_hash: string; disabled: number }

const cleanName = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Binds the directory to an open database and audit log. */
export function createDirectory(db: Db, audit: AuditLog): Directory {
  const getUser = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const requireUser = (username: string): UserRow => {
    const row = isUsername(username) ? getUser.get(username) : undefined;
    if (!row) throw new DirectoryError('unknown-user', `Gebruiker ${username} bestaat niet.`);
    return row;
  };

  return {
    addOrg(id, name, actor) {
      const clean = cleanName(name);
      if (!isOrgId(id)) throw new DirectoryError('invalid', 'Een organisatie-id bestaat uit kleine letters, cijfers en streepjes (hoogstens 32).');
      if (clean.length === 0 || clean.length > 200) throw new DirectoryError('invalid', 'Geef de organisatie een naam (hoogstens 200 tekens).');
      db.transaction(() => {
        const result = db.prepare('INSERT OR IGNORE INTO orgs (id, name) VALUES (?, ?)').run(id, clean);
        if (result.changes === 0) throw new DirectoryError('exists', `Organisatie ${id} bestaat al.`);
        audit.append({ event: 'org-add', actor, detail: { org: id } });
      }).immediate();
    },
    listOrgs: () => db.prepare<[], Org>('SELECT id, name FROM orgs ORDER BY name').all(),

    async addUser(user, actor) {
      const name = cleanName(user.name ?? user.username);
      if (!isUsername(user.username)) {
        throw new DirectoryError('invalid', 'Een gebruikersnaam bestaat uit 2 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes.');
      }
      if (!isRole(user.role)) throw new DirectoryError('invalid', 'Kies een rol: procesregisseur, secretaris, deelnemer, waarnemer of beheerder.');
      if (name.length === 0 || name.length > 200) throw new DirectoryError('invalid', 'Geef een naam van hoogstens 200 tekens.');
      try {
        checkNewPassword(user.password);
      } catch (error) {
        throw new DirectoryError('invalid', (error as Error).message);
      }
      const hash = await hashPassword(user.password);
      db.transaction(() => {
        if (!db.prepare('SELECT 1 FROM orgs WHERE id = ?').get(user.org)) {
          throw new DirectoryError('unknown-org', `Organisatie ${user.org} bestaat niet; voeg haar eerst toe.`);
        }
        const result = db.prepare(
          'INSERT OR IGNORE INTO users (username, name, org, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)',
        ).run(user.username, name, user.org, user.role, hash, new Date().toISOString());
        if (result.changes === 0) throw new DirectoryError('exists', `Gebruiker ${user.username} bestaat al.`);
        audit.append({ event: 'user-add', actor, target: user.username, detail: { org: user.org, role: user.role } });
      }).immediate();
      return { username: user.username, name, org: user.org, role: user.role };
    },

    disableUser(username, actor) {
      requireUser(username);
      db.transaction(() => {
        db.prepare('UPDATE users SET disabled = 1 WHERE username = ?').run(username);
        db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
        audit.append({ event: 'user-disable', actor, target: username });
      }).immediate();
    },

    async setPassword(username, password, actor) {
      requireUser(username);
      try {
        checkNewPassword(password);
      } catch (error) {
        throw new DirectoryError('invalid', (error as Error).message);
      }
      const hash = await hashPassword(password);
      db.transaction(() => {
        db.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(hash, username);
        // A new password ends every session made with the old one.
        db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
        audit.append({ event: 'user-password', actor, target: username });
      }).immediate();
    },

    getUser(username) {
      const row = isUsername(username) ? getUser.get(username) : undefined;
      if (!row) return null;
      return { username: row.username, name: row.name, org: row.org, role: row.role, passwordHash: row.password_hash, disabled: row.disabled !== 0 };
    },

    listUsers(options = {}) {
      const sql = `SELECT username, name, org, role, disabled FROM users ${options.includeDisabled ? '' : 'WHERE disabled = 0'} ORDER BY name`;
      return db.prepare<[], Omit<UserRow, 'password_hash'>>(sql).all()
        .map((row) => ({ username: row.username, name: row.name, org: row.org, role: row.role, disabled: row.disabled !== 0 }));
    },
  };
}
