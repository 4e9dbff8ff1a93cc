/**
 * The SQLite database in the data dir: opening it with the pragmas every process
 * (server, admin CLI) must agree on, and the schema.
 */
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { privacySchema } from './privacy-schema';

/** An open database handle. */
export type Db = Database.Database;

/** File name of the database inside the data dir. */
export const databaseFile = 'themakamer.sqlite';

const schemaVersion = 7;

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
-- head: the sequence number of the room's last stored update (gapless per room).
CREATE TABLE IF NOT EXISTS rooms (room TEXT PRIMARY KEY, created_by TEXT, created_at TEXT NOT NULL, head INTEGER NOT NULL DEFAULT 0);
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
-- Two-factor sign-in (TOTP): secret sealed with the content cipher (context 'totp' + username);
-- last_step is the last accepted time step, so a code is accepted once.
CREATE TABLE IF NOT EXISTS two_factor (
  username TEXT PRIMARY KEY REFERENCES users(username),
  secret BLOB NOT NULL,
  last_step INTEGER,
  enrolled_at TEXT NOT NULL
);
-- Single-use recovery codes, stored as SHA-256 of the normalised code (80 random bits each).
CREATE TABLE IF NOT EXISTS recovery_codes (
  username TEXT NOT NULL REFERENCES users(username),
  code_hash TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (username, code_hash)
);
-- The update log: seq numbers a room's updates 1, 2, 3, … (rooms.head is the last one).
CREATE TABLE IF NOT EXISTS updates (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;
-- upto: the seq of the last update the snapshot folds in.
CREATE TABLE IF NOT EXISTS snapshots (room TEXT PRIMARY KEY, data BLOB NOT NULL, upto INTEGER NOT NULL, updated_at TEXT NOT NULL);
-- Stored values that failed to load (decrypt or apply), set aside so the rest of the room
-- loads. data is the stored value as it was, still sealed for its source (an update or
-- snapshot of that room); source_id is the update's row id or the snapshot's upto.
CREATE TABLE IF NOT EXISTS quarantine (
  id INTEGER PRIMARY KEY,
  room TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('update', 'snapshot')),
  source_id INTEGER NOT NULL,
  error TEXT NOT NULL,
  at TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS quarantine_by_room ON quarantine(room);
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
-- E-mail digests (docs/design.md, "Reminders"): an organisation gets them only with a row here
-- whose frequency is daily or weekly (off by default). password is sealed with the data key.
CREATE TABLE IF NOT EXISTS org_smtp (
  org TEXT PRIMARY KEY REFERENCES orgs(id),
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  username TEXT NOT NULL,
  password BLOB NOT NULL,
  sender TEXT NOT NULL,
  app_url TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (frequency IN ('off', 'daily', 'weekly')),
  last_sent_at TEXT,
  updated_at TEXT NOT NULL
);
-- Where a user's digest goes (set by the administrator).
CREATE TABLE IF NOT EXISTS user_mail (username TEXT PRIMARY KEY REFERENCES users(username), address TEXT NOT NULL);
-- A user's own choice for the digest (version 4): as the organisation sends it, at most weekly,
-- or none; and when they last got one (for "at most weekly" in a daily organisation).
CREATE TABLE IF NOT EXISTS user_digest (
  username TEXT PRIMARY KEY REFERENCES users(username),
  choice TEXT NOT NULL CHECK (choice IN ('org', 'weekly', 'off')),
  last_sent_at TEXT
);
-- Sign-in with the organisation's own identity provider (OpenID Connect, version 5): at most one
-- binding per organisation; client_secret is sealed with the data key (context 'oidc-secret' + org);
-- claim names the ID token claim that matches accounts (preferred_username: the username, email:
-- the user's address in user_mail).
CREATE TABLE IF NOT EXISTS org_oidc (
  org TEXT PRIMARY KEY REFERENCES orgs(id),
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret BLOB NOT NULL,
  claim TEXT NOT NULL CHECK (claim IN ('preferred_username', 'email')),
  updated_at TEXT NOT NULL
);
-- One-time codes that hand an OIDC sign-in from the callback to the app (SHA-256 of the code,
-- valid for a minute, deleted when used): the session is made only when the app redeems it.
CREATE TABLE IF NOT EXISTS oidc_handoff (
  code_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users(username),
  expires_at INTEGER NOT NULL
);
-- The monitor's index (version 6, docs/design.md "Monitor"): per case or meeting room the facts the
-- figures need, as JSON sealed with the content cipher (derived personal data); head is rooms.head
-- when it was read, so a stale row is known without reading the document.
CREATE TABLE IF NOT EXISTS monitor_index (
  room TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  head INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  facts BLOB NOT NULL
);
-- Figures from partners (version 7, docs/design.md "Monitor"): aggregate counts an organisation
-- enters per quarter for the monitor (figure ids from sync-server/src/monitor/partner-figures.ts).
CREATE TABLE IF NOT EXISTS partner_figures (
  org TEXT NOT NULL REFERENCES orgs(id),
  figure TEXT NOT NULL,
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  value INTEGER NOT NULL CHECK (value >= 0),
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (org, figure, year, quarter)
);
-- Guards against our own bugs; someone with the raw file can drop these, which
-- is what the hash chain is for.
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS frozen_no_update BEFORE UPDATE ON frozen BEGIN SELECT RAISE(ABORT, 'frozen copies are immutable'); END;
`;

/**
 * Version 1 numbered updates with one rowid over all rooms; version 2 numbers them per room
 * (a gapless seq with the room's head), which a snapshot's `upto` can refer to safely. Every
 * remaining row of a room comes after its snapshot, so rows become 1…n and snapshots upto 0.
 */
function migrateFrom1(db: Db): void {
  const now = new Date().toISOString();
  db.exec(`
    ALTER TABLE rooms ADD COLUMN head INTEGER NOT NULL DEFAULT 0;
    INSERT OR IGNORE INTO rooms (room, created_by, created_at) SELECT DISTINCT room, NULL, '${now}' FROM updates;
    INSERT OR IGNORE INTO rooms (room, created_by, created_at) SELECT room, NULL, '${now}' FROM snapshots;
    CREATE TABLE updates_v2 (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;
    INSERT INTO updates_v2 (room, seq, data) SELECT room, ROW_NUMBER() OVER (PARTITION BY room ORDER BY id), data FROM updates;
    UPDATE rooms SET head = (SELECT COUNT(*) FROM updates_v2 WHERE updates_v2.room = rooms.room);
    UPDATE snapshots SET upto = 0;
    DROP TABLE updates;
    ALTER TABLE updates_v2 RENAME TO updates;
    UPDATE meta SET value = '2' WHERE key = 'schema_version';
  `);
}

/**
 * Version 3 adds two-factor sign-in: the tables two_factor and recovery_codes (created by the
 * schema that runs after the migrations). Existing users have no second factor yet and enrol
 * at their next sign-in.
 */
function migrateFrom2(db: Db): void {
  db.exec("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
}

/** Version 4 adds the user's digest choice: the table user_digest (created by the schema). */
function migrateFrom3(db: Db): void {
  db.exec("UPDATE meta SET value = '4' WHERE key = 'schema_version'");
}

/** Version 5 adds sign-in with an organisation's identity provider: org_oidc and oidc_handoff (created by the schema). */
function migrateFrom4(db: Db): void {
  db.exec("UPDATE meta SET value = '5' WHERE key = 'schema_version'");
}

/**
 * Version 6 adds the monitor's index: the table monitor_index (created by the schema, which
 * uses CREATE TABLE IF NOT EXISTS). Written for any earlier version, so it does not rely on
 * the steps in between.
 */
function migrateTo6(db: Db): void {
  db.exec("UPDATE meta SET value = '6' WHERE key = 'schema_version'");
}

/** Version 7 adds the figures from partners: the table partner_figures (created by the schema). */
function migrateTo7(db: Db): void {
  db.exec("UPDATE meta SET value = '7' WHERE key = 'schema_version'");
}

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
    db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const current = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get();
    if (current?.value === '1') migrateFrom1(db);
    if (current?.value === '1' || current?.value === '2') migrateFrom2(db);
    if (current?.value === '1' || current?.value === '2' || current?.value === '3') migrateFrom3(db);
    if (current?.value === '1' || current?.value === '2' || current?.value === '3' || current?.value === '4') migrateFrom4(db);
    const reached = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get();
    if (reached && Number(reached.value) >= 1 && Number(reached.value) < 6) migrateTo6(db);
    const reached6 = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get();
    if (reached6?.value === '6') migrateTo7(db);
    db.exec(schema);
    db.exec(privacySchema);
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(schemaVersion));
  }).immediate();
  const stored = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get();
  if (stored?.value !== String(schemaVersion)) {
    db.close();
    throw new Error(`Unsupported database schema version ${stored?.value ?? 'none'} in ${dataDir}`);
  }
  return db;
}
