/**
 * Moving a whole store: migrate (embedded SQLite to an empty PostgreSQL database), backup
 * (a consistent snapshot of every table into one file) and restore (a backup into an empty
 * store of either backend). All three use the table copier (table-copy.ts) and verify the
 * result before they report success: the same rows per table (counts and digests), every
 * room opening, the audit chain intact.
 *
 * The data key is not changed: sealed values are copied as they are, so the target must
 * run with the key the source was sealed with (migrate: THEMAKAMER_DATA_KEY must be the
 * data dir's key; restore: the key of the store the backup came from). Each checks the key
 * against the recorded key check before it writes anything.
 *
 * Migrate and restore refuse while a server runs on the store they copy from or into, and hold
 * it for the whole copy (store-lock.ts); backup runs next to running servers (one snapshot).
 *
 * Backup file: gzip'd JSON lines. A header line (format, backend, schema version, time),
 * per table a line naming it and its columns followed by one JSON array per row (binary
 * values as `{ "b": base64 }`), and an end line with the rows and digest of every table; a
 * file without its end line is refused.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import * as Y from 'yjs';
import { adminActor, createAuditLog } from './audit';
import { createContentCipher, type ContentCipher } from './content-cipher';
import { keyFileName, loadDataKey, requireEnvDataKey, storeDataKey } from './data-key';
import { databaseFile } from './database';
import { DataDirError, openKeyedStore, verifyDataKey } from './keyed-data-dir';
import { openStorage, type StorageTarget } from './open';
import { createRoomStore, readRoomIn, type StoredRoom } from './room-store';
import { takeTransferLock, type StoreLock } from './store-lock';
import { postgresSql, type Sql, type SqlQueries } from './sql';
import { postgresSchemaVersion } from './postgres-schema';
import {
  assertEmpty, assertSameTables, copiedTables, countTables, CopyError, createTableWriter, decodeCell, encodeCell, readTables,
  type Cell, type TableCounts,
} from './table-copy';

export { CopyError } from './table-copy';

const releaseAll = async (locks: StoreLock[]): Promise<void> => {
  for (const lock of locks.splice(0).reverse()) await lock.release();
};

/** What a transfer did, for the operator: ids and numbers only. */
export interface TransferSummary {
  /** Rows per table. */
  rows: Record<string, number>;
  rooms: number;
  auditEntries: number;
  ms: number;
}

const backupFormat = 'themakamer-backup';
const backupFormatVersion = 1;

interface BackupHeader { kind: 'header'; format: string; formatVersion: number; backend: Sql['dialect']; schemaVersion: string; createdAt: string }
interface BackupTable { kind: 'table'; name: string; columns: string[] }
interface BackupEnd { kind: 'end'; tables: TableCounts }

const rowCounts = (counts: TableCounts): Record<string, number> => Object.fromEntries(Object.entries(counts).map(([name, count]) => [name, count.rows]));

/** Builds a room's document from what is stored; throws when a value does not open or apply. */
function buildDoc(stored: StoredRoom): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.open());
    for (const row of stored.rows) Y.applyUpdate(doc, row.open());
    return doc;
  } catch (error) {
    doc.destroy();
    throw error;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/**
 * Opens every room of `target` through its room store and, when `source` is given, compares
 * it with the same room read there (state vector and encoded state). Returns the room count.
 */
async function verifyRooms(target: Sql, cipher: ContentCipher, source?: { q: SqlQueries; cipher: ContentCipher; rooms: string[] }): Promise<number> {
  const store = createRoomStore(target, cipher);
  const rooms = await store.listRooms();
  if (source && source.rooms.join('\n') !== rooms.join('\n')) throw new CopyError(`Het doel heeft ${rooms.length} kamers, de bron ${source.rooms.length}.`);
  for (const room of rooms) {
    let loaded: Y.Doc;
    try {
      loaded = buildDoc(await store.read(room));
    } catch (error) {
      throw new CopyError(`Kamer ${room} opent niet in het doel (${(error as Error).name}).`);
    }
    try {
      if (!source) continue;
      const original = buildDoc(await readRoomIn(source.q, source.cipher, room, -1));
      try {
        if (!sameBytes(Y.encodeStateVector(original), Y.encodeStateVector(loaded)) || !sameBytes(Y.encodeStateAsUpdate(original), Y.encodeStateAsUpdate(loaded))) {
          throw new CopyError(`Kamer ${room} verschilt tussen bron en doel.`);
        }
      } finally {
        original.destroy();
      }
    } finally {
      loaded.destroy();
    }
  }
  return rooms.length;
}

/** Verifies the audit chain of `target`; returns its length. */
async function verifyAudit(target: Sql): Promise<number> {
  const verdict = await createAuditLog(target).verify();
  if (!verdict.ok) throw new CopyError(`De auditketen in het doel klopt niet (regel ${verdict.firstBad}, ${verdict.reason}).`);
  return verdict.entries;
}

const listRoomsIn = async (q: SqlQueries): Promise<string[]> =>
  (await q.all<{ room: string }>('SELECT room FROM rooms UNION SELECT room FROM snapshots UNION SELECT room FROM updates ORDER BY room')).map((row) => row.room);

/**
 * Moves the embedded store in `fromDataDir` into the empty PostgreSQL database at
 * `toDatabaseUrl`. `dataKey` (THEMAKAMER_DATA_KEY) must be the data dir's key.
 */
export async function migrate(options: { fromDataDir: string; toDatabaseUrl: string; dataKey: string | null }): Promise<TransferSummary> {
  const started = performance.now();
  if (options.dataKey === null) {
    throw new CopyError(`Zet THEMAKAMER_DATA_KEY op de datasleutel van de gegevensmap (de inhoud van ${keyFileName}); de PostgreSQL-servers draaien daarna met dezelfde sleutel.`);
  }
  const cipher = createContentCipher(requireEnvDataKey(options.dataKey));
  // No server on the source (its edits after the snapshot would be missing) nor on the target, for the whole copy.
  const locks: StoreLock[] = [];
  let source: Sql;
  try {
    locks.push(await takeTransferLock({ dataDir: options.fromDataDir }, 'migrate'));
    locks.push(await takeTransferLock({ dataDir: '', databaseUrl: options.toDatabaseUrl }, 'migrate'));
    ({ sql: source } = await openKeyedStore({ dataDir: options.fromDataDir }, options.dataKey));
  } catch (error) {
    await releaseAll(locks);
    if (error instanceof DataDirError && error.code === 'wrong-key') {
      throw new CopyError(`THEMAKAMER_DATA_KEY is niet de datasleutel van de gegevensmap; gebruik de inhoud van ${keyFileName}. De inhoud blijft versleuteld met die sleutel.`);
    }
    throw error;
  }
  try {
    const { sql: target } = await openStorage({ dataDir: '', databaseUrl: options.toDatabaseUrl });
    try {
      // One snapshot of the source for the copy and the comparison after it.
      return await source.tx(async (src) => {
        // The copy and its check in one transaction: a copy that does not check out leaves the target empty.
        const counts = await target.tx(async (dst) => {
          await dst.lock('schema');
          await assertEmpty(dst);
          const writer = createTableWriter(dst, target.dialect);
          const read = await readTables(src, source.dialect, writer);
          assertSameTables(read, await writer.finish());
          assertSameTables(read, await countTables(dst, target.dialect));
          return read;
        });
        const rooms = await verifyRooms(target, cipher, { q: src, cipher, rooms: await listRoomsIn(src) });
        const auditEntries = await verifyAudit(target);
        // The target's chain records where its history came from (after the check, which it is not part of).
        await createAuditLog(target).append({ event: 'migrate', actor: adminActor, detail: { from: 'sqlite', rooms, auditEntries } });
        return { rows: rowCounts(counts), rooms, auditEntries, ms: Math.round(performance.now() - started) };
      }, { readOnly: true });
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
    await releaseAll(locks);
  }
}

/**
 * Opens a store for backup: an existing one, read as it is. PostgreSQL is not brought up to
 * date here (that takes table locks next to running instances): its schema must be current.
 */
async function openExisting(target: StorageTarget): Promise<Sql> {
  if (!target.databaseUrl) {
    if (!existsSync(join(target.dataDir, databaseFile))) throw new CopyError(`In ${target.dataDir} staat geen Themakamer-database. Controleer --data-dir.`);
    return (await openStorage(target)).sql;
  }
  const sql = postgresSql(target.databaseUrl, { max: 2 });
  try {
    const found = await sql.get("SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'meta'");
    const version = found ? await sql.get<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'") : undefined;
    if (version?.value !== String(postgresSchemaVersion)) {
      throw new CopyError(version ? `De database heeft schemaversie ${version.value}; start er eerst een server van deze versie op.` : 'In deze database staat geen Themakamer-schema.');
    }
    return sql;
  } catch (error) {
    await sql.close();
    throw error;
  }
}

/** Writes a consistent snapshot of every table of `target` to `file` (refuses an existing file). */
export async function backup(target: StorageTarget, file: string): Promise<TransferSummary & { bytes: number }> {
  const started = performance.now();
  if (existsSync(file)) throw new CopyError(`${file} bestaat al; kies een nieuwe bestandsnaam.`);
  const sql = await openExisting(target);
  const partial = `${file}.partial`;
  const gzip = createGzip();
  let out: WriteStream | null = null;
  try {
    // 0600: the file holds every account and the sealed content.
    const stream = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    out = stream;
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      gzip.on('error', reject);
    });
    // Awaited below; a failure before then must not count as unhandled.
    done.catch(() => {});
    gzip.pipe(stream);
    const write = async (line: string): Promise<void> => {
      if (!gzip.write(line + '\n')) await once(gzip, 'drain');
    };
    const { counts, rooms } = await sql.tx(async (q) => {
      const version = await q.get<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
      const header: BackupHeader = { kind: 'header', format: backupFormat, formatVersion: backupFormatVersion, backend: sql.dialect, schemaVersion: version?.value ?? '', createdAt: new Date().toISOString() };
      await write(JSON.stringify(header));
      const counts = await readTables(q, sql.dialect, {
        table: (name, columns) => write(JSON.stringify({ kind: 'table', name, columns } satisfies BackupTable)),
        async rows(rows) {
          for (const row of rows) await write(JSON.stringify(row.map(encodeCell)));
        },
      });
      return { counts, rooms: (await listRoomsIn(q)).length };
    }, { readOnly: true });
    await write(JSON.stringify({ kind: 'end', tables: counts } satisfies BackupEnd));
    gzip.end();
    await done;
    renameSync(partial, file);
    // A backup is a copy of everything: recorded in the chain it copied (after the snapshot).
    await createAuditLog(sql).append({ event: 'backup', actor: adminActor, detail: { rooms, auditEntries: counts.audit?.rows ?? 0, bytes: stream.bytesWritten } });
    return { rows: rowCounts(counts), rooms, auditEntries: counts.audit?.rows ?? 0, ms: Math.round(performance.now() - started), bytes: stream.bytesWritten };
  } catch (error) {
    gzip.destroy();
    out?.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await sql.close();
  }
}

/**
 * The data key a restore uses: THEMAKAMER_DATA_KEY, or an existing data.key in the target data
 * dir. A data dir whose data.key holds another key than THEMAKAMER_DATA_KEY is refused: the
 * server would start on that file's key.
 */
function restoreKey(target: StorageTarget, dataKey: string | null): Buffer {
  if (target.databaseUrl || dataKey !== null) {
    if (dataKey === null) throw new CopyError('Zet THEMAKAMER_DATA_KEY op de datasleutel van de server waarvan de back-up is gemaakt.');
    const key = requireEnvDataKey(dataKey);
    const file = join(target.dataDir, keyFileName);
    if (!target.databaseUrl && existsSync(file) && !loadDataKey(target.dataDir, null).equals(key)) {
      throw new CopyError(`In ${target.dataDir} staat al een ${keyFileName} met een andere sleutel dan THEMAKAMER_DATA_KEY. Kies een lege gegevensmap, of verwijder dat bestand als het niet bij deze back-up hoort.`);
    }
    return key;
  }
  if (!existsSync(join(target.dataDir, keyFileName))) {
    throw new CopyError(`Geen datasleutel: zet THEMAKAMER_DATA_KEY of leg ${keyFileName} van de oorspronkelijke server in ${target.dataDir}.`);
  }
  return loadDataKey(target.dataDir, null);
}

/** Reads a backup file line by line, checking its shape. */
async function* backupLines(file: string): AsyncGenerator<BackupHeader | BackupTable | BackupEnd | Cell[]> {
  if (!existsSync(file)) throw new CopyError(`${file} bestaat niet.`);
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let first = true;
  try {
    for await (const line of lines) {
      if (line === '') continue;
      const value = JSON.parse(line) as BackupHeader | BackupTable | BackupEnd | unknown[];
      if (first) {
        const header = value as BackupHeader;
        if (Array.isArray(value) || header.kind !== 'header' || header.format !== backupFormat) throw new CopyError(`${file} is geen Themakamer-back-up.`);
        if (header.formatVersion !== backupFormatVersion) throw new CopyError(`${file} heeft back-upformaat ${header.formatVersion}; deze versie leest formaat ${backupFormatVersion}.`);
        first = false;
      }
      yield Array.isArray(value) ? value.map(decodeCell) : value;
    }
  } catch (error) {
    if (error instanceof CopyError) throw error;
    throw new CopyError(`${file} is beschadigd of onvolledig (${(error as Error).name}).`);
  }
  if (first) throw new CopyError(`${file} is leeg.`);
}

/**
 * Restores the backup in `file` into `target`, which must be empty (a data dir is created if
 * needed). The key: `dataKey` or the data dir's data.key; it must match the backup's. A data
 * dir ends with that key in its data.key.
 */
export async function restore(file: string, target: StorageTarget, dataKey: string | null): Promise<TransferSummary & { backend: Sql['dialect']; createdAt: string }> {
  const started = performance.now();
  const key = restoreKey(target, dataKey);
  const cipher = createContentCipher(key);
  // No server on the target for the whole restore (the check that it is empty alone would not see one start).
  const lock = await takeTransferLock(target, 'restore');
  let sql: Sql;
  try {
    ({ sql } = await openStorage(target));
  } catch (error) {
    await lock.release();
    throw error;
  }
  try {
    let header: BackupHeader | null = null;
    const counts = await sql.tx(async (q) => {
      await q.lock('schema');
      await assertEmpty(q);
      const writer = createTableWriter(q, sql.dialect);
      let end: BackupEnd | null = null;
      let pending: Cell[][] = [];
      let table = '';
      const flush = async (): Promise<void> => {
        if (pending.length > 0) await writer.rows(pending);
        pending = [];
        if (table === 'meta') {
          // The key check came with the backup: a wrong key is refused before any content is written.
          if ((await verifyDataKey(q, cipher)) === 'mismatch') {
            throw new CopyError('De datasleutel past niet bij deze back-up. Gebruik de sleutel van de server waarvan de back-up is gemaakt.');
          }
        }
      };
      for await (const item of backupLines(file)) {
        if (end) throw new CopyError(`${file} heeft gegevens na het einde.`);
        if (Array.isArray(item)) {
          pending.push(item);
          if (pending.length >= 500) await flush();
        } else if (item.kind === 'header') {
          header = item;
        } else if (item.kind === 'table') {
          await flush();
          table = item.name;
          await writer.table(item.name, item.columns);
        } else {
          await flush();
          end = item;
        }
      }
      if (!end) throw new CopyError(`${file} is onvolledig (het einde ontbreekt); gebruik een volledige back-up.`);
      const written = await writer.finish();
      assertSameTables(end.tables, written);
      assertSameTables(end.tables, await countTables(q, sql.dialect));
      return written;
    });
    const rooms = await verifyRooms(sql, cipher);
    const auditEntries = await verifyAudit(sql);
    const from = header as BackupHeader | null;
    await createAuditLog(sql).append({ event: 'restore', actor: adminActor, detail: { from: from?.backend ?? null, backupAt: from?.createdAt ?? null, rooms, auditEntries } });
    // The data dir gets the key it was checked with as its key file, as a first start gives a
    // new dir one: the server then starts on it without THEMAKAMER_DATA_KEY.
    if (!target.databaseUrl) storeDataKey(target.dataDir, key);
    const found = header as BackupHeader | null;
    return { rows: rowCounts(counts), rooms, auditEntries, ms: Math.round(performance.now() - started), backend: found?.backend ?? sql.dialect, createdAt: found?.createdAt ?? '' };
  } finally {
    await sql.close();
    await lock.release();
  }
}

/** Tables the copier moves, in order (for tests that compare them with the schema). */
export const transferredTables = copiedTables.map((table) => table.name);
