/**
 * Who uses a store. Every running server holds a shared lock on its store for as long as it
 * runs; migrate and restore take the same lock exclusively for as long as they copy. So they
 * refuse while any server runs on the store (a copy taken then would silently miss the edits
 * made after its snapshot), and a server refuses to start while they copy.
 *
 * The locks belong to the process, never to a file's contents, so a crashed server leaves
 * nothing stale behind:
 * - SQLite: a transaction on `server.lock` in the data dir (an empty SQLite file). A server
 *   holds a read transaction (SQLite's SHARED lock), migrate and restore `BEGIN EXCLUSIVE`.
 *   These are fcntl locks, which the operating system drops when the process ends.
 * - PostgreSQL: a session-level advisory lock on a connection of its own (shared per instance,
 *   exclusive for restore and migrate), which PostgreSQL drops when that connection ends.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Logger } from '../log';
import type { StorageTarget } from './open';

/** Name of the lock file inside the data dir (its contents do not matter). */
export const lockFileName = 'server.lock';

// One key per database (advisory locks are per database), named like the other locks (sql.ts).
const advisoryKey = 'themakamer:instances';

/** The store is in use by someone the caller must not run next to; `message` is for the operator. */
export class StoreInUseError extends Error {
  override name = 'StoreInUseError';
}

/** A held lock; `release` gives it back (once). */
export interface StoreLock { release(): Promise<void> }

const isBusy = (error: unknown): boolean => (error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED';

const noLock: StoreLock = { release: async () => {} };

function sqliteLock(dataDir: string, mode: 'shared' | 'exclusive', create = true): StoreLock | null {
  // Nobody runs on a dir that does not exist; the caller then reports it as it would without the lock.
  if (!create && !existsSync(dataDir)) return noLock;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // timeout 0: busy is an answer, not something to wait for.
  const db = new Database(join(dataDir, lockFileName), { timeout: 0 });
  try {
    if (mode === 'exclusive') {
      db.exec('BEGIN EXCLUSIVE');
    } else {
      // A read keeps the SHARED lock until the transaction ends.
      db.exec('BEGIN');
      db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    }
  } catch (error) {
    db.close();
    if (isBusy(error)) return null;
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** A connection holding the advisory lock in `mode`, or null when it is held the other way. */
async function takeAdvisory(url: string, mode: 'shared' | 'exclusive'): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  const take = mode === 'exclusive' ? 'pg_try_advisory_lock' : 'pg_try_advisory_lock_shared';
  try {
    const { rows } = await client.query<{ ok: boolean }>(`SELECT ${take}(hashtext($1)::bigint) AS ok`, [advisoryKey]);
    if (rows[0]?.ok) return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  await client.end().catch(() => {});
  return null;
}

// A server that lost its lock connection (a database restart, a failover) takes the lock again
// this often until it has it; in between a restore or migrate could start next to it, but
// either still finds the store not empty (the server's rows are in it) and refuses.
const retakeMs = 5000;

async function postgresLock(url: string, mode: 'shared' | 'exclusive', logger: Logger | null): Promise<StoreLock | null> {
  let client = await takeAdvisory(url, mode);
  if (!client) return null;
  let released = false;
  let timer: NodeJS.Timeout | null = null;
  const retake = (): void => {
    timer = setTimeout(() => {
      timer = null;
      takeAdvisory(url, mode).then(async (next) => {
        if (released) return void (await next?.end().catch(() => {}));
        if (!next) {
          logger?.warn('store-lock-contended', {});
          return retake();
        }
        client = next;
        watch(next);
        logger?.info('store-lock-retaken', {});
      }, () => retake());
    }, retakeMs);
    timer.unref();
  };
  const watch = (held: pg.Client): void => {
    const lost = (error?: Error): void => {
      if (released || held !== client) return;
      // The session is gone and its lock with it.
      logger?.warn('store-lock-lost', { error: error?.name ?? 'ended' });
      client = null;
      held.end().catch(() => {});
      if (mode === 'shared') retake();
    };
    held.on('error', lost);
    held.on('end', () => lost());
  };
  watch(client);
  return {
    async release() {
      if (released) return;
      released = true;
      if (timer) clearTimeout(timer);
      const held = client;
      client = null;
      // Ending the session drops its advisory locks.
      await held?.end().catch(() => {});
    },
  };
}

const place = (target: StorageTarget): { nl: string; en: string } => target.databaseUrl
  ? { nl: 'deze database', en: 'this database' }
  : { nl: `gegevensmap ${target.dataDir}`, en: `data dir ${target.dataDir}` };

/**
 * Held by a running server from before it opens its store until it has closed it. Refuses
 * (StoreInUseError) while a migrate or restore copies from or into the store.
 */
export async function holdServerLock(target: StorageTarget, logger: Logger): Promise<StoreLock> {
  const lock = target.databaseUrl ? await postgresLock(target.databaseUrl, 'shared', logger) : sqliteLock(target.dataDir, 'shared');
  if (!lock) {
    throw new StoreInUseError(`A migrate or restore is copying ${place(target).en}; start the server once it has finished.`);
  }
  return lock;
}

/**
 * Taken by migrate (on its source data dir and its target database) and restore (on its
 * target) for the whole copy. Refuses (StoreInUseError, Dutch then English) while a server runs on the store.
 */
export async function takeTransferLock(target: StorageTarget, command: 'migrate' | 'restore'): Promise<StoreLock> {
  const lock = target.databaseUrl ? await postgresLock(target.databaseUrl, 'exclusive', null) : sqliteLock(target.dataDir, 'exclusive', command === 'restore');
  if (!lock) {
    const { nl, en } = place(target);
    throw new StoreInUseError(
      `Er draait een Themakamer-server (of een andere migrate/restore) op ${nl}. Stop alle servers daarop en start ${command} opnieuw: `
      + 'een kopie terwijl een server draait mist wat daarna wordt bewerkt.\n'
      + `A Themakamer server (or another migrate/restore) is running on ${en}. Stop every server on it and run ${command} again: `
      + 'a copy taken while a server runs would miss the edits made after it.',
    );
  }
  return lock;
}
