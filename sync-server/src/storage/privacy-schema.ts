/**
 * Tables for privacy and accountability (issue 14), in DDL that SQLite and PostgreSQL both
 * accept (TEXT and BIGINT only), so it is written once; only the guard triggers differ per
 * dialect. Both backends run it on every start after their own schema: every statement is
 * idempotent, so a database made before these tables existed gets them without a schema
 * version change.
 */

/** The table statements, in order, for both dialects. */
export const privacySchemaStatements: readonly string[] = [
  // What the server knows of a case without reading its content on every request: its number
  // and type as written in the case document's meta, read from the stored document and kept
  // until the room's head moves on (`head` is rooms.head when it was read). The access log
  // names cases by number; retention needs the type.
  `CREATE TABLE IF NOT EXISTS case_index (
  room TEXT PRIMARY KEY,
  case_number TEXT,
  case_type TEXT,
  head BIGINT NOT NULL,
  read_at TEXT NOT NULL
)`,
  'CREATE INDEX IF NOT EXISTS case_index_by_number ON case_index(case_number)',
  // "Casus afsluiten": when, by whom and why (a reason code, never free text) a case was closed.
  `CREATE TABLE IF NOT EXISTS case_closures (
  room TEXT PRIMARY KEY,
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  reason TEXT NOT NULL
)`,
  // Retention per case type in months after closing; a type without a row keeps the default.
  `CREATE TABLE IF NOT EXISTS retention_rules (
  case_type TEXT PRIMARY KEY,
  months BIGINT NOT NULL,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL
)`,
  // Deletion records: what was deleted under which rule, no content. A room listed here can
  // never hold content again (the triggers below drop every write to it).
  `CREATE TABLE IF NOT EXISTS deletions (
  room TEXT PRIMARY KEY,
  case_number TEXT,
  case_type TEXT,
  closed_at TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  rule TEXT NOT NULL
)`,
  // Restricted parts of a case (docs/design.md, "Restricted parts"): each is its own room
  // `part:<id>`; whoever may open the case AND belongs to one of `orgs` (a JSON array of org
  // ids) may open it. The title is shown on the board to every member of the case.
  `CREATE TABLE IF NOT EXISTS restricted_parts (
  room TEXT PRIMARY KEY,
  case_room TEXT NOT NULL,
  title TEXT NOT NULL,
  orgs TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
)`,
  'CREATE INDEX IF NOT EXISTS restricted_parts_by_case ON restricted_parts(case_room)',
];

/** Tables whose rows are a room's content or access: writes to a deleted room are dropped. */
const guardedTables = ['updates', 'snapshots', 'frozen', 'quarantine', 'rooms', 'grants', 'restricted_parts'] as const;

/**
 * SQLite guards: a row for a deleted room is silently not inserted (a live room still in memory
 * when its case is deleted compacts into nothing, its late updates are not stored).
 */
export const privacySqliteTriggers: readonly string[] = guardedTables.map((table) =>
  `CREATE TRIGGER IF NOT EXISTS ${table}_not_deleted BEFORE INSERT ON ${table} WHEN EXISTS (SELECT 1 FROM deletions WHERE room = NEW.room) BEGIN SELECT RAISE(IGNORE); END`);

/** The same guards on PostgreSQL: a BEFORE INSERT trigger returning NULL skips the row. */
export const privacyPostgresTriggers: readonly string[] = [
  `CREATE OR REPLACE FUNCTION themakamer_skip_deleted_room() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF EXISTS (SELECT 1 FROM deletions WHERE room = NEW.room) THEN RETURN NULL; END IF; RETURN NEW; END $$`,
  ...guardedTables.flatMap((table) => [
    `DROP TRIGGER IF EXISTS ${table}_not_deleted ON ${table}`,
    `CREATE TRIGGER ${table}_not_deleted BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION themakamer_skip_deleted_room()`,
  ]),
];

/** Tables and triggers as one script (SQLite's exec). */
export const privacySchema = [...privacySchemaStatements, ...privacySqliteTriggers].map((statement) => `${statement};`).join('\n');
