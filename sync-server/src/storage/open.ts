/**
 * Opening the server's storage: embedded SQLite in the data dir (the default), or
 * PostgreSQL at a URL. Both end as the same Sql seam with an up-to-date schema.
 */
import { openDatabase, type Db, type Durability } from './database';
import { ensurePostgresSchema } from './postgres-schema';
import { postgresSql, sqliteSql, type Sql } from './sql';

/** Where the state lives. */
export interface StorageTarget {
  dataDir: string;
  /** postgres://… ; null or absent: SQLite in dataDir. */
  databaseUrl?: string | null;
  durability?: Durability;
}

/** Opened storage; `db` is the SQLite handle (null on PostgreSQL). */
export interface OpenStorage { sql: Sql; db: Db | null }

/** Opens the storage target and brings its schema up to date. */
export async function openStorage(target: StorageTarget): Promise<OpenStorage> {
  if (target.databaseUrl) {
    const sql = postgresSql(target.databaseUrl);
    try {
      await ensurePostgresSchema(sql);
    } catch (error) {
      await sql.close();
      throw error;
    }
    return { sql, db: null };
  }
  const db = openDatabase(target.dataDir, target.durability);
  return { sql: sqliteSql(db), db };
}
