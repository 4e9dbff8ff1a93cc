/** A meeting document read once into plain data. */
import type * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import type { MeetingId } from '../domain/ids';
import type { Meeting } from '../domain/meeting';
import { readAgenda } from './agenda';
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
