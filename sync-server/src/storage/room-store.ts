/**
 * Durable storage of room documents: an append-only log of encrypted updates per room,
 * compacted into an encrypted snapshot taken from the server's own Y.Doc, and a quarantine
 * for stored values that fail to load. The interface is asynchronous (a database server
 * may sit behind it); callers relay an update only after append resolved.
 */
import type { ContentCipher } from './content-cipher';
import type { Sql, SqlQueries } from './sql';

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
  /**
   * What was stored after seq `after`, for an instance catching up: the updates after it,
   * or, when a compaction has folded some of them away, the snapshot and the updates after
   * the snapshot. One consistent view.
   */
  readAfter(room: string, after: number): Promise<StoredRoom>;
  /** The seq of the last stored update of each of `rooms` that has one. */
  heads(rooms: string[]): Promise<Map<string, number>>;
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

interface QuarantineRow { id: number; room: string; source: 'update' | 'snapshot'; source_id: number; error: string; at: string; [key: string]: unknown }
const toEntry = (row: QuarantineRow): QuarantineEntry => ({ id: row.id, room: row.room, source: row.source, sourceId: row.source_id, error: row.error, at: row.at });

/**
 * What is stored for `room` after seq `after` (-1: everything), read with `q`: inside a
 * read-only transaction this is one consistent view. Also used by backup, restore and
 * migrate to open rooms inside their own snapshot.
 */
export async function readRoomIn(q: SqlQueries, cipher: ContentCipher, room: string, after: number): Promise<StoredRoom> {
  const snapshot = await q.get<{ data: Buffer; upto: number }>('SELECT data, upto FROM snapshots WHERE room = $1 AND upto > $2', [room, after]);
  const rows = await q.all<{ seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE room = $1 AND seq > $2 ORDER BY seq', [room, Math.max(after, snapshot?.upto ?? 0)]);
  return {
    snapshot: snapshot ? { id: snapshot.upto, open: () => cipher.decrypt(snapshot.data, snapshotContext(room)) } : null,
    rows: rows.map((row) => ({ id: row.seq, open: () => cipher.decrypt(row.data, updateContext(room)) })),
  };
}

/** Binds the store to a database and cipher. */
export function createRoomStore(sql: Sql, cipher: ContentCipher): RoomStore {
  const readAfter = (room: string, after: number): Promise<StoredRoom> => sql.tx((q) => readRoomIn(q, cipher, room, after), { readOnly: true });

  return {
    async listRooms() {
      const rows = await sql.all<{ room: string }>('SELECT room FROM rooms UNION SELECT room FROM snapshots UNION SELECT room FROM updates ORDER BY room');
      return rows.map((row) => row.room);
    },
    // Everything: any snapshot (upto ≥ 0 > -1) and the updates after it, in one consistent view.
    read: (room) => readAfter(room, -1),
    readAfter,
    async heads(rooms) {
      const heads = new Map<string, number>();
      for (let i = 0; i < rooms.length; i += 500) {
        const slice = rooms.slice(i, i + 500);
        const rows = await sql.all<{ room: string; head: number }>(`SELECT room, head FROM rooms WHERE room IN (${slice.map((_, j) => `$${j + 1}`).join(', ')})`, slice);
        for (const row of rows) heads.set(row.room, row.head);
      }
      return heads;
    },
    async append(room, updates) {
      const sealed = updates.map((update) => cipher.encrypt(update, updateContext(room)));
      if (sql.dialect === 'postgres') {
        // One statement, so one round trip: the head moves (row lock until the statement's own
        // commit) and the rows go in with the seqs it gave. Stays gapless, like the transaction below.
        const row = await sql.get<{ head: number; inserted: number }>(
          `WITH moved AS (
             INSERT INTO rooms (room, created_by, created_at, head) VALUES ($1, NULL, $2, $3)
             ON CONFLICT (room) DO UPDATE SET head = rooms.head + excluded.head RETURNING head
           ), inserted AS (
             INSERT INTO updates (room, seq, data)
             SELECT $1, moved.head - $3 + u.i, u.data FROM moved, unnest($4::bytea[]) WITH ORDINALITY AS u(data, i)
             RETURNING seq
           )
           SELECT moved.head, (SELECT count(*) FROM inserted) AS inserted FROM moved`,
          [room, new Date().toISOString(), updates.length, sealed],
        );
        if (row?.inserted !== updates.length) throw new Error(`append stored ${row?.inserted ?? 0} of ${updates.length} updates`);
        return row.head;
      }
      return sql.tx(async (q) => {
        // The head moves and the rows go in under the row lock: seqs are gapless and never reused.
        const { head } = (await q.get<{ head: number }>(
          'INSERT INTO rooms (room, created_by, created_at, head) VALUES ($1, NULL, $2, $3) ON CONFLICT (room) DO UPDATE SET head = rooms.head + excluded.head RETURNING head',
          [room, new Date().toISOString(), updates.length],
        ))!;
        const first = head - updates.length + 1;
        const values = sealed.map((_, i) => `($1, $${2 * i + 2}, $${2 * i + 3})`).join(', ');
        await q.run(`INSERT INTO updates (room, seq, data) VALUES ${values}`, [room, ...sealed.flatMap((data, i) => [first + i, data])]);
        return head;
      });
    },
    async compact(room, state, upto) {
      const sealed = cipher.encrypt(state, snapshotContext(room));
      await sql.tx(async (q) => {
        // One compaction of a room at a time, on any instance; a snapshot never replaces a newer one.
        await q.lock(`compact:${room}`);
        const current = await q.get<{ upto: number }>('SELECT upto FROM snapshots WHERE room = $1', [room]);
        if ((current?.upto ?? -1) > upto) return;
        await q.run(
          'INSERT INTO snapshots (room, data, upto, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (room) DO UPDATE SET data = excluded.data, upto = excluded.upto, updated_at = excluded.updated_at',
          [room, sealed, upto, new Date().toISOString()],
        );
        await q.run('DELETE FROM updates WHERE room = $1 AND seq <= $2', [room, upto]);
      });
    },
    async quarantine(room, source, sourceId, error) {
      await sql.tx(async (q) => {
        await q.lock(`compact:${room}`);
        const insert = 'INSERT INTO quarantine (room, source, source_id, error, at, data) VALUES ($1, $2, $3, $4, $5, $6)';
        const at = new Date().toISOString();
        if (source === 'update') {
          const row = await q.get<{ data: Buffer }>('SELECT data FROM updates WHERE room = $1 AND seq = $2', [room, sourceId]);
          if (!row) return;
          await q.run(insert, [room, source, sourceId, error, at, row.data]);
          await q.run('DELETE FROM updates WHERE room = $1 AND seq = $2', [room, sourceId]);
        } else {
          const row = await q.get<{ data: Buffer; upto: number }>('SELECT data, upto FROM snapshots WHERE room = $1', [room]);
          if (!row || row.upto !== sourceId) return;
          await q.run(insert, [room, source, sourceId, error, at, row.data]);
          await q.run('DELETE FROM snapshots WHERE room = $1', [room]);
        }
      });
    },
    async listQuarantine(room) {
      const rows = room === undefined
        ? await sql.all<QuarantineRow>('SELECT id, room, source, source_id, error, at FROM quarantine ORDER BY id')
        : await sql.all<QuarantineRow>('SELECT id, room, source, source_id, error, at FROM quarantine WHERE room = $1 ORDER BY id', [room]);
      return rows.map(toEntry);
    },
    async openQuarantined(id) {
      const row = await sql.get<QuarantineRow & { data: Buffer }>('SELECT * FROM quarantine WHERE id = $1', [id]);
      if (!row) return null;
      const context = row.source === 'update' ? updateContext(row.room) : snapshotContext(row.room);
      return { entry: toEntry(row), data: cipher.decrypt(row.data, context) };
    },
  };
}
