/**
 * Durable storage of room documents: an append-only log of encrypted updates per room,
 * compacted into an encrypted snapshot taken from the server's own Y.Doc.
 * Appends are synchronous (better-sqlite3), so "stored before relayed" holds by
 * construction: the caller relays only after append() returned.
 */
import * as Y from 'yjs';
import type { ContentCipher } from './content-cipher';
import type { Db } from './database';

/** Loading, appending to and compacting room documents. */
export interface RoomStore {
  /** A fresh Y.Doc holding everything stored for `room`, and how many log rows follow its snapshot. */
  load(room: string): { doc: Y.Doc; rowsSinceSnapshot: number };
  /** Stores one update (already applied to the server's doc) durably. */
  append(room: string, update: Uint8Array): void;
  /** Replaces the room's log with one snapshot of `doc`. */
  compact(room: string, doc: Y.Doc): void;
}

const updateContext = (room: string): string => `update\0${room}`;
const snapshotContext = (room: string): string => `snapshot\0${room}`;

/** Binds the store to a database and cipher. */
export function createRoomStore(db: Db, cipher: ContentCipher): RoomStore {
  const insertUpdate = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
  const selectSnapshot = db.prepare<[string], { data: Buffer; upto: number }>('SELECT data, upto FROM snapshots WHERE room = ?');
  // Compaction deletes every row it folded in, in the same transaction as the snapshot:
  // whatever rows remain for a room all come after its snapshot.
  const selectUpdates = db.prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM updates WHERE room = ? ORDER BY id');
  const lastUpdateId = db.prepare<[string], { id: number | null }>('SELECT MAX(id) AS id FROM updates WHERE room = ?');
  const upsertSnapshot = db.prepare(
    'INSERT INTO snapshots (room, data, upto, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (room) DO UPDATE SET data = excluded.data, upto = excluded.upto, updated_at = excluded.updated_at',
  );
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE room = ? AND id <= ?');

  const compactTx = db.transaction((room: string, state: Uint8Array) => {
    const upto = lastUpdateId.get(room)?.id ?? 0;
    const previous = selectSnapshot.get(room);
    upsertSnapshot.run(room, cipher.encrypt(state, snapshotContext(room)), Math.max(upto, previous?.upto ?? 0), new Date().toISOString());
    deleteUpdates.run(room, upto);
  });

  return {
    load(room) {
      const doc = new Y.Doc({ gc: true });
      const snapshot = selectSnapshot.get(room);
      if (snapshot) Y.applyUpdate(doc, cipher.decrypt(snapshot.data, snapshotContext(room)));
      let rows = 0;
      // Stored updates were produced by the server's own doc, in order; each is applied
      // alone (never merged) so a damaged row fails loudly at its id.
      for (const row of selectUpdates.iterate(room)) {
        Y.applyUpdate(doc, cipher.decrypt(row.data, updateContext(room)));
        rows++;
      }
      return { doc, rowsSinceSnapshot: rows };
    },
    append(room, update) {
      insertUpdate.run(room, cipher.encrypt(update, updateContext(room)));
    },
    compact(room, doc) {
      compactTx.immediate(room, Y.encodeStateAsUpdate(doc));
    },
  };
}
