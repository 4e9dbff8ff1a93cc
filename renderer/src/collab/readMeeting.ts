/** A meeting document read once into plain data. */
import type * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import type { MeetingId } from '../domain/ids';
import type { Meeting } from '../domain/meeting';
import { readAgenda } from './agenda';
import { scoped, type ScopedSelector } from './docSelection';
import { readLive } from './live';
import { readMeetingMeta } from './meetingHeader';
import { readAttendance, readConfidentiality, readInvitees } from './participants';

/** The whole meeting as plain data; malformed entries are skipped and listed in `skipped`. */
export function readMeeting(doc: Y.Doc, id: MeetingId): Meeting {
  const skipped: SkippedRecord[] = [];
  return {
    id,
    meta: readMeetingMeta(doc),
    invitees: readInvitees(doc, skipped),
    attendance: readAttendance(doc, skipped),
    confidentiality: readConfidentiality(doc, skipped),
    agenda: readAgenda(doc),
    live: readLive(doc),
    skipped,
  };
}

/** A part of the meeting with what was skipped reading it. */
export interface MeetingPart<T> {
  value: T;
  skipped: SkippedRecord[];
}

const part = <T>(root: string, read: (doc: Y.Doc, skipped: SkippedRecord[]) => T): ScopedSelector<MeetingPart<T>> =>
  scoped([root], (doc: Y.Doc) => {
    const skipped: SkippedRecord[] = [];
    return { value: read(doc, skipped), skipped };
  });

/**
 * The parts of `readMeeting`, each scoped to the root type it reads: a screen that selects
 * them apart re-reads (and re-renders for) only what changed, so the chair's "Volgend punt"
 * (the `live` map) no longer re-reads and re-validates the invitees, attendance and agenda.
 */
export const meetingParts = {
  meta: part('meta', (doc) => readMeetingMeta(doc)),
  invitees: part('invitees', readInvitees),
  attendance: part('attendance', readAttendance),
  confidentiality: part('confidentiality', readConfidentiality),
  agenda: part('agenda', (doc) => readAgenda(doc)),
  live: part('live', (doc) => readLive(doc)),
};
