/**
 * The admin API over a data dir or PostgreSQL database: works whether the server runs or
 * not (running instances are told of access changes on the access channel, or notice them
 * by polling SQLite). Used by the admin CLI, tests and the demo script. It never needs the
 * data key: it reads no document content.
 */
import { adminActor, createAuditLog, type AuditEntry, type AuditQuery, type AuditVerdict } from '../storage/audit';
import { createDirectory, type NewUser, type Org, type PublicUser, type UserChanges } from '../access/directory';
import { createGrants } from '../access/grants';
import { applyImport, previewImport, type ImportPlan, type ImportResult } from '../access/user-import';
import type { Access } from '../access/names';
import { openStorage, type StorageTarget } from '../storage/open';

/** Administrative operations on one store. */
export interface Admin {
  addOrg(id: string, name: string): Promise<void>;
  renameOrg(id: string, name: string): Promise<void>;
  addUser(user: NewUser): Promise<PublicUser>;
  /** Changes name, role and/or organisation; returns the fields that changed. */
  updateUser(username: string, changes: UserChanges): Promise<(keyof UserChanges)[]>;
  disableUser(username: string): Promise<void>;
  enableUser(username: string): Promise<void>;
  setPassword(username: string, password: string): Promise<void>;
  /** The user enrols a new second factor at the next sign-in; their sessions end. */
  resetTwoFactor(username: string): Promise<void>;
  grant(room: string, username: string, access: Access): Promise<void>;
  /** True if there was a grant to remove. */
  revoke(room: string, username: string): Promise<boolean>;
  /** The CSV import's dry run (see access/user-import.ts). */
  previewImport(text: string): Promise<ImportPlan>;
  /** Applies the plan of `text` if it still has hash `planHash`. */
  applyImport(text: string, planHash: string): Promise<ImportResult>;
  listOrgs(): Promise<Org[]>;
  listUsers(): Promise<(PublicUser & { disabled: boolean })[]>;
  auditVerify(): Promise<AuditVerdict>;
  auditList(query?: AuditQuery): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/** Opens the store (creating the database if needed) for administration. */
export async function openAdmin(options: StorageTarget): Promise<Admin> {
  const { sql } = await openStorage(options);
  const audit = createAuditLog(sql);
  const directory = createDirectory(sql, audit);
  const grants = createGrants(sql, audit);
  return {
    addOrg: (id, name) => directory.addOrg(id, name, adminActor),
    renameOrg: (id, name) => directory.renameOrg(id, name, adminActor),
    addUser: (user) => directory.addUser(user, adminActor),
    updateUser: (username, changes) => directory.updateUser(username, changes, adminActor),
    disableUser: (username) => directory.disableUser(username, adminActor),
    enableUser: (username) => directory.enableUser(username, adminActor),
    setPassword: (username, password) => directory.setPassword(username, password, adminActor),
    resetTwoFactor: (username) => directory.resetTwoFactor(username, adminActor),
    grant: (room, username, access) => grants.grant(room, username, access, adminActor),
    revoke: (room, username) => grants.revoke(room, username, adminActor),
    previewImport: (text) => previewImport(sql, text),
    applyImport: (text, planHash) => applyImport(sql, audit, text, planHash, adminActor),
    listOrgs: () => directory.listOrgs(),
    listUsers: () => directory.listUsers({ includeDisabled: true }),
    auditVerify: () => audit.verify(),
    auditList: (query) => audit.list(query),
    close: () => sql.close(),
  };
}
