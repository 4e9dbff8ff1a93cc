/**
 * What reminders read of the user's documents, as one store over the doc manager's shared
 * documents. Each read is scoped to the root types it needs, so typing in a plan or a
 * meeting's "next item" re-reads nothing here.
 */
import type * as Y from 'yjs';
import { readActions } from '../../collab/actions';
import { readCaseMeta } from '../../collab/caseHeader';
import { readContacts } from '../../collab/contacts';
import { createDocsStore, scopedRead } from '../../collab/docsStore';
import { readMeasures } from '../../collab/measures';
import { readMeetingMeta } from '../../collab/meetingHeader';
import { readAttendance, readInvitees } from '../../collab/participants';
import { isId, type CaseId, type MeetingId } from '../../domain/ids';
import type { ReminderCase, ReminderMeeting } from '../../domain/reminders';

/** An open document and its room. */
export interface RoomSource {
  room: string;
  doc: Y.Doc;
}

/** The cases and meetings reminders are computed from. */
export interface ReminderSources {
  cases: readonly ReminderCase[];
  meetings: readonly ReminderMeeting[];
}

/** A subscribable {@link ReminderSources}. */
export interface ReminderSourcesStore {
  getSnapshot(): ReminderSources;
  subscribe(listener: () => void): () => void;
}

const readCase = scopedRead(['meta', 'actions', 'measures', 'contacts'], (room: CaseId, doc: Y.Doc): ReminderCase => ({
  id: room, meta: readCaseMeta(doc), actions: readActions(doc), measures: readMeasures(doc), contacts: readContacts(doc),
}));

const readMeeting = scopedRead(['meta', 'invitees', 'attendance'], (room: MeetingId, doc: Y.Doc): ReminderMeeting => ({
  id: room, meta: readMeetingMeta(doc), invitees: readInvitees(doc), attendance: readAttendance(doc),
}));

/** Creates the store over `sources` (case and meeting rooms; others are ignored). */
export function createReminderSources(sources: readonly RoomSource[]): ReminderSourcesStore {
  const cases = createDocsStore(sources.flatMap((source) => (isId('case', source.room) ? [{ room: source.room, doc: source.doc }] : [])), readCase);
  const meetings = createDocsStore(sources.flatMap((source) => (isId('meeting', source.room) ? [{ room: source.room, doc: source.doc }] : [])), readMeeting);
  let from: [unknown, unknown] = [null, null];
  let snapshot: ReminderSources = { cases: [], meetings: [] };
  return {
    getSnapshot() {
      const caseMap = cases.getSnapshot();
      const meetingMap = meetings.getSnapshot();
      if (from[0] !== caseMap || from[1] !== meetingMap) {
        from = [caseMap, meetingMap];
        snapshot = { cases: [...caseMap.values()], meetings: [...meetingMap.values()] };
      }
      return snapshot;
    },
    subscribe(listener) {
      const offCases = cases.subscribe(listener);
      const offMeetings = meetings.subscribe(listener);
      return () => {
        offCases();
        offMeetings();
      };
    },
  };
}
