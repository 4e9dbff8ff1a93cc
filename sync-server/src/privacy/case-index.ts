/**
 * Case numbers and types as the server knows them, for the access log and retention. They
 * live in the encrypted case document (meta.caseNumber, meta.type); reading a document for
 * every log line would cost too much, so the first reading is kept in `case_index` until the
 * room's head moves on. Reads go to what is stored (stored before relayed), never through the
 * live room registry: nothing here can change a room.
 */
import type { ContentCipher } from '../storage/content-cipher';
import { createRoomStore, type RoomStore } from '../storage/room-store';
import { readStoredDoc } from '../storage/stored-doc';
import type { Sql } from '../storage/sql';
import { isCaseRoom } from '../access/names';

/** What the index holds of one case. */
export interface CaseFacts { room: string; caseNumber: string | null; caseType: string | null }

/** Looking up case numbers and types, and rooms by case number. */
export interface CaseIndex {
  /** The facts of these case rooms (other names are ignored), fresh as of their current head. */
  facts(rooms: Iterable<string>): Promise<Map<string, CaseFacts>>;
  /** Case rooms whose number is `caseNumber` (compared trimmed and case-insensitively). */
  roomsWithNumber(caseNumber: string): Promise<string[]>;
}

/** A case number as compared in filters: trimmed, NFC, lower case. */
export const normalizeCaseNumber = (value: string): string => value.normalize('NFC').trim().toLowerCase();

const shortText = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null);

interface IndexRow { room: string; case_number: string | null; case_type: string | null; head: number; [key: string]: unknown }

/** What a stored case document's meta says of its number, type and status. */
export interface StoredCaseMeta { caseNumber: string | null; caseType: string | null; status: string | null }

/**
 * The meta of a case as stored (snapshot and updates applied to a fresh doc). A value that does
 * not open or apply is skipped: the number may then be missing, never wrong (the room loader
 * quarantines such values; this reader writes nothing).
 */
export async function readStoredCaseMeta(store: RoomStore, room: string): Promise<StoredCaseMeta> {
  const doc = await readStoredDoc(store, room);
  try {
    const meta = doc.getMap('meta');
    return { caseNumber: shortText(meta.get('caseNumber')), caseType: shortText(meta.get('type')), status: shortText(meta.get('status')) };
  } finally {
    doc.destroy();
  }
}

/** Binds the index to a database and the content cipher. */
export function createCaseIndex(sql: Sql, cipher: ContentCipher): CaseIndex {
  const store = createRoomStore(sql, cipher);

  const refresh = async (room: string, head: number): Promise<CaseFacts> => {
    const { caseNumber, caseType } = await readStoredCaseMeta(store, room);
    await sql.run(
      'INSERT INTO case_index (room, case_number, case_type, head, read_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (room) DO UPDATE SET case_number = excluded.case_number, case_type = excluded.case_type, head = excluded.head, read_at = excluded.read_at',
      [room, caseNumber, caseType, head, new Date().toISOString()],
    );
    return { room, caseNumber, caseType };
  };

  /** Every case room with its head and what the index holds (possibly stale). */
  const current = async (): Promise<Map<string, { head: number; row: IndexRow | undefined }>> => {
    const heads = await sql.all<{ room: string; head: number }>("SELECT room, head FROM rooms WHERE room LIKE 'case:%'");
    const rows = await sql.all<IndexRow>('SELECT room, case_number, case_type, head FROM case_index');
    const byRoom = new Map(rows.map((row) => [row.room, row]));
    return new Map(heads.map(({ room, head }) => [room, { head, row: byRoom.get(room) }]));
  };

  const factsOf = async (wanted: Set<string>): Promise<Map<string, CaseFacts>> => {
    const result = new Map<string, CaseFacts>();
    for (const [room, { head, row }] of await current()) {
      if (!wanted.has(room)) continue;
      result.set(room, row && row.head === head ? { room, caseNumber: row.case_number, caseType: row.case_type } : await refresh(room, head));
    }
    // A deleted case keeps its number and type in its deletion record: the log still names it.
    if ([...wanted].some((room) => !result.has(room))) {
      for (const facts of await deleted()) if (wanted.has(facts.room) && !result.has(facts.room)) result.set(facts.room, facts);
    }
    for (const room of wanted) if (!result.has(room)) result.set(room, { room, caseNumber: null, caseType: null });
    return result;
  };

  const deleted = async (): Promise<CaseFacts[]> =>
    (await sql.all<{ room: string; case_number: string | null; case_type: string | null }>('SELECT room, case_number, case_type FROM deletions'))
      .map((row) => ({ room: row.room, caseNumber: row.case_number, caseType: row.case_type }));

  return {
    facts: (rooms) => factsOf(new Set([...rooms].filter(isCaseRoom))),
    async roomsWithNumber(caseNumber) {
      const wanted = normalizeCaseNumber(caseNumber);
      if (wanted === '') return [];
      const all = [...(await factsOf(new Set((await current()).keys()))).values(), ...(await deleted())];
      return all.filter((facts) => facts.caseNumber !== null && normalizeCaseNumber(facts.caseNumber) === wanted).map((facts) => facts.room).sort();
    },
  };
}
