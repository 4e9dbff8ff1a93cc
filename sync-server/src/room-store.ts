/**
 * Durable storage of room documents: an append-only log of encrypted updates per room,
 * compacted into an encrypted snapshot taken from the server's own Y.Doc, and a quarantine
 * for stored values that fail to load. The interface is asynchronous (a database server
 * may sit behind it); callers relay an update only after append resolved.
 */
import type { ContentCipher } from './content-cipher';
import type { Db } from './database';

/** One stored value; `open` decrypts it (throws SealError when it fails authentication). */
export interface StoredValue {
  /** An update's seq, or for a snapshot the seq of the last update it folds in. */
  id: number;
  open(): Uint8Array;
}

/** What is stored for a room: its snapshot and the updates after it, in seq order. */
export interface StoredRoom { snapshot: StoredValue | null; rows: StoredValue[] }

/** A value set aside by {@link RoomStore.quarantine}. */
export interface QuarantineEntry { id: number; room: string; source: 'update' | 'snapshot'; sourceId: number; error: string; at: string }

/** Loading, appending to and compacting room documents. */
export interface RoomStore {
  /** Every room with stored content or a record, in name order. */
  listRooms(): Promise<string[]>;
  read(room: string): Promise<StoredRoom>;
  /** Stores updates (already applied to the server's doc) durably, in one transaction; resolves with the seq of the last. */
  append(room: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces the room's snapshot and the updates up to seq `upto` with `state` (never with an older snapshot). */
  compact(room: string, state: Uint8Array, upto: number): Promise<void>;
  /** Moves a stored value that fails to load into the quarantine (idempotent). */
  quarantine(room: string, source: 'update' | 'snapshot', sourceId: number, error: string): Promise<void>;
  listQuarantine(room?: string): Promise<QuarantineEntry[]>;
  /** The decrypted value of a quarantine entry, or null. */
  openQuarantined(id: number): Promise<{ entry: QuarantineEntry; data: Uint8Array } | null>;
}

const updateContext = (room: string): string => `update\0${room}`;
const snapshotContext = (room: string): string => `snapshot\0${room}`;

interface QuarantineRow { id: number; room: string; source: 'update' | 'snapshot'; source_id: number; error: string; at: string }
const toEntry = (row: QuarantineRow): QuarantineEntry => ({ id: row.id, room: row.room, source: row.source, sourceId: row.source_id, error: row.error, at: row.at });

/** Binds the store to a SQLite database and cipher. */
export function createRoomStore(db: Db, cipher: ContentCipher): RoomStore {
  const bumpHead = db.prepare<[string, string, number], { head: number }>(
    'INSERT INTO rooms (room, created_by, created_at, head) VALUES (?, NULL, ?, ?) ON CONFLICT (room) DO UPDATE SET head = head + excluded.head RETURNING head',
  );
  const insertUpdate = db.prepare('INSERT INTO updates (room, seq, data) VALUES (?, ?, ?)');
  const selectSnapshot = db.prepare<[string], { data: Buffer; upto: number }>('SELECT data, upto FROM snapshots WHERE room = ?');
  const selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq');
  const selectSnapshotUpto = db.prepare<[string], { upto: number }>('SELECT upto FROM snapshots WHERE room = ?');
  const upsertSnapshot = db.prepare(
    'INSERT INTO snapshots (room, data, upto, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (room) DO UPDATE SET data = excluded.data, upto = excluded.upto, updated_at = excluded.updated_at',
  );
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?');

  const appendTx = db.transaction((room: string, updates: Uint8Array[]): number => {
    // The head moves and the rows go in under one lock: seqs are gapless and never reused.
    const head = bumpHead.get(room, new Date().toISOString(), updates.length)!.head;
    updates.forEach((update, i) => insertUpdate.run(room, head - updates.length + 1 + i, cipher.encrypt(update, updateContext(room))));
    return head;
  });
  const compactTx = db.transaction((room: string, state: Uint8Array, upto: number) => {
    // A snapshot never replaces a newer one.
    if ((selectSnapshotUpto.get(room)?.upto ?? -1) > upto) return;
    upsertSnapshot.run(room, cipher.encrypt(state, snapshotContext(room)), upto, new Date().toISOString());
    deleteUpdates.run(room, upto);
  });
  const quarantineTx = db.transaction((room: string, source: 'update' | 'snapshot', sourceId: number, error: string) => {
    const at = new Date().toISOString();
    const insert = db.prepare('INSERT INTO quarantine (room, source, source_id, error, at, data) VALUES (?, ?, ?, ?, ?, ?)');
    if (source === 'update') {
      const row = db.prepare<[string, number], { data: Buffer }>('SELECT data FROM updates WHERE room = ? AND seq = ?').get(room, sourceId);
      if (!row) return;
      insert.run(room, source, sourceId, error, at, row.data);
      db.prepare('DELETE FROM updates WHERE room = ? AND seq = ?').run(room, sourceId);
    } else {
      const row = selectSnapshot.get(room);
      if (!row || row.upto !== sourceId) return;
      insert.run(room, source, sourceId, error, at, row.data);
      db.prepare('DELETE FROM snapshots WHERE room = ?').run(room);
    }
  });

  return {
    async listRooms() {
      return db.prepare<[], { room: string }>('SELECT room FROM rooms UNION SELECT room FROM snapshots UNION SELECT DISTINCT room FROM updates ORDER BY room').all().map((row) => row.room);
    },
    async read(room) {
      const snapshot = selectSnapshot.get(room);
      return {
        snapshot: snapshot ? { id: snapshot.upto, open: () => cipher.decrypt(snapshot.data, snapshotContext(room)) } : null,
        rows: selectUpdates.all(room, snapshot?.upto ?? 0).map((row) => ({ id: row.seq, open: () => cipher.decrypt(row.data, updateContext(room)) })),
      };
    },
    async append(room, updates) {
      return appendTx.immediate(room, updates);
    },
    async compact(room, state, upto) {
      compactTx.immediate(room, state, upto);
    },
    async quarantine(room, source, sourceId, error) {
      quarantineTx.immediate(room, source, sourceId, error);
    },
    async listQuarantine(room) {
      const rows = room === undefined
        ? db.prepare<[], QuarantineRow>('SELECT id, room, source, source_id, error, at FROM quarantine ORDER BY id').all()
        : db.prepare<[string], QuarantineRow>('SELECT id, room, source, source_id, error, at FROM quarantine WHERE room = ? ORDER BY id').all(room);
      return rows.map(toEntry);
    },
    async openQuarantined(id) {
      const row = db.prepare<[number], QuarantineRow & { data: Buffer }>('SELECT * FROM quarantine WHERE id = ?').get(id);
      if (!row) return null;
      const context = row.source === 'update' ? updateContext(row.room) : snapshotContext(row.room);
      return { entry: toEntry(row), data: cipher.decrypt(row.data, context) };
    },
  };
}
