/**
 * Approving a meeting ("vaststellen") and the frozen copies it leaves: the full encoded
 * state of the meeting and of every case on its agenda, stored as immutable encrypted
 * rows. Garbage collection stays on in the live documents; history lives here.
 */
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import type { ContentCipher } from '../storage/content-cipher';
import { encodeIntegratedState } from '../rooms/doc-state';
import type { Sql } from '../storage/sql';
import { createId, isCaseRoom } from '../access/names';
import { serverOrigin, type Room } from '../rooms/room';
import type { RoomRegistry } from '../rooms/rooms';

/** A frozen copy as listed to the app. */
export interface FrozenInfo { id: string; room: string; meeting: string; version: number; createdAt: string; sha256: string }

/** Why approval was refused. */
export class ApprovalError extends Error {
  override name = 'ApprovalError';
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

const frozenContext = (id: string, room: string): string => `frozen\0${id}\0${room}`;

/** The meeting's chair as written in its meta map (a username), or null. */
export function chairOf(doc: Y.Doc): string | null {
  const chair = doc.getMap('meta').get('chair');
  return typeof chair === 'string' ? chair : null;
}

/** Case rooms on the agenda, in order, each once; entries that are not case ids are ignored. */
export function agendaCases(doc: Y.Doc): string[] {
  const seen = new Set<string>();
  for (const entry of doc.getArray('agenda').toArray()) if (isCaseRoom(entry)) seen.add(entry);
  return [...seen];
}

/** The room, loaded and taking messages. */
export async function readyRoom(rooms: RoomRegistry, name: string): Promise<Room> {
  const room = await rooms.acquire(name);
  await room.whenReady();
  if (room.state !== 'ready') throw new ApprovalError(503, 'room_unavailable');
  return room;
}

interface FrozenRow { id: string; room: string; meeting: string; version: number; created_at: string; sha256: string; [key: string]: unknown }

/** Approving, reopening and reading frozen copies. */
export interface Approvals {
  approve(meeting: string, username: string): Promise<{ version: number; approvedAt: string; frozen: { id: string; room: string; sha256: string }[] }>;
  reopen(meeting: string): Promise<void>;
  /**
   * A review moment of the measures board: its stored state as an immutable frozen copy
   * (`meeting` = the board's room, `version` = the review's number).
   */
  review(room: string): Promise<{ id: string; version: number; createdAt: string; sha256: string }>;
  list(room: string): Promise<FrozenInfo[]>;
  get(id: string): Promise<(FrozenInfo & { data: Uint8Array }) | null>;
}

/** Binds approvals to the store, rooms and cipher. */
export function createApprovals(sql: Sql, rooms: RoomRegistry, cipher: ContentCipher, roomExists: (room: string) => Promise<boolean>): Approvals {
  const toInfo = (row: FrozenRow): FrozenInfo => ({
    id: row.id, room: row.room, meeting: row.meeting, version: row.version, createdAt: row.created_at, sha256: row.sha256,
  });

  return {
    async approve(meeting, username) {
      const room = await readyRoom(rooms, meeting);
      const meta = room.doc.getMap('meta');
      if (meta.get('status') === 'vastgesteld') throw new ApprovalError(409, 'already_approved');
      const previous = meta.get('version');
      const version = (typeof previous === 'number' && Number.isSafeInteger(previous) && previous > 0 ? previous : 0) + 1;
      const approvedAt = new Date().toISOString();
      // Written with the server's origin: stored, then relayed to everyone in the meeting.
      room.doc.transact(() => {
        meta.set('status', 'vastgesteld');
        meta.set('approvedAt', approvedAt);
        meta.set('approvedBy', username);
        meta.set('version', version);
      }, serverOrigin);
      const sources = [meeting];
      for (const name of agendaCases(room.doc)) if (await roomExists(name)) sources.push(name);
      const states: { room: string; state: Uint8Array }[] = [];
      for (const name of sources) {
        const source = await readyRoom(rooms, name);
        // A frozen copy holds only what is stored: never an update still on its way to the store.
        await source.flushed();
        states.push({ room: name, state: encodeIntegratedState(source.doc) });
      }
      if (room.state !== 'ready') throw new ApprovalError(503, 'room_unavailable');
      const frozen = states.map(({ room: name, state }) => ({
        id: createId('frozen'), room: name, state, sha256: createHash('sha256').update(state).digest('hex'),
      }));
      try {
        await sql.tx(async (q) => {
          for (const copy of frozen) {
            await q.run(
              'INSERT INTO frozen (id, room, meeting, version, created_at, sha256, data) VALUES ($1, $2, $3, $4, $5, $6, $7)',
              [copy.id, copy.room, meeting, version, approvedAt, copy.sha256, cipher.encrypt(copy.state, frozenContext(copy.id, copy.room))],
            );
          }
        });
      } catch (error) {
        // Without its frozen copies the approval does not stand.
        room.doc.transact(() => meta.set('status', 'concept'), serverOrigin);
        throw error;
      }
      return { version, approvedAt, frozen: frozen.map(({ id, room: name, sha256 }) => ({ id, room: name, sha256 })) };
    },
    async reopen(meeting) {
      const room = await readyRoom(rooms, meeting);
      room.doc.transact(() => room.doc.getMap('meta').set('status', 'concept'), serverOrigin);
    },
    async review(name) {
      const room = await readyRoom(rooms, name);
      // Only what is stored: never an update still on its way to the store.
      await room.flushed();
      const state = encodeIntegratedState(room.doc);
      const id = createId('frozen');
      const sha256 = createHash('sha256').update(state).digest('hex');
      const createdAt = new Date().toISOString();
      const version = await sql.tx(async (q) => {
        const last = await q.get<{ version: number | null }>('SELECT MAX(version) AS version FROM frozen WHERE room = $1', [name]);
        const next = Number(last?.version ?? 0) + 1;
        await q.run(
          'INSERT INTO frozen (id, room, meeting, version, created_at, sha256, data) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [id, name, name, next, createdAt, sha256, cipher.encrypt(state, frozenContext(id, name))],
        );
        return next;
      });
      return { id, version, createdAt, sha256 };
    },
    async list(room) {
      return (await sql.all<FrozenRow>('SELECT id, room, meeting, version, created_at, sha256 FROM frozen WHERE room = $1 ORDER BY created_at, id', [room])).map(toInfo);
    },
    async get(id) {
      const row = await sql.get<FrozenRow & { data: Buffer }>('SELECT * FROM frozen WHERE id = $1', [id]);
      if (!row) return null;
      return { ...toInfo(row), data: cipher.decrypt(row.data, frozenContext(row.id, row.room)) };
    },
  };
}
