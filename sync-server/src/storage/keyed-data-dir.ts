/**
 * Opening a data dir together with its data key, for admin commands that read document
 * content (minutes export, room check, quarantine export). Refuses a dir without a
 * database or key, and a key that does not match the one the server encrypted with,
 * rather than creating anything.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createContentCipher, type ContentCipher } from './content-cipher';
import { keyFileName, loadDataKey, requireEnvDataKey } from './data-key';
import { databaseFile } from './database';
import { openStorage, type StorageTarget } from './open';
import type { Sql, SqlQueries } from './sql';

/** Why the data dir could not be opened; `message` is Dutch for the operator. */
export class DataDirError extends Error {
  override name = 'DataDirError';
  constructor(readonly code: 'no-data' | 'no-key' | 'wrong-key', message: string) {
    super(message);
  }
}

const keyCheckContext = 'key-check';
const keyCheckPlain = 'themakamer-key-check';

/**
 * Whether `cipher` holds the key the data dir was encrypted with: 'unrecorded' when no
 * server has started on the dir yet (the server then records it with `record`).
 */
export async function verifyDataKey(sql: SqlQueries, cipher: ContentCipher, record = false): Promise<'ok' | 'mismatch' | 'unrecorded'> {
  let row = await sql.get<{ value: string }>("SELECT value FROM meta WHERE key = 'key_check'");
  if (!row) {
    if (!record) return 'unrecorded';
    // Two instances starting at once on an empty database: the first value written wins.
    await sql.run("INSERT INTO meta (key, value) VALUES ('key_check', $1) ON CONFLICT DO NOTHING", [cipher.encrypt(Buffer.from(keyCheckPlain), keyCheckContext).toString('base64')]);
    row = await sql.get<{ value: string }>("SELECT value FROM meta WHERE key = 'key_check'");
    if (!row) return 'unrecorded';
  }
  try {
    cipher.decrypt(Buffer.from(row.value, 'base64'), keyCheckContext);
    return 'ok';
  } catch {
    return 'mismatch';
  }
}

/** Refuses a key that does not match, and an unrecorded key where content exists. */
export async function checkAdminKey(sql: Sql, cipher: ContentCipher): Promise<void> {
  const verdict = await verifyDataKey(sql, cipher);
  if (verdict === 'mismatch') {
    throw new DataDirError('wrong-key', 'De datasleutel past niet bij deze gegevensmap. Gebruik de sleutel waarmee de server draait (THEMAKAMER_DATA_KEY of data.key).');
  }
  // Without a recorded key, a wrong key would make every stored value look damaged.
  const stored = await sql.get('SELECT 1 AS found FROM updates UNION ALL SELECT 1 AS found FROM snapshots LIMIT 1');
  if (verdict === 'unrecorded' && stored) {
    throw new DataDirError('wrong-key', 'Deze gegevensmap heeft geen sleutelcontrole. Start de server er eerst één keer op met de juiste datasleutel.');
  }
}

/** Opens the store with its data key (THEMAKAMER_DATA_KEY, or data.key in the data dir); the caller closes `sql`. */
export async function openKeyedStore(target: StorageTarget, dataKey: string | null = process.env.THEMAKAMER_DATA_KEY ?? null): Promise<{ sql: Sql; cipher: ContentCipher }> {
  let key: Buffer;
  if (target.databaseUrl) {
    if (dataKey === null) throw new DataDirError('no-key', 'Geen datasleutel: zet THEMAKAMER_DATA_KEY op de sleutel waarmee de servers draaien.');
    key = requireEnvDataKey(dataKey);
  } else {
    if (!existsSync(join(target.dataDir, databaseFile))) {
      throw new DataDirError('no-data', `In ${target.dataDir} staat geen Themakamer-database. Controleer --data-dir.`);
    }
    if (dataKey === null && !existsSync(join(target.dataDir, keyFileName))) {
      throw new DataDirError('no-key', `Geen datasleutel gevonden: ${keyFileName} ontbreekt in de gegevensmap en THEMAKAMER_DATA_KEY is niet gezet.`);
    }
    key = loadDataKey(target.dataDir, dataKey);
  }
  const { sql } = await openStorage(target);
  try {
    const cipher = createContentCipher(key);
    await checkAdminKey(sql, cipher);
    return { sql, cipher };
  } catch (error) {
    await sql.close();
    throw error;
  }
}
