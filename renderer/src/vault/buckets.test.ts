/**
 * The vault in storage buckets (buckets.ts), with a bucket manager over fake-indexeddb: a
 * forgotten room's rows leave with the old generation's bucket at the next close or open,
 * a move cut short is thrown away, a wiped vault leaves no bucket, and a vault from before
 * buckets moves into one.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { completeId, type BucketManager } from './buckets';
import { VaultDatabase } from './database';
import { testIterations } from './test-support';
import { openVault } from './vault';

const serverUrl = 'https://themakamer.test';
const password = 'fictief-kluiswachtwoord';
const kept = 'case:bucketkeep000001';
const dropped = 'case:bucketdrop000001';

/** Buckets as separate fake IndexedDB factories; deleting one drops its factory (its "files"). */
function fakeBuckets(): BucketManager & { factories: Map<string, IDBFactory> } {
  const factories = new Map<string, IDBFactory>();
  return {
    factories,
    IDBKeyRange,
    async open(name) {
      if (!factories.has(name)) factories.set(name, new IDBFactory());
      return { indexedDB: factories.get(name)! };
    },
    keys: async () => [...factories.keys()].sort(),
    async delete(name) {
      factories.delete(name);
    },
  };
}

const open = (buckets: BucketManager, plain = new IDBFactory()) =>
  openVault({ serverUrl, username: 'anna', storageBuckets: buckets, indexedDB: plain, IDBKeyRange, unsafeTestIterations: testIterations });

describe('vault in storage buckets', () => {
  it('moves to a new bucket after a room was forgotten: the old bucket goes, the rest stays readable', async () => {
    const buckets = fakeBuckets();
    const vault = await open(buckets);
    await vault.unlock(password);
    await vault.appendUpdates(kept, [new Uint8Array([1]), new Uint8Array([2])]);
    await vault.appendUpdates(dropped, [new Uint8Array([3])]);
    await vault.putJson('cache:x', { a: 1 });
    const [first] = await buckets.keys();
    expect(first).toMatch(/^themakamer-vault-[0-9a-f]{16}-g1$/u);

    expect(await vault.forgetRoom(dropped)).toBeNull();
    await vault.close();
    const [second] = await buckets.keys();
    expect(await buckets.keys()).toEqual([second]);
    expect(second).toMatch(/-g2$/u);

    const again = await open(buckets);
    await again.unlock(password);
    expect(await again.listRooms()).toEqual([kept]);
    expect(await again.loadRoom(kept)).toEqual([new Uint8Array([1]), new Uint8Array([2])]);
    expect(await again.getJson('cache:x')).toEqual({ a: 1 });
    // Nothing was deleted since: closing keeps the generation.
    await again.close();
    expect(await buckets.keys()).toEqual([second]);
  });

  it('a move cut short (no completion mark) is thrown away at the next open; a flagged vault moves at open', async () => {
    const buckets = fakeBuckets();
    const vault = await open(buckets);
    await vault.unlock(password);
    await vault.appendUpdates(kept, [new Uint8Array([7])]);
    const name = vault.name;
    await vault.close();
    // A crash halfway through a move: generation 2 exists without its completion mark.
    const half = new VaultDatabase(name, { indexedDB: (await buckets.open(`${name}-g2`)).indexedDB, IDBKeyRange });
    await half.open();
    await half.updates.add({ room: dropped, iv: new Uint8Array(12), data: new Uint8Array([9]) });
    half.close();
    // And generation 1 still has rows of a forgotten room pending a move (the flag is set on forget).
    const flagged = await open(buckets);
    expect(await buckets.keys()).toEqual([`${name}-g1`]);
    await flagged.unlock(password);
    await flagged.appendUpdates(dropped, [new Uint8Array([8])]);
    await flagged.forgetRoom(dropped);
    // The tab is closed without closing the vault: the next open moves it.
    const reopened = await open(buckets);
    expect(await buckets.keys()).toEqual([`${name}-g2`]);
    await reopened.unlock(password);
    expect(await reopened.listRooms()).toEqual([kept]);
    const db = new VaultDatabase(name, { indexedDB: (await buckets.open(`${name}-g2`)).indexedDB, IDBKeyRange });
    expect(await db.meta.get(completeId)).toBeTruthy();
    db.close();
    await reopened.close();
  });

  it('destroy deletes every bucket of the vault (a wiped vault leaves no files)', async () => {
    const buckets = fakeBuckets();
    const vault = await open(buckets);
    await vault.unlock(password);
    await vault.appendUpdates(kept, [new Uint8Array([1])]);
    await vault.destroy();
    expect(await buckets.keys()).toEqual([]);
  });

  it('a vault from before buckets (a plain database) moves into the first bucket', async () => {
    const plain = new IDBFactory();
    const legacy = await openVault({ serverUrl, username: 'anna', indexedDB: plain, IDBKeyRange, unsafeTestIterations: testIterations });
    await legacy.unlock(password);
    await legacy.appendUpdates(kept, [new Uint8Array([5])]);
    await legacy.close();
    const buckets = fakeBuckets();
    const moved = await open(buckets, plain);
    expect(await plain.databases()).toEqual([]);
    await moved.unlock(password);
    expect(await moved.loadRoom(kept)).toEqual([new Uint8Array([5])]);
    await moved.close();
  });
});
