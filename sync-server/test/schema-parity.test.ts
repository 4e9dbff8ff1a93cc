/**
 * One set of tables for both backends: every store's SQL is written once, so the SQLite
 * schema (database.ts) and the PostgreSQL schema (postgres-schema.ts) must have the same
 * tables with the same columns and indexes, and a PostgreSQL database made by an older
 * version must end, after its migrations, exactly like a fresh one. A table added to one
 * schema and not the other, or to the fresh schema without a migration step, fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../src/storage/open';
import { startPostgres, type TestPostgres } from './backends';

/** The tables of PostgreSQL schema version 2, the first version that shipped (a fixed fact of history). */
const tablesOfVersion2 = ['audit', 'frozen', 'grants', 'meta', 'orgs', 'quarantine', 'rooms', 'sessions', 'snapshots', 'updates', 'users'];

type Shape = Record<string, string[]>;

let postgres: TestPostgres;
const dirs: string[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function sqliteShape(): Promise<{ columns: Shape; indexes: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'themakamer-parity-'));
  dirs.push(dataDir);
  const { sql, db } = await openStorage({ dataDir });
  try {
    const tables = db!.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    const columns: Shape = {};
    for (const { name } of tables) {
      columns[name] = db!.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(name).map((c) => c.name).sort();
    }
    const indexes = db!.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((i) => i.name);
    return { columns, indexes };
  } finally {
    await sql.close();
  }
}

async function postgresShape(url: string): Promise<{ columns: Shape; indexes: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query<{ table_name: string; column_name: string }>(
      'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name',
    )).rows;
    const columns: Shape = {};
    for (const row of rows) (columns[row.table_name] ??= []).push(row.column_name);
    for (const list of Object.values(columns)) list.sort();
    // Our own indexes (not those behind primary keys and unique constraints).
    const indexes = (await client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
       AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname`,
    )).rows.map((r) => r.indexname);
    return { columns, indexes };
  } finally {
    await client.end();
  }
}

async function openPostgres(url: string): Promise<void> {
  const { sql } = await openStorage({ dataDir: '', databaseUrl: url });
  await sql.close();
}

describe('one schema for both backends', () => {
  it('SQLite and PostgreSQL have the same tables, columns and indexes', async () => {
    const url = await postgres.database();
    await openPostgres(url);
    const [lite, pgShape] = [await sqliteShape(), await postgresShape(url)];
    expect(Object.keys(pgShape.columns).sort()).toEqual(Object.keys(lite.columns).sort());
    expect(pgShape.columns).toEqual(lite.columns);
    expect(pgShape.indexes).toEqual(lite.indexes);
  });

  it('a PostgreSQL database of version 2 migrates to exactly the fresh schema', async () => {
    const fresh = await postgres.database();
    await openPostgres(fresh);
    const old = await postgres.database();
    await openPostgres(old);
    // Back to version 2: every table a later version added is dropped.
    const client = new pg.Client({ connectionString: old });
    await client.connect();
    try {
      const tables = (await client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = current_schema()')).rows.map((r) => r.tablename);
      expect(tables).toEqual(expect.arrayContaining(tablesOfVersion2));
      for (const table of tables.filter((name) => !tablesOfVersion2.includes(name))) await client.query(`DROP TABLE ${table} CASCADE`);
      await client.query("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    } finally {
      await client.end();
    }
    await openPostgres(old);
    expect(await postgresShape(old)).toEqual(await postgresShape(fresh));
  });
});
