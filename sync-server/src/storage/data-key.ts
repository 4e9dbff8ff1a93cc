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

/** Returns the data key: from `fromEnv` (base64) if given, else the key file, created on first use. */
export function loadDataKey(dataDir: string, fromEnv: string | null): Buffer {
  if (fromEnv !== null) return decodeKey(fromEnv, 'The data key (THEMAKAMER_DATA_KEY)');
  const path = join(dataDir, keyFileName);
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(32).toString('base64') + '\n');
    } finally {
      closeSync(fd);
    }
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new DataKeyError(`Key file ${path} is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
  }
  return decodeKey(readFileSync(path, 'utf8'), `Key file ${path}`);
}
