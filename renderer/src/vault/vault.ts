/**
 * A user's local-first vault: an encrypted, append-only log of Yjs updates per room,
 * compacted into snapshots, plus small sealed JSON records (session, cached lists).
 * Everything it writes is ciphertext; the key lives in memory only while unlocked.
 */
import Dexie, { type IndexableType } from 'dexie';
import { isRoom, type Room } from '../domain/ids';
import {
  createDataKey, defaultIterations, isWrappedKey, open, rewrapDataKey, seal, unwrapDataKey,
  type Sealed, type WrappedKey,
} from './cipher';
import {
  browserBuckets, bucketName, type BucketManager, copyVault, generationsOf, openCurrentGeneration, openGeneration, rebuildId,
} from './buckets';
import { VaultDatabase, type CopyRow, type SnapshotRow, type UpdateRow } from './database';
import { VaultError } from './errors';
import { mergeUpdates } from './merge-updates';
import { parseStoredSession, type StoredSession } from './session';
import { vaultName } from './vault-name';

/**
 * Local changes of a room the server has not confirmed yet (docs/design.md, "Local vault"):
 * how many and when, never what. Kept sealed until the server confirms the room in sync.
 */
export interface PendingChanges {
  /** Local changes (stored batches of updates) not yet confirmed. */
  changes: number;
  /** Epoch ms of the first and the last of them. */
  firstAt: number;
  lastAt: number;
}

const isPendingChanges = (value: unknown): value is PendingChanges =>
  typeof value === 'object' && value !== null
  && ['changes', 'firstAt', 'lastAt'].every((field) => typeof (value as Record<string, unknown>)[field] === 'number');

/** Rows per room after which the log is folded into a snapshot; keeps load time flat. */
export const defaultCompactAfter = 200;

/** How to open a vault. */
export interface VaultOptions {
  serverUrl: string;
  username: string;
  /** IndexedDB implementation; defaults to the browser's (Node tests pass fake-indexeddb). */
  indexedDB?: IDBFactory;
  /** Goes with `indexedDB`. */
  IDBKeyRange?: typeof IDBKeyRange;
  /** Compact a room once it holds more than this many update rows. */
  compactAfter?: number;
  /**
   * TEST ONLY: the storage bucket manager (default: the browser's `navigator.storageBuckets`,
   * used when `indexedDB` is not given). Node tests pass one over fake-indexeddb.
   */
  storageBuckets?: BucketManager;
  /** Background compaction failed; the rows stay, nothing is lost. Gets the room id only. */
  onError?: (error: unknown, room: string) => void;
  /**
   * TEST ONLY: PBKDF2 iterations for a NEW vault, so suites need not pay 600,000 each
   * time. Production code never passes it; an existing vault keeps its stored count.
   */
  unsafeTestIterations?: number;
}

/** The local vault of one user on one server. */
export interface Vault {
  /** The IndexedDB database name (no user or server in clear). */
  readonly name: string;
  /** True while a key is in memory. */
  readonly unlocked: boolean;
  /** True once a password was set for this vault. */
  isInitialised(): Promise<boolean>;
  /** Unlocks with `password` (creates the vault key on first use); wrong password: `bad-password`. */
  unlock(password: string): Promise<void>;
  /** Drops the key from memory; reads and writes fail with `locked` until unlocked again. */
  lock(): void;
  /** Rewraps the vault key for a new password (`current` must be right); data stays as is. */
  changePassword(current: string, next: string): Promise<void>;
  /** Stores one update of `room` (resolves once it is in IndexedDB). */
  appendUpdate(room: string, update: Uint8Array): Promise<void>;
  /** Stores several updates of `room`, in order, in one transaction. */
  appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<void>;
  /** Everything stored for `room`, in order: the snapshot (if any) first, then later updates. */
  loadRoom(room: string): Promise<Uint8Array[]>;
  /** Folds the room's update rows into its snapshot (also done automatically). */
  compactRoom(room: string): Promise<void>;
  /** Update rows stored for `room` after its snapshot. */
  countUpdateRows(room: string): Promise<number>;
  /**
   * Stores the read copy of `room` (replacing the previous one), only while the room has
   * stored data: a copy written after `forgetRoom` would outlive the room's access.
   * Returns false when it was not stored for that reason.
   */
  putReadCopy(room: string, copy: Uint8Array): Promise<boolean>;
  /**
   * The read copy of `room`, or null when none is stored; `current` is false when updates
   * were stored for the room after the copy was (it shows an older state).
   */
  loadReadCopy(room: string): Promise<{ copy: Uint8Array; current: boolean } | null>;
  /** Rooms with anything stored locally (for an offline start). */
  listRooms(): Promise<Room[]>;
  /** Records `changes` local changes of `room` made at `at` that the server has not confirmed. */
  notePending(room: string, changes: number, at: number): Promise<void>;
  /** The server confirmed `room` in sync: nothing of it is unsent. */
  clearPending(room: string): Promise<void>;
  /** The unconfirmed local changes of `room`, or null when none are recorded. */
  loadPending(room: string): Promise<PendingChanges | null>;
  /**
   * Deletes everything stored for `room` (e.g. after access was revoked), its pending record
   * included; returns what was unsent (null: nothing, or the vault is locked).
   */
  forgetRoom(room: string): Promise<PendingChanges | null>;
  /**
   * Deletes every local room not in `rooms` (the server's current list: need-to-know ends
   * on this device too when access ends). Returns the rooms it deleted.
   */
  retainRooms(rooms: readonly string[]): Promise<string[]>;
  /** Stores a small JSON value sealed under `key`. */
  putJson(key: string, value: unknown): Promise<void>;
  /** The JSON value stored under `key`, or null. Callers validate its shape. */
  getJson(key: string): Promise<unknown>;
  /** Removes the value under `key`. */
  deleteJson(key: string): Promise<void>;
  /** Remembers the session (sealed). */
  saveSession(session: StoredSession): Promise<void>;
  /** The remembered session, or null when none or unreadable. */
  loadSession(): Promise<StoredSession | null>;
  /** Forgets the session (sign-out). */
  clearSession(): Promise<void>;
  /** Waits for background compactions. */
  flush(): Promise<void>;
  /**
   * Locks and closes the database; after a room was forgotten, first moves the vault to a
   * new storage bucket so the deleted rows leave the disk (buckets.ts).
   */
  close(): Promise<void>;
  /** Closes and deletes the whole database (its storage buckets, and so their files, too). */
  destroy(): Promise<void>;
}

const wrappedKeyId = 'wrapped-key';
const jsonId = (key: string): string => `json:${key}`;
const updateContext = (room: string): string => `update\0${room}`;
const snapshotContext = (room: string): string => `snapshot\0${room}`;
const jsonContext = (key: string): string => `json\0${key}`;
const copyContext = (room: string): string => `copy\0${room}`;
const sessionKey = 'session';
const pendingKey = (room: string): string => `pending:${room}`;

const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null
  && (value as Partial<Sealed>).iv instanceof Uint8Array && (value as Partial<Sealed>).data instanceof Uint8Array;

/** Opens (creating if needed) the vault of `username` on `serverUrl`; it starts locked. */
export async function openVault(options: VaultOptions): Promise<Vault> {
  const name = await vaultName(options.serverUrl, options.username);
  // A storage bucket per vault when the browser has them (buckets.ts): deleting one deletes its files.
  const offered = options.storageBuckets ?? (options.indexedDB ? null : browserBuckets());
  // A context that has the API but refuses it (an opaque or insecure origin) keeps a plain database.
  const buckets = offered && (await offered.keys().then(() => true, () => false)) ? offered : null;
  let generation = 0;
  let db: VaultDatabase;
  if (buckets) {
    ({ db, generation } = await openCurrentGeneration(buckets, name, options.indexedDB ?? globalThis.indexedDB));
  } else {
    db = new VaultDatabase(name, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : undefined);
    await db.open();
  }
  const compactAfter = options.compactAfter ?? defaultCompactAfter;
  const iterations = options.unsafeTestIterations ?? defaultIterations;
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError('iterations must be a positive integer');

  let key: CryptoKey | null = null;
  const rowCounts = new Map<string, number>();
  const compactions = new Map<string, Promise<void>>();

  const requireKey = (): CryptoKey => {
    if (!key) throw new VaultError('locked');
    return key;
  };

  const readWrappedKey = async (): Promise<WrappedKey | null> => {
    const row = await db.meta.get(wrappedKeyId);
    if (!row) return null;
    if (!isWrappedKey(row.value)) throw new VaultError('bad-format', wrappedKeyId);
    return row.value;
  };

  /** Key range of `room` in the `[room+seq]` index, up to row `upTo` (default: all). */
  const roomRange = (room: string, upTo?: number): [IndexableType, IndexableType] =>
    [[room, Dexie.minKey], [room, upTo ?? Dexie.maxKey]];

  /** Snapshot and rows read in one transaction, so a compaction cannot fall between them. */
  const readRoom = (room: string): Promise<{ snapshot: SnapshotRow | undefined; rows: UpdateRow[] }> =>
    db.transaction('r', db.snapshots, db.updates, async () => {
      const snapshot = await db.snapshots.get(room);
      const [lower, upper] = roomRange(room);
      const rows = await db.updates.where('[room+seq]').between(lower, upper, true, true).toArray();
      // Compaction deletes folded rows with the snapshot write; this filter only guards old data.
      return { snapshot, rows: snapshot ? rows.filter((row) => (row.seq ?? 0) > snapshot.seqUpTo) : rows };
    });

  const decryptRoom = async (room: string, snapshot: SnapshotRow | undefined, rows: UpdateRow[]): Promise<Uint8Array[]> => {
    const current = requireKey();
    const parts: Promise<Uint8Array>[] = [];
    if (snapshot) parts.push(open(current, snapshot, snapshotContext(room), `snapshot ${room}`));
    for (const row of rows) parts.push(open(current, row, updateContext(room), `update ${room}#${row.seq}`));
    return Promise.all(parts);
  };

  const compactNow = async (room: string): Promise<void> => {
    const { snapshot, rows } = await readRoom(room);
    const last = rows.at(-1);
    if (last?.seq === undefined) return;
    const seqUpTo = last.seq;
    const merged = mergeUpdates(await decryptRoom(room, snapshot, rows));
    const sealed = await seal(requireKey(), merged, snapshotContext(room));
    // The crypto above cannot run inside an IndexedDB transaction (it would auto-commit);
    // this one only swaps the snapshot and deletes exactly the rows that went into it.
    await db.transaction('rw', db.snapshots, db.updates, async () => {
      const existing = await db.snapshots.get(room);
      if (existing && existing.seqUpTo >= seqUpTo) return; // another tab compacted further
      await db.snapshots.put({ room, seqUpTo, ...sealed });
      const [lower, upper] = roomRange(room, seqUpTo);
      await db.updates.where('[room+seq]').between(lower, upper, true, true).delete();
    });
    rowCounts.delete(room);
  };

  /** One compaction per room at a time; a request during one waits and runs after it. */
  const compactRoom = (room: string): Promise<void> => {
    const previous = compactions.get(room) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => compactNow(room));
    // The caller gets `next` (and its failure); the tracked copy only marks the slot.
    const tracked: Promise<void> = next.catch(() => {}).finally(() => {
      if (compactions.get(room) === tracked) compactions.delete(room);
    });
    compactions.set(room, tracked);
    return next;
  };

  const compactInBackground = (room: string): void => {
    if (compactions.has(room)) return;
    compactRoom(room).catch((error: unknown) => options.onError?.(error, room));
  };

  const countUpdateRows = async (room: string): Promise<number> => {
    const { rows } = await readRoom(room);
    return rows.length;
  };

  const noteRows = async (room: string, added: number): Promise<void> => {
    const known = rowCounts.get(room);
    const count = known === undefined ? await countUpdateRows(room) : known + added;
    rowCounts.set(room, count);
    if (count > compactAfter) compactInBackground(room);
  };

  const putJson = async (jsonKey: string, value: unknown): Promise<void> => {
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    await db.meta.put({ key: jsonId(jsonKey), value: await seal(requireKey(), bytes, jsonContext(jsonKey)) });
  };

  const getJson = async (jsonKey: string): Promise<unknown> => {
    const current = requireKey();
    const row = await db.meta.get(jsonId(jsonKey));
    if (!row) return null;
    if (!isSealed(row.value)) throw new VaultError('bad-format', jsonId(jsonKey));
    const bytes = await open(current, row.value, jsonContext(jsonKey), jsonId(jsonKey));
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  };

  /** Pending-record writes per room, in order (each reads the previous record). */
  const pendingChains = new Map<string, Promise<unknown>>();
  const inPendingOrder = <T>(room: string, work: () => Promise<T>): Promise<T> => {
    const next = (pendingChains.get(room) ?? Promise.resolve()).catch(() => {}).then(work);
    const tracked = next.catch(() => {});
    pendingChains.set(room, tracked);
    void tracked.then(() => {
      if (pendingChains.get(room) === tracked) pendingChains.delete(room);
    });
    return next;
  };
  /** Pending notes as last read or written here: a note per stored batch costs one write, not a read too. */
  const pendingCache = new Map<string, PendingChanges | null>();
  const readPending = async (room: string): Promise<PendingChanges | null> => {
    const cached = pendingCache.get(room);
    if (cached !== undefined) return cached;
    const value = await getJson(pendingKey(room));
    const note = isPendingChanges(value) ? value : null;
    pendingCache.set(room, note);
    return note;
  };

  const flush = async (): Promise<void> => {
    while (compactions.size > 0) await Promise.allSettled([...compactions.values()]);
  };

  /**
   * After rows were deleted (a room forgotten): copies the vault into the next generation's
   * bucket and deletes the old bucket with its files, so the deleted rows' bytes leave the
   * disk. Runs only while nothing else uses the vault (open, close).
   */
  const moveIfNeeded = async (): Promise<void> => {
    if (!buckets || !(await db.meta.get(rebuildId))) return;
    const previous = generation;
    const next = await openGeneration(buckets, name, previous + 1);
    await copyVault(db, next);
    db.close();
    db = next;
    generation = previous + 1;
    await buckets.delete(bucketName(name, previous));
  };

  const shut = async (move: boolean): Promise<void> => {
    await flush();
    key = null;
    if (move) await moveIfNeeded().catch((error: unknown) => options.onError?.(error, name));
    db.close();
  };

  await moveIfNeeded();

  const vault: Vault = {
    name,
    get unlocked() {
      return key !== null;
    },
    async isInitialised() {
      return (await readWrappedKey()) !== null;
    },
    async unlock(password) {
      const existing = await readWrappedKey();
      if (existing) {
        key = await unwrapDataKey(password, existing);
        return;
      }
      const created = await createDataKey(password, iterations);
      // Two tabs may create at once: the first write wins and the other unwraps it.
      const won = await db.transaction('rw', db.meta, async () => {
        if (await db.meta.get(wrappedKeyId)) return false;
        await db.meta.add({ key: wrappedKeyId, value: created.wrapped });
        return true;
      });
      if (won) key = created.key;
      else await vault.unlock(password);
    },
    lock() {
      key = null;
    },
    async changePassword(current, next) {
      const existing = await readWrappedKey();
      if (!existing) throw new VaultError('bad-format', wrappedKeyId);
      const rewrapped = await rewrapDataKey(current, next, existing, iterations);
      await db.meta.put({ key: wrappedKeyId, value: rewrapped });
    },
    appendUpdate: (room, update) => vault.appendUpdates(room, [update]),
    async appendUpdates(room, updates) {
      if (updates.length === 0) return;
      const current = requireKey();
      const sealed = await Promise.all(updates.map((update) => seal(current, update, updateContext(room))));
      // bulkAdd assigns increasing seq in array order: load order stays doc order.
      await db.updates.bulkAdd(sealed.map((row) => ({ room, ...row })));
      await noteRows(room, updates.length);
    },
    async loadRoom(room) {
      requireKey();
      const { snapshot, rows } = await readRoom(room);
      rowCounts.set(room, rows.length);
      const updates = await decryptRoom(room, snapshot, rows);
      if (rows.length > compactAfter) compactInBackground(room);
      return updates;
    },
    compactRoom,
    countUpdateRows,
    async putReadCopy(room, copy) {
      const sealed = await seal(requireKey(), copy, copyContext(room));
      return db.transaction('rw', db.copies, db.snapshots, db.updates, async () => {
        const snapshot = await db.snapshots.get(room);
        const [lower, upper] = roomRange(room);
        const last = await db.updates.where('[room+seq]').between(lower, upper, true, true).last();
        if (!snapshot && !last) return false;
        const row: CopyRow = { room, seqUpTo: Math.max(snapshot?.seqUpTo ?? 0, last?.seq ?? 0), ...sealed };
        await db.copies.put(row);
        return true;
      });
    },
    async loadReadCopy(room) {
      const current = requireKey();
      const found = await db.transaction('r', db.copies, db.updates, async () => {
        const row = await db.copies.get(room);
        if (!row) return null;
        const newer = await db.updates.where('[room+seq]').between([room, row.seqUpTo], [room, Dexie.maxKey], false, true).count();
        return { row, current: newer === 0 };
      });
      if (!found) return null;
      return { copy: await open(current, found.row, copyContext(room), `copy ${room}`), current: found.current };
    },
    async listRooms() {
      const [logged, snapshotted, copied] = await Promise.all([
        db.updates.orderBy('room').uniqueKeys(),
        db.snapshots.toCollection().primaryKeys(),
        db.copies.toCollection().primaryKeys(),
      ]);
      return [...new Set([...logged.map(String), ...snapshotted, ...copied])].filter(isRoom).sort();
    },
    notePending: (room, changes, at) => inPendingOrder(room, async () => {
      const previous = await readPending(room);
      const note: PendingChanges = {
        changes: (previous?.changes ?? 0) + changes, firstAt: previous?.firstAt ?? at, lastAt: Math.max(previous?.lastAt ?? at, at),
      };
      pendingCache.delete(room);
      await putJson(pendingKey(room), note);
      pendingCache.set(room, note);
    }),
    clearPending: (room) => inPendingOrder(room, async () => {
      if (pendingCache.get(room) === null) return;
      await db.meta.delete(jsonId(pendingKey(room)));
      pendingCache.set(room, null);
    }),
    loadPending: (room) => inPendingOrder(room, () => readPending(room)),
    async forgetRoom(room) {
      await compactions.get(room)?.catch(() => {});
      const pending = await inPendingOrder(room, () => (key ? readPending(room) : Promise.resolve(null))).catch(() => null);
      await db.transaction('rw', [db.snapshots, db.updates, db.copies, db.meta], async () => {
        await db.snapshots.delete(room);
        await db.updates.where('room').equals(room).delete();
        await db.copies.delete(room);
        await db.meta.delete(jsonId(pendingKey(room)));
        // The deleted rows' bytes leave the disk when the vault next closes or opens (buckets.ts).
        if (buckets) await db.meta.put({ key: rebuildId, value: true });
      });
      rowCounts.delete(room);
      pendingCache.delete(room);
      return pending;
    },
    async retainRooms(rooms) {
      const keep = new Set(rooms);
      const gone = (await vault.listRooms()).filter((room) => !keep.has(room));
      for (const room of gone) await vault.forgetRoom(room);
      return gone;
    },
    putJson,
    getJson,
    async deleteJson(jsonKey) {
      await db.meta.delete(jsonId(jsonKey));
    },
    saveSession: (session) => putJson(sessionKey, session),
    async loadSession() {
      return parseStoredSession(await getJson(sessionKey));
    },
    async clearSession() {
      await db.meta.delete(jsonId(sessionKey));
    },
    flush,
    close: () => shut(true),
    async destroy() {
      await shut(false);
      if (!buckets) {
        await db.delete();
        return;
      }
      // Deleting the buckets deletes their files (a deleted database's rows would stay in them).
      for (const old of await generationsOf(buckets, name)) await buckets.delete(bucketName(name, old));
    },
  };
  return vault;
}
