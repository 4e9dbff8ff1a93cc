/**
 * The monitor's index (docs/design.md "Monitor", docs/privacy.md): per case and meeting room the
 * facts the region's figures need, read from the stored document and kept as JSON sealed with
 * the content cipher (it is derived personal data). A row remembers the room's head when it was
 * read; a stale row is re-read on the next refresh, so a request never reads more documents than
 * changed since the last one. After stored updates the server refreshes the room debounced.
 *
 * Persons are pseudonymous: a per-case person id and a keyed hash (HMAC-SHA256 with a random
 * key kept sealed in `meta`) of the normalised name and birth year, so the same person in two
 * cases counts once in "unique persons" while no name is kept. Nothing here holds a label,
 * case number, note or free text.
 */
import { createHmac, randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { ContentCipher } from '../storage/content-cipher';
import { createRoomStore } from '../storage/room-store';
import { readStoredDoc } from '../storage/stored-doc';
import type { Sql } from '../storage/sql';
import { isCaseRoom, isMeetingRoom } from '../access/names';

/** A person of a case as the index holds it. */
export interface PersonFacts { id: string; role: string | null; key: string }
/** The facts of one case. */
export interface CaseFacts {
  kind: 'case';
  type: string | null;
  status: string | null;
  municipality: string | null;
  createdAt: string | null;
  persons: PersonFacts[];
  risk: { kind: string; level: string; date: string }[];
  measures: { kind: string; start: string; end: string | null }[];
  actions: { id: string; ownerOrg: string | null; due: string | null; status: string; createdAt: string | null; doneAt: string | null }[];
  escalations: { level: string; date: string }[];
}
/** The facts of one meeting: no names, only the case rooms on its agenda. */
export interface MeetingFacts { kind: 'meeting'; type: string | null; start: string | null; cases: string[] }
/** What the index holds of one room. */
export type RoomFacts = CaseFacts | MeetingFacts;

/** The index bound to a database. */
export interface MonitorIndex {
  /** Re-reads every case and meeting room whose row is missing or older than its head; returns how many. */
  refreshStale(): Promise<number>;
  /** Re-reads one room now. */
  refresh(room: string): Promise<void>;
  /** Re-reads every room (the admin command `monitor rebuild`); returns how many. */
  rebuild(): Promise<number>;
  /** Every row, fresh as of the last refresh. */
  all(): Promise<Map<string, RoomFacts>>;
  /** Closure dates of case rooms (clear table case_closures). */
  closures(): Promise<Map<string, string>>;
  /** Schedules a refresh of `room` after `debounceMs` of quiet (called after stored updates). */
  touch(room: string): void;
  /** Waits for scheduled refreshes to finish and stops scheduling. */
  stop(): Promise<void>;
}

const text = (value: unknown, max = 64): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null);
const date = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);
const plain = (value: unknown): Record<string, unknown> | null => {
  if (value instanceof Y.Map) return value.toJSON() as Record<string, unknown>;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
};
const entries = (map: Y.Map<unknown>): [string, Record<string, unknown>][] =>
  [...map.entries()].flatMap(([key, value]) => { const record = plain(value); return record ? [[key, record] as [string, Record<string, unknown>]] : []; });

/** A name as compared for deduplication: NFC, lower case, single spaces. */
export const normalizeName = (name: string): string => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Reads the facts of a case document; `previous` keeps the dates actions were first seen done. */
export function caseFactsOf(doc: Y.Doc, personKey: (name: string, birthYear: number | null) => string, previous: CaseFacts | null, today: string): CaseFacts {
  const meta = doc.getMap('meta');
  const doneBefore = new Map((previous?.actions ?? []).map((action) => [action.id, action.doneAt]));
  const persons = entries(doc.getMap('persons')).map(([id, p]) => ({
    id, role: text(p.role), key: personKey(typeof p.name === 'string' ? p.name : id, typeof p.birthYear === 'number' ? p.birthYear : null),
  }));
  const risk = entries(doc.getMap('risk')).flatMap(([kind, r]) => {
    const level = text(r.level); const at = date(r.date);
    return level && at ? [{ kind, level, date: at }] : [];
  });
  const measures = entries(doc.getMap('measures')).flatMap(([, m]) => {
    const kind = text(m.kind); const start = date(m.start);
    return kind && start ? [{ kind, start, end: date(m.end) }] : [];
  });
  const actions = entries(doc.getMap('actions')).flatMap(([id, a]) => {
    const status = text(a.status);
    if (!status) return [];
    const doneAt = status === 'gedaan' ? doneBefore.get(id) ?? today : null;
    return [{ id, ownerOrg: text(a.ownerOrg), due: date(a.due), status, createdAt: date(a.createdAt), doneAt }];
  });
  const escalations = entries(doc.getMap('timeline')).flatMap(([, e]) => {
    const level = text(e.level); const at = date(e.date);
    return e.type === 'escalatie' && level && at ? [{ level, date: at }] : [];
  });
  return {
    kind: 'case', type: text(meta.get('type')), status: text(meta.get('status')), municipality: text(meta.get('municipality')),
    createdAt: date(meta.get('createdAt')), persons, risk, measures, actions, escalations,
  };
}

/** Reads the facts of a meeting document. */
export function meetingFactsOf(doc: Y.Doc): MeetingFacts {
  const meta = doc.getMap('meta');
  const agenda = doc.getArray('agenda').toArray().filter(isCaseRoom);
  const start = typeof meta.get('start') === 'string' ? (meta.get('start') as string) : null;
  return { kind: 'meeting', type: text(meta.get('type')), start: start && /^\d{4}-\d{2}-\d{2}/.test(start) ? start : null, cases: [...new Set(agenda)] };
}

const factsContext = (room: string): string => `monitor\0${room}`;
const keyContext = 'monitor-person-key';

/** Binds the index to a database and the content cipher. */
export function createMonitorIndex(sql: Sql, cipher: ContentCipher, options: { debounceMs?: number; onError?: (room: string, error: unknown) => void } = {}): MonitorIndex {
  const store = createRoomStore(sql, cipher);
  const debounceMs = options.debounceMs ?? 2000;
  let hmacKey: Buffer | null = null;

  /** The person-hash key: random on first use, kept sealed in meta so every instance agrees. */
  const personHashKey = async (): Promise<Buffer> => {
    if (hmacKey) return hmacKey;
    const fresh = cipher.encrypt(randomBytes(32), keyContext).toString('base64');
    await sql.run("INSERT INTO meta (key, value) VALUES ('monitor_person_key', $1) ON CONFLICT (key) DO NOTHING", [fresh]);
    const row = await sql.get<{ value: string }>("SELECT value FROM meta WHERE key = 'monitor_person_key'");
    hmacKey = Buffer.from(cipher.decrypt(Buffer.from(row!.value, 'base64'), keyContext));
    return hmacKey;
  };

  const readRow = async (room: string): Promise<RoomFacts | null> => {
    const row = await sql.get<{ facts: Uint8Array }>('SELECT facts FROM monitor_index WHERE room = $1', [room]);
    return row ? (JSON.parse(Buffer.from(cipher.decrypt(row.facts, factsContext(room))).toString('utf8')) as RoomFacts) : null;
  };

  const refresh = async (room: string): Promise<void> => {
    if (!isCaseRoom(room) && !isMeetingRoom(room)) return;
    const headRow = await sql.get<{ head: number }>('SELECT head FROM rooms WHERE room = $1', [room]);
    if (!headRow) return;
    const doc = await readStoredDoc(store, room);
    try {
      let facts: RoomFacts;
      if (isCaseRoom(room)) {
        const key = await personHashKey();
        const previous = await readRow(room).catch(() => null);
        facts = caseFactsOf(doc, (name, birthYear) => createHmac('sha256', key).update(`${normalizeName(name)}\0${birthYear ?? ''}`).digest('base64url').slice(0, 22),
          previous?.kind === 'case' ? previous : null, new Date().toISOString().slice(0, 10));
      } else {
        facts = meetingFactsOf(doc);
      }
      const sealed = cipher.encrypt(Buffer.from(JSON.stringify(facts), 'utf8'), factsContext(room));
      await sql.run(
        'INSERT INTO monitor_index (room, kind, head, updated_at, facts) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (room) DO UPDATE SET kind = excluded.kind, head = excluded.head, updated_at = excluded.updated_at, facts = excluded.facts',
        [room, facts.kind, Number(headRow.head), new Date().toISOString(), sealed],
      );
    } finally {
      doc.destroy();
    }
  };

  const stale = async (): Promise<string[]> => (await sql.all<{ room: string }>(
    "SELECT r.room AS room FROM rooms r LEFT JOIN monitor_index m ON m.room = r.room WHERE (r.room LIKE 'case:%' OR r.room LIKE 'meeting:%') AND (m.room IS NULL OR m.head <> r.head) ORDER BY r.room",
  )).map((row) => row.room);

  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  return {
    refresh,
    async refreshStale() {
      const rooms = await stale();
      for (const room of rooms) await refresh(room);
      return rooms.length;
    },
    async rebuild() {
      const rooms = (await sql.all<{ room: string }>("SELECT room FROM rooms WHERE room LIKE 'case:%' OR room LIKE 'meeting:%' ORDER BY room")).map((row) => row.room);
      for (const room of rooms) await refresh(room);
      await sql.run('DELETE FROM monitor_index WHERE room NOT IN (SELECT room FROM rooms)');
      return rooms.length;
    },
    async all() {
      const rows = await sql.all<{ room: string; facts: Uint8Array }>('SELECT room, facts FROM monitor_index');
      const result = new Map<string, RoomFacts>();
      for (const row of rows) result.set(row.room, JSON.parse(Buffer.from(cipher.decrypt(row.facts, factsContext(row.room))).toString('utf8')) as RoomFacts);
      return result;
    },
    async closures() {
      const rows = await sql.all<{ room: string; closed_at: string }>('SELECT room, closed_at FROM case_closures');
      return new Map(rows.map((row) => [row.room, row.closed_at.slice(0, 10)]));
    },
    touch(room) {
      if (stopped || (!isCaseRoom(room) && !isMeetingRoom(room))) return;
      clearTimeout(timers.get(room));
      timers.set(room, setTimeout(() => {
        timers.delete(room);
        const job = refresh(room).catch((error: unknown) => options.onError?.(room, error)).finally(() => running.delete(job));
        running.add(job);
      }, debounceMs));
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([...running]);
    },
  };
}
