/**
 * The admin API over a data dir: works whether the server runs or not (a running server
 * notices changes within its access poll interval). Used by the admin CLI, tests and
 * the demo script. It never needs the data key: it reads no document content.
 */
import { adminActor, createAuditLog, type AuditEntry, type AuditQuery, type AuditVerdict } from './audit';
import { openDatabase } from './database';
import { createDirectory, type NewUser, type Org, type PublicUser } from './directory';
import { createGrants } from './grants';
import type { Access } from './names';

/** Administrative operations on one data dir. */
export interface Admin {
  addOrg(id: string, name: string): void;
  addUser(user: NewUser): Promise<PublicUser>;
  disableUser(username: string): void;
  setPassword(username: string, password: string): Promise<void>;
  grant(room: string, username: string, access: Access): void;
  /** True if there was a grant to remove. */
  revoke(room: string, username: string): boolean;
  listOrgs(): Org[];
  listUsers(): (PublicUser & { disabled: boolean })[];
  auditVerify(): AuditVerdict;
  auditList(query?: AuditQuery): AuditEntry[];
  close(): void;
}

/** Opens the data dir (creating the database if needed) for administration. */
export function openAdmin(options: { dataDir: string }): Admin {
  const db = openDatabase(options.dataDir);
  const audit = createAuditLog(db);
  const directory = createDirectory(db, audit);
  const grants = createGrants(db, audit);
  return {
    addOrg: (id, name) => directory.addOrg(id, name, adminActor),
    addUser: (user) => directory.addUser(user, adminActor),
    disableUser: (username) => directory.disableUser(username, adminActor),
    setPassword: (username, password) => directory.setPassword(username, password, adminActor),
    grant: (room, username, access) => grants.grant(room, username, access, adminActor),
    revoke: (room, username) => grants.revoke(room, username, adminActor),
    listOrgs: () => directory.listOrgs(),
    listUsers: () => directory.listUsers({ includeDisabled: true }),
    auditVerify: () => audit.verify(),
    auditList: (query) => audit.list(query),
    close: () => db.close(),
  };
}
