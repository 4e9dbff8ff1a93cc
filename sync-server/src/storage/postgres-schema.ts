/**
 * The PostgreSQL schema: the same tables and columns as the SQLite schema (database.ts),
 * in PostgreSQL types, so every store's SQL is written once. Created on first start by
 * whichever instance gets the schema lock; later versions migrate here.
 */
import { privacyPostgresTriggers, privacySchemaStatements } from './privacy-schema';
import type { Sql } from './sql';

export const postgresSchemaVersion = 8;

/** Added in version 3 (e-mail digests). */
const digestTables = `
-- E-mail digests (docs/design.md, "Reminders"): an organisation gets them only with a row here
-- whose frequency is daily or weekly (off by default). password is sealed with the data key.
CREATE TABLE IF NOT EXISTS org_smtp (
  org TEXT PRIMARY KEY REFERENCES orgs(id),
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  username TEXT NOT NULL,
  password BYTEA NOT NULL,
  sender TEXT NOT NULL,
  app_url TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (frequency IN ('off', 'daily', 'weekly')),
  last_sent_at TEXT,
  updated_at TEXT NOT NULL
);
-- Where a user's digest goes (set by the administrator).
CREATE TABLE IF NOT EXISTS user_mail (username TEXT PRIMARY KEY REFERENCES users(username), address TEXT NOT NULL);
`;

/** Added in version 4: two-factor sign-in (see database.ts). */
const twoFactorTables = `
CREATE TABLE IF NOT EXISTS two_factor (
  username TEXT PRIMARY KEY REFERENCES users(username),
  secret BYTEA NOT NULL,
  last_step BIGINT,
  enrolled_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS recovery_codes (
  username TEXT NOT NULL REFERENCES users(username),
  code_hash TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (username, code_hash)
);
`;

/** Added in version 5: the user's own digest choice (see database.ts). */
const userDigestTables = `
CREATE TABLE IF NOT EXISTS user_digest (
  username TEXT PRIMARY KEY REFERENCES users(username),
  choice TEXT NOT NULL CHECK (choice IN ('org', 'weekly', 'off')),
  last_sent_at TEXT
);
`;

/** Added in version 6: sign-in with the organisation's identity provider (see database.ts). */
const oidcTables = `
CREATE TABLE IF NOT EXISTS org_oidc (
  org TEXT PRIMARY KEY REFERENCES orgs(id),
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret BYTEA NOT NULL,
  claim TEXT NOT NULL CHECK (claim IN ('preferred_username', 'email')),
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS oidc_handoff (
  code_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users(username),
  expires_at BIGINT NOT NULL
);
`;

/** Added in version 7: the monitor's index (see database.ts). */
const monitorTables = `
CREATE TABLE IF NOT EXISTS monitor_index (
  room TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  head BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  facts BYTEA NOT NULL
);
`;

/** Added in version 8: the figures from partners (see database.ts). */
const partnerTables = `
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
`;

/** What each version after 2 added, in order (a database at version 2 gets them all). */
const migrations: ReadonlyArray<readonly [number, string]> = [
  [3, digestTables],
  [4, twoFactorTables],
  [5, userDigestTables],
  [6, oidcTables],
  [7, monitorTables],
  [8, partnerTables],
];

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
CREATE TABLE IF NOT EXISTS rooms (room TEXT PRIMARY KEY, created_by TEXT, created_at TEXT NOT NULL, head BIGINT NOT NULL DEFAULT 0);
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
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(username);
${twoFactorTables}CREATE TABLE IF NOT EXISTS updates (room TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (room, seq));
CREATE TABLE IF NOT EXISTS snapshots (room TEXT PRIMARY KEY, data BYTEA NOT NULL, upto BIGINT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quarantine (
  id BIGSERIAL PRIMARY KEY,
  room TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('update', 'snapshot')),
  source_id BIGINT NOT NULL,
  error TEXT NOT NULL,
  at TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS quarantine_by_room ON quarantine(room);
CREATE TABLE IF NOT EXISTS frozen (
  id TEXT PRIMARY KEY,
  room TEXT NOT NULL,
  meeting TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS frozen_by_room ON frozen(room);
CREATE TABLE IF NOT EXISTS audit (
  seq BIGINT PRIMARY KEY,
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
${digestTables}${userDigestTables}${oidcTables}${monitorTables}${partnerTables}CREATE OR REPLACE FUNCTION themakamer_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
DROP TRIGGER IF EXISTS audit_no_update ON audit;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION themakamer_refuse_change();
DROP TRIGGER IF EXISTS frozen_no_update ON frozen;
CREATE TRIGGER frozen_no_update BEFORE UPDATE ON frozen FOR EACH ROW EXECUTE FUNCTION themakamer_refuse_change();
`;

/** Creates the schema if needed (one instance at a time) and checks its version. */
export async function ensurePostgresSchema(sql: Sql): Promise<void> {
  await sql.tx(async (q) => {
    await q.lock('schema');
    const exists = await q.get<{ found: number }>("SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'meta'");
    const current = exists ? await q.get<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'") : undefined;
    const known = current ? Number(current.value) : Number.NaN;
    if (current && known >= 2 && known < postgresSchemaVersion) {
      // Step by step from the stored version: each step adds what its version brought.
      for (const [version, tables] of migrations) {
        if (known >= version) continue;
        for (const statement of splitStatements(tables)) await q.run(statement);
        await q.run("UPDATE meta SET value = $1 WHERE key = 'schema_version'", [String(version)]);
      }
    } else if (current && current.value !== String(postgresSchemaVersion)) {
      throw new Error(`Unsupported database schema version ${current.value}`);
    }
    if (!current) {
      // Statements one by one: the extended query protocol takes one statement per query.
      for (const statement of splitStatements(schema)) await q.run(statement);
      await q.run("INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT DO NOTHING", [String(postgresSchemaVersion)]);
    }
    // Idempotent additions, on every start: a database from before them gets them too.
    for (const statement of [...privacySchemaStatements, ...privacyPostgresTriggers]) await q.run(statement);
  });
}

/** Splits the schema at semicolons outside dollar-quoted bodies. */
function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of text.split('\n')) {
    current += line + '\n';
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inDollar = !inDollar;
    if (!inDollar && line.trimEnd().endsWith(';')) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
