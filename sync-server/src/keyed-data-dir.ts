/**
 * Opening a data dir together with its data key, for admin commands that read document
 * content (minutes export, room check, quarantine export). Refuses a dir without a
 * database or key, and a key that does not match the one the server encrypted with,
 * rather than creating anything.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createContentCipher, type ContentCipher } from './content-cipher';
import { keyFileName, loadDataKey } from './data-key';
import { databaseFile, openDatabase, type Db } from './database';

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
export function verifyDataKey(db: Db, cipher: ContentCipher, record = false): 'ok' | 'mismatch' | 'unrecorded' {
  const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'key_check'").get();
  if (!row) {
    if (!record) return 'unrecorded';
    db.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").run(cipher.encrypt(Buffer.from(keyCheckPlain), keyCheckContext).toString('base64'));
    return 'ok';
  }
  try {
    cipher.decrypt(Buffer.from(row.value, 'base64'), keyCheckContext);
    return 'ok';
  } catch {
    return 'mismatch';
  }
}

function checkKey(db: Db, cipher: ContentCipher): void {
  const verdict = verifyDataKey(db, cipher);
  if (verdict === 'mismatch') {
    throw new DataDirError('wrong-key', 'De datasleutel past niet bij deze gegevensmap. Gebruik de sleutel waarmee de server draait (THEMAKAMER_DATA_KEY of data.key).');
  }
  // Without a recorded key, a wrong key would make every stored value look damaged.
  const stored = db.prepare("SELECT 1 FROM updates UNION ALL SELECT 1 FROM snapshots LIMIT 1").get();
  if (verdict === 'unrecorded' && stored) {
    throw new DataDirError('wrong-key', 'Deze gegevensmap heeft geen sleutelcontrole. Start de server er eerst één keer op met de juiste datasleutel.');
  }
}

/** Opens `dataDir` with its data key (THEMAKAMER_DATA_KEY or data.key); the caller closes `db`. */
export function openKeyedDataDir(dataDir: string, dataKey: string | null = process.env.THEMAKAMER_DATA_KEY ?? null): { db: Db; cipher: ContentCipher } {
  if (!existsSync(join(dataDir, databaseFile))) {
    throw new DataDirError('no-data', `In ${dataDir} staat geen Themakamer-database. Controleer --data-dir.`);
  }
  if (dataKey === null && !existsSync(join(dataDir, keyFileName))) {
    throw new DataDirError('no-key', `Geen datasleutel gevonden: ${keyFileName} ontbreekt in de gegevensmap en THEMAKAMER_DATA_KEY is niet gezet.`);
  }
  const db = openDatabase(dataDir);
  try {
    const cipher = createContentCipher(loadDataKey(dataDir, dataKey));
    checkKey(db, cipher);
    return { db, cipher };
  } catch (error) {
    db.close();
    throw error;
  }
}
