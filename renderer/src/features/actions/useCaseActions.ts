import type * as Y from 'yjs';
import { readActions } from '../../collab/actions';
import { readMeetingNotes } from '../../collab/meetingNotes';
import { useDocSelector } from '../../collab/useDocSelector';
import type { Action } from '../../domain/actionRecord';
import type { MeetingId } from '../../domain/ids';

const selectActions = (doc: Y.Doc): Action[] => readActions(doc);
const selectMeetings = (doc: Y.Doc): MeetingId[] => readMeetingNotes(doc).map((notes) => notes.meetingId);

/** The actions of a case, by due date; re-renders only when they change. */
export function useCaseActions(doc: Y.Doc): Action[] {
  return useDocSelector(doc, selectActions);
}

/** The meetings in which this case was discussed (ids), for "afgesproken in". */
export function useCaseMeetings(doc: Y.Doc): MeetingId[] {
  return useDocSelector(doc, selectMeetings);
}
