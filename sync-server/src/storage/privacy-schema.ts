/**
 * Tables for privacy and accountability (issue 14), in DDL that SQLite and PostgreSQL both
 * accept (TEXT and BIGINT only), so it is written once. Both backends run it on every start
 * after their own schema: every statement is idempotent (`IF NOT EXISTS`), so a database made
 * before these tables existed gets them without a schema version change.
 */

/** The statements, in order. */
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
];

/** The statements as one script (SQLite's exec). */
export const privacySchema = privacySchemaStatements.map((statement) => `${statement};`).join('\n');
