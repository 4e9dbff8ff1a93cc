/**
 * One table-by-table copier for migrate, backup and restore: reads every table of a store
 * in key order, a page at a time, and writes pages into another store (or a backup file),
 * counting rows and hashing them. Values are copied as stored: sealed columns (updates,
 * snapshots, quarantine, frozen copies, TOTP secrets, SMTP passwords, the key check) stay
 * sealed with the data key they were sealed with.
 *
 * The digest of a table is a sum of per-row SHA-256 hashes, so it does not depend on the
 * order rows come in (SQLite and PostgreSQL may sort text differently): equal digests and
 * counts mean the same rows on both sides.
 */
import { createHash } from 'node:crypto';
import type { Sql, SqlQueries } from './sql';

/** A table the copier moves, with its primary key (the paging order). */
export interface CopiedTable {
  name: string;
  key: readonly string[];
  /** Rows per page (smaller for tables with large values). */
  page: number;
  /** Rows left out (their own store keeps them): SQL condition. */
  except?: string;
}

/**
 * Every table of the schema, in an order that satisfies the foreign keys. `deletions` comes
 * last: its triggers drop rows for deleted rooms, and the source holds none of those anyway.
 * The schema version stays the target's own.
 */
export const copiedTables: readonly CopiedTable[] = [
  { name: 'meta', key: ['key'], page: 500, except: "key <> 'schema_version'" },
  { name: 'orgs', key: ['id'], page: 500 },
  { name: 'users', key: ['username'], page: 500 },
  { name: 'rooms', key: ['room'], page: 500 },
  { name: 'grants', key: ['room', 'username'], page: 500 },
  { name: 'sessions', key: ['token_hash'], page: 500 },
  { name: 'two_factor', key: ['username'], page: 500 },
  { name: 'recovery_codes', key: ['username', 'code_hash'], page: 500 },
  { name: 'updates', key: ['room', 'seq'], page: 500 },
  { name: 'snapshots', key: ['room'], page: 50 },
  { name: 'quarantine', key: ['id'], page: 50 },
  { name: 'frozen', key: ['id'], page: 50 },
  { name: 'audit', key: ['seq'], page: 500 },
  { name: 'org_smtp', key: ['org'], page: 500 },
  { name: 'org_oidc', key: ['org'], page: 500 },
  { name: 'oidc_handoff', key: ['code_hash'], page: 500 },
  { name: 'user_mail', key: ['username'], page: 500 },
  { name: 'user_digest', key: ['username'], page: 500 },
  { name: 'case_index', key: ['room'], page: 500 },
  { name: 'monitor_index', key: ['room'], page: 200 },
  { name: 'partner_figures', key: ['org', 'figure', 'year', 'quarter'], page: 500 },
  { name: 'case_closures', key: ['room'], page: 500 },
  { name: 'restricted_parts', key: ['room'], page: 500 },
  { name: 'retention_rules', key: ['case_type'], page: 500 },
  { name: 'deletions', key: ['room'], page: 500 },
];

/** A stored value as both backends return it. */
export type Cell = string | number | Buffer | null;

/** Rows and digest of one table. */
export interface TableCount { rows: number; digest: string }

/** Per table name. */
export type TableCounts = Record<string, TableCount>;

/** Why a copy was refused or did not verify; `message` is Dutch for the operator. */
export class CopyError extends Error {
  override name = 'CopyError';
}

/** The column names of `table`, sorted (the same on both backends: see schema-parity.test.ts). */
export async function columnsOf(q: SqlQueries, dialect: Sql['dialect'], table: string): Promise<string[]> {
  const rows = dialect === 'sqlite'
    ? await q.all<{ name: string }>('SELECT name FROM pragma_table_info($1)', [table])
    : await q.all<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1', [table]);
  return rows.map((row) => row.name).sort();
}

/** Sums per-row hashes (four 64-bit lanes, wrapping): order-independent. */
class Digest {
  private lanes = [0n, 0n, 0n, 0n];
  rows = 0;
  add(row: readonly Cell[]): void {
    const hash = createHash('sha256').update(JSON.stringify(row.map(encodeCell))).digest();
    for (let i = 0; i < 4; i++) this.lanes[i] = BigInt.asUintN(64, this.lanes[i]! + hash.readBigUInt64BE(i * 8));
    this.rows++;
  }
  result(): TableCount {
    return { rows: this.rows, digest: this.lanes.map((lane) => lane.toString(16).padStart(16, '0')).join('') };
  }
}

/** A cell as JSON: binary as `{ b: base64 }`. */
export function encodeCell(cell: Cell): unknown {
  return Buffer.isBuffer(cell) ? { b: cell.toString('base64') } : cell;
}

/** The cell back from JSON. */
export function decodeCell(value: unknown): Cell {
  if (value !== null && typeof value === 'object') return Buffer.from((value as { b: string }).b, 'base64');
  return value as Cell;
}

/** Receives the tables read by {@link readTables}. */
export interface TableSink {
  table(name: string, columns: string[]): Promise<void>;
  rows(rows: Cell[][]): Promise<void>;
}

/**
 * Reads every copied table with `q` (inside a read-only transaction: one consistent
 * snapshot), page by page in key order, into `sink`; returns counts and digests.
 */
export async function readTables(q: SqlQueries, dialect: Sql['dialect'], sink: TableSink): Promise<TableCounts> {
  const counts: TableCounts = {};
  for (const table of copiedTables) {
    const columns = await columnsOf(q, dialect, table.name);
    if (columns.length === 0) throw new CopyError(`Tabel ${table.name} ontbreekt in de bron.`);
    await sink.table(table.name, columns);
    const digest = new Digest();
    const keyIndexes = table.key.map((key) => columns.indexOf(key));
    const keyList = table.key.join(', ');
    const after = table.key.length === 1 ? `${keyList} > $1` : `(${keyList}) > (${table.key.map((_, i) => `$${i + 1}`).join(', ')})`;
    const except = table.except ? ` AND ${table.except}` : '';
    const first = `SELECT ${columns.join(', ')} FROM ${table.name} WHERE TRUE${except} ORDER BY ${keyList} LIMIT ${table.page}`;
    const next = `SELECT ${columns.join(', ')} FROM ${table.name} WHERE ${after}${except} ORDER BY ${keyList} LIMIT ${table.page}`;
    let last: Cell[] | null = null;
    for (;;) {
      const found: Record<string, unknown>[] = last === null ? await q.all(first) : await q.all(next, keyIndexes.map((i) => last![i]));
      const rows: Cell[][] = found.map((row) => columns.map((column) => row[column] as Cell));
      for (const row of rows) digest.add(row);
      if (rows.length > 0) await sink.rows(rows);
      if (rows.length < table.page) break;
      last = rows.at(-1)!;
    }
    counts[table.name] = digest.result();
  }
  return counts;
}

/** Counts and digests of every copied table, read with `q`. */
export function countTables(q: SqlQueries, dialect: Sql['dialect']): Promise<TableCounts> {
  return readTables(q, dialect, { table: async () => {}, rows: async () => {} });
}

/** Refuses a target that holds anything but its schema. */
export async function assertEmpty(q: SqlQueries): Promise<void> {
  for (const table of copiedTables) {
    const found = await q.get(`SELECT 1 AS found FROM ${table.name}${table.except ? ` WHERE ${table.except}` : ''} LIMIT 1`);
    if (found) throw new CopyError(`Het doel is niet leeg (tabel ${table.name} heeft rijen). Migreren en terugzetten gaan alleen naar een lege database of gegevensmap.`);
  }
}

/**
 * Writes tables into a store with `q` (inside the caller's transaction): `table` names the
 * next table and its columns, which must be the target's columns; `rows` inserts a page.
 */
export function createTableWriter(q: SqlQueries, dialect: Sql['dialect']): TableSink & { finish(): Promise<TableCounts> } {
  const counts: TableCounts = {};
  let current: { name: string; columns: string[]; digest: Digest } | null = null;
  const close = (): void => {
    if (current) counts[current.name] = current.digest.result();
  };
  return {
    async table(name, columns) {
      close();
      if (!copiedTables.some((table) => table.name === name)) throw new CopyError(`Onbekende tabel ${name}.`);
      const target = await columnsOf(q, dialect, name);
      if (target.join(',') !== [...columns].sort().join(',')) throw new CopyError(`De kolommen van tabel ${name} verschillen tussen bron en doel (ander schema).`);
      current = { name, columns, digest: new Digest() };
    },
    async rows(rows) {
      if (!current) throw new CopyError('Rijen zonder tabel.');
      const { name, columns, digest } = current;
      // Pages of rows, each one statement; the parameter count stays far below both limits.
      const per = Math.max(1, Math.floor(4000 / columns.length));
      for (let i = 0; i < rows.length; i += per) {
        const slice = rows.slice(i, i + per);
        const values = slice.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        const { changes } = await q.run(`INSERT INTO ${name} (${columns.join(', ')}) VALUES ${values}`, slice.flat());
        // A guard trigger (deleted room) drops rows silently: a copy must not.
        if (changes !== slice.length) throw new CopyError(`Tabel ${name}: ${slice.length - changes} rijen niet opgeslagen.`);
        for (const row of slice) digest.add(row);
      }
    },
    async finish() {
      close();
      current = null;
      // Explicit ids do not move PostgreSQL's sequence: the next quarantine entry must not collide.
      if (dialect === 'postgres') {
        await q.run("SELECT setval(pg_get_serial_sequence('quarantine', 'id'), COALESCE((SELECT MAX(id) FROM quarantine), 1), (SELECT MAX(id) FROM quarantine) IS NOT NULL)");
      }
      return counts;
    },
  };
}

/** Throws unless `actual` holds the same rows as `expected`, table by table. */
export function assertSameTables(expected: TableCounts, actual: TableCounts): void {
  for (const table of copiedTables) {
    const want = expected[table.name];
    const got = actual[table.name];
    if (!want || !got) throw new CopyError(`Tabel ${table.name} ontbreekt.`);
    if (want.rows !== got.rows) throw new CopyError(`Tabel ${table.name}: ${got.rows} rijen in het doel, ${want.rows} in de bron.`);
    if (want.digest !== got.digest) throw new CopyError(`Tabel ${table.name}: de rijen in het doel verschillen van de bron.`);
  }
}
