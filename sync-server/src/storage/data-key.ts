/**
 * The data key: 32 bytes that encrypt every document payload at rest. It comes from
 * the environment/option or from a key file created 0600 on first start. It never
 * appears in logs or error messages.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the key file inside the data dir. */
export const keyFileName = 'data.key';

/** Why the key could not be loaded; the message names files, never key material. */
export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new DataKeyError(`${source} must hold 32 bytes in base64 (44 characters)`);
  return key;
}

/** The data key of a PostgreSQL deployment: only from the environment, the same on every instance. */
export function requireEnvDataKey(fromEnv: string | null): Buffer {
  if (fromEnv === null) throw new DataKeyError('With --database-url the data key must come from THEMAKAMER_DATA_KEY (base64, 32 bytes), the same on every instance');
  return decodeKey(fromEnv, 'The data key (THEMAKAMER_DATA_KEY)');
}

/** Creates the key file holding `key` (0600; never replaces one): false when it exists already. */
function createKeyFile(path: string, key: Buffer): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, key.toString('base64') + '\n');
    } finally {
      closeSync(fd);
    }
    chmodSync(path, 0o600);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** Reads the key file, refusing one that others can read. */
function readKeyFile(path: string): Buffer {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new DataKeyError(`Key file ${path} is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
  }
  return decodeKey(readFileSync(path, 'utf8'), `Key file ${path}`);
}

/** Returns the data key: from `fromEnv` (base64) if given, else the key file, created on first use. */
export function loadDataKey(dataDir: string, fromEnv: string | null): Buffer {
  if (fromEnv !== null) return decodeKey(fromEnv, 'The data key (THEMAKAMER_DATA_KEY)');
  const path = join(dataDir, keyFileName);
  createKeyFile(path, randomBytes(32));
  return readKeyFile(path);
}

/**
 * Gives `dataDir` `key` as its key file, as a first start does with a new key (a restore: the
 * key of the backup's server). Keeps an existing file holding the same key; refuses one with another.
 */
export function storeDataKey(dataDir: string, key: Buffer): void {
  const path = join(dataDir, keyFileName);
  if (createKeyFile(path, key)) return;
  if (!readKeyFile(path).equals(key)) throw new DataKeyError(`Key file ${path} holds another key than the one given`);
}
