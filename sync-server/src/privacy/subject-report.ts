/**
 * The report for an inzageverzoek (AVG art. 15): in which cases does a person (a data
 * subject) appear, and in which role. Produced by the privacy officer, who sees no case
 * content: the answer names cases by number, type and status, never by label, and says
 * nothing of the case beyond the person's own role in it. The server reads the case
 * documents it already stores and validates; names are compared, never logged.
 */
import { readCaseMeta } from '../../../renderer/src/collab/caseHeader';
import { readPersons } from '../../../renderer/src/collab/persons';
import { silentLogger } from '../log';
import { loadRoomDoc } from '../rooms/room-loader';
import type { RoomStore } from '../storage/room-store';
import type { Sql } from '../storage/sql';

/** Who to look for: the name as the request gives it, and the birth year when known. */
export interface SubjectQuery {
  name: string;
  birthYear?: number;
}

/** One appearance of a matching person in a case. */
export interface SubjectMatch {
  room: string;
  caseNumber: string | null;
  caseType: string | null;
  status: string | null;
  /** The person's role in the case (slachtoffer, verdachte, …). */
  role: string;
  /** The birth year recorded in the case (null: none), so the officer can tell namesakes apart. */
  birthYear: number | null;
}

/** Lower case, accents off, punctuation as spaces: "Éva  de Vries-Jansen" → ["eva", "de", "vries", "jansen"]. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * True when every word of the query occurs in the recorded name (so "Eva Vries" finds
 * "Eva de Vries"; an inzageverzoek must rather find a namesake too many than miss a case)
 * and the birth years do not contradict each other.
 */
export function matchesSubject(query: SubjectQuery, person: { name: string; birthYear?: number }): boolean {
  const wanted = nameTokens(query.name);
  if (wanted.length === 0) return false;
  const recorded = new Set(nameTokens(person.name));
  if (!wanted.every((token) => recorded.has(token))) return false;
  return query.birthYear === undefined || person.birthYear === undefined || query.birthYear === person.birthYear;
}

/** Searches every stored case, one at a time (documents are closed after reading). */
export async function subjectReport(sql: Sql, store: RoomStore, query: SubjectQuery): Promise<{ matches: SubjectMatch[]; casesSearched: number }> {
  const rooms = await sql.all<{ room: string }>("SELECT room FROM rooms WHERE room LIKE 'case:%' ORDER BY room");
  const matches: SubjectMatch[] = [];
  for (const { room } of rooms) {
    const { doc } = await loadRoomDoc(store, room, silentLogger);
    try {
      const persons = readPersons(doc).filter((person) => matchesSubject(query, person));
      if (persons.length === 0) continue;
      const meta = readCaseMeta(doc);
      for (const person of persons) {
        matches.push({
          room,
          caseNumber: meta?.caseNumber ?? null,
          caseType: meta?.type ?? null,
          status: meta?.status ?? null,
          role: person.role,
          birthYear: person.birthYear ?? null,
        });
      }
    } finally {
      doc.destroy();
    }
  }
  return { matches, casesSearched: rooms.length };
}
