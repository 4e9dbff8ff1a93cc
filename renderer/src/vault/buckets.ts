/**
 * Where a vault's IndexedDB lives, so that deleting it deletes its bytes (docs/design.md,
 * "Local vault", "Dropping data"). Chromium keeps all IndexedDB databases of an origin in one
 * LevelDB: deleted rows, even a deleted database, stay in its files until a compaction that
 * a page cannot start. A Storage Bucket (`navigator.storageBuckets`) has its own files, and
 * deleting the bucket deletes them. So each vault lives in a bucket of its own, in
 * generations: to drop a room for good, the vault is copied (ciphertext as is, without the
 * room) into the next generation's bucket and the old bucket is deleted.
 *
 * Without the API (Node tests on fake-indexeddb, browsers without buckets) the vault is a
 * plain database and deleted rows may linger in the browser's files.
 */
import { VaultDatabase } from './database';

/** The part of the Storage Buckets API the vault uses. */
export interface BucketManager {
  open(name: string): Promise<{ indexedDB: IDBFactory }>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<void>;
  /** Goes with the buckets' factories (tests on fake-indexeddb); defaults to the global one. */
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The browser's bucket manager, or null when it has none. */
export function browserBuckets(): BucketManager | null {
  const manager = (globalThis.navigator as { storageBuckets?: BucketManager } | undefined)?.storageBuckets;
  return manager && typeof globalThis.IDBKeyRange === 'function' ? manager : null;
}

/** Meta row written last into a generation: its copy is complete. */
export const completeId = 'generation-complete';
/** Meta row set when rows were deleted: the next close or open moves the vault to a new generation. */
export const rebuildId = 'rebuild-needed';

/** `<vault name>-g<generation>` (bucket names: lowercase letters, digits, `-`, at most 64). */
export const bucketName = (vault: string, generation: number): string => `${vault}-g${generation}`;

/** The generations of `vault` that have a bucket, highest first. */
export async function generationsOf(buckets: BucketManager, vault: string): Promise<number[]> {
  const prefix = `${vault}-g`;
  return (await buckets.keys())
    .filter((key) => key.startsWith(prefix) && /^\d+$/u.test(key.slice(prefix.length)))
    .map((key) => Number(key.slice(prefix.length)))
    .sort((a, b) => b - a);
}

/** Opens the vault database of a generation (creating bucket and database if needed). */
export async function openGeneration(buckets: BucketManager, vault: string, generation: number): Promise<VaultDatabase> {
  const bucket = await buckets.open(bucketName(vault, generation));
  const db = new VaultDatabase(vault, { indexedDB: bucket.indexedDB, IDBKeyRange: buckets.IDBKeyRange ?? globalThis.IDBKeyRange });
  await db.open();
  return db;
}

/**
 * Copies every row of `from` into the empty `to` (ciphertext as it is, update rows with their
 * sequence numbers), then marks `to` complete in the same transaction as its last rows.
 */
export async function copyVault(from: VaultDatabase, to: VaultDatabase): Promise<void> {
  const [meta, updates, snapshots, copies] = await from.transaction('r', [from.meta, from.updates, from.snapshots, from.copies], () => Promise.all([
    from.meta.toArray(), from.updates.toArray(), from.snapshots.toArray(), from.copies.toArray(),
  ]));
  await to.transaction('rw', [to.meta, to.updates, to.snapshots, to.copies], async () => {
    await to.updates.bulkPut(updates);
    await to.snapshots.bulkPut(snapshots);
    await to.copies.bulkPut(copies);
    await to.meta.bulkPut(meta.filter((row) => row.key !== completeId && row.key !== rebuildId));
    await to.meta.put({ key: completeId, value: true });
  });
}

/**
 * The current generation of `vault`: the highest complete one. Other generations (a finished
 * move whose old bucket was not deleted yet, a move cut short) are deleted. With none, a new
 * first generation is made; a vault from before buckets (a plain database) is moved into it.
 */
export async function openCurrentGeneration(buckets: BucketManager, vault: string, plain: IDBFactory): Promise<{ db: VaultDatabase; generation: number }> {
  const generations = await generationsOf(buckets, vault);
  let found: { db: VaultDatabase; generation: number } | null = null;
  for (const generation of generations) {
    const db = await openGeneration(buckets, vault, generation);
    if (await db.meta.get(completeId)) {
      found = { db, generation };
      break;
    }
    db.close();
  }
  for (const generation of generations) {
    if (generation !== found?.generation) await buckets.delete(bucketName(vault, generation));
  }
  if (found) return found;

  const generation = 1;
  const db = await openGeneration(buckets, vault, generation);
  const legacy = (await plain.databases?.().catch(() => []) ?? []).some((info) => info.name === vault);
  if (legacy) {
    const old = new VaultDatabase(vault, { indexedDB: plain, IDBKeyRange: buckets.IDBKeyRange ?? globalThis.IDBKeyRange });
    await old.open();
    await copyVault(old, db);
    await old.delete();
  } else {
    await db.meta.put({ key: completeId, value: true });
  }
  return { db, generation };
}
