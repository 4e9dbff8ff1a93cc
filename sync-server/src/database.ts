/**
 * The SQLite database in the data dir: opening it with the pragmas every process
 * (server, admin CLI) must agree on, and the schema.
 */
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

/** An open database handle. */
export type Db = Database.Database;

/** File name of the database inside the data dir. */
export const databaseFile = 'themakamer.sqlite';

const schemaVersion = 1;

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  username TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  org TEXT NOT NULL REFERENCES orgs(id),
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rooms (room TEXT PRIMARY KEY, created_by TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS grants (
  room TEXT NOT NULL REFERENCES rooms(room),
  username TEXT NOT NULL REFERENCES users(username),
  access TEXT NOT NULL CHECK (access IN ('edit', 'view')),
  granted_at TEXT NOT NULL,
  PRIMARY KEY (room, username)
);
CREATE INDEX IF NOT EXISTS grants_by_user ON grants(username);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users(username),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(username);
-- Plain rowids (no AUTOINCREMENT: that rewrites sqlite_sequence on every insert). A new
-- rowid is max+1, so rows of a room stay in insert order even after compaction emptied the table.
CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY, room TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS updates_by_room ON updates(room, id);
CREATE TABLE IF NOT EXISTS snapshots (room TEXT PRIMARY KEY, data BLOB NOT NULL, upto INTEGER NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS frozen (
  id TEXT PRIMARY KEY,
  room TEXT NOT NULL,
  meeting TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS frozen_by_room ON frozen(room);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  actor TEXT,
  room TEXT,
  target TEXT,
  ip TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_actor ON audit(actor);
CREATE INDEX IF NOT EXISTS audit_by_room ON audit(room);
-- Guards against our own bugs; someone with the raw file can drop these, which
-- is what the hash chain is for.
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS frozen_no_update BEFORE UPDATE ON frozen BEGIN SELECT RAISE(ABORT, 'frozen copies are immutable'); END;
`;

/** How hard commits are flushed: 'normal' survives a killed process, 'full' also power loss. */
export type Durability = 'normal' | 'full';

/** Opens (creating if needed) the database in `dataDir` and brings the schema up to date. */
export function openDatabase(dataDir: string, durability: Durability = 'normal'): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, databaseFile);
  // Created 0600 before SQLite opens it: its -wal and -shm files inherit the mode.
  closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_size_limit = 67108864');
  db.pragma('foreign_keys = ON');
  // Deleted rows (compacted updates, ended sessions) are overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    db.exec(schema);
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(schemaVersion));
  }).immediate();
  const stored = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get();
  if (stored?.value !== String(schemaVersion)) {
    db.close();
    throw new Error(`Unsupported database schema version ${stored?.value ?? 'none'} in ${dataDir}`);
  }
  return db;
}
