/**
 * Helpers for vault tests (and the doc-manager tests beside it): a fresh in-memory
 * IndexedDB per vault and a scan of every stored byte. Imported by tests only.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { VaultDatabase } from './database';
import { openVault, type Vault, type VaultOptions } from './vault';

/** PBKDF2 iterations for test vaults; production uses the 600,000 default. */
export const testIterations = 1_000;

/** A vault on its own fake IndexedDB, unlocked with `password`. */
export async function newTestVault(
  options: Partial<VaultOptions> & { password?: string } = {},
): Promise<{ vault: Vault; indexedDB: IDBFactory; options: VaultOptions }> {
  const indexedDB = options.indexedDB ?? new IDBFactory();
  const resolved: VaultOptions = {
    serverUrl: 'http://127.0.0.1:1',
    username: 'test-gebruiker',
    unsafeTestIterations: testIterations,
    ...options,
    indexedDB,
    IDBKeyRange,
  };
  const vault = await openVault(resolved);
  if (options.password !== undefined) await vault.unlock(options.password);
  return { vault, indexedDB, options: resolved };
}

/** The vault's database opened directly (to inspect or tamper with rows). */
export function rawVaultDatabase(indexedDB: IDBFactory, name: string): VaultDatabase {
  return new VaultDatabase(name, { indexedDB, IDBKeyRange });
}

/** Every key and value stored in database `name`, whatever its schema, flattened to byte arrays and strings. */
export async function dumpDatabase(indexedDB: IDBFactory, name: string): Promise<(Uint8Array | string)[]> {
  const raw = new Dexie(name, { indexedDB, IDBKeyRange });
  await raw.open();
  const out: (Uint8Array | string)[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) out.push(value);
    else if (value instanceof ArrayBuffer) out.push(new Uint8Array(value));
    else if (typeof value === 'string') out.push(value);
    else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.entries(value).forEach(([k, v]) => { out.push(k); walk(v); });
  };
  try {
    for (const table of raw.tables) {
      await table.toCollection().each((row, cursor) => {
        walk(cursor.primaryKey);
        walk(row);
      });
    }
  } finally {
    raw.close();
  }
  return out;
}

/** True when `marker` occurs in any dumped item as UTF-8 or UTF-16LE bytes, or in a string. */
export function containsMarker(items: readonly (Uint8Array | string)[], marker: string): boolean {
  const utf8 = new TextEncoder().encode(marker);
  const utf16 = new Uint8Array([...marker].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
  const has = (hay: Uint8Array, needle: Uint8Array): boolean => {
    outer: for (let i = 0; i + needle.length <= hay.length; i++) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  return items.some((item) => (typeof item === 'string' ? item.includes(marker) : has(item, utf8) || has(item, utf16)));
}
