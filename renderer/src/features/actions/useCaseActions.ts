import type * as Y from 'yjs';
import { readActions } from '../../collab/actions';
import { readMeetingNoteIds } from '../../collab/meetingNotes';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import type { Action } from '../../domain/actionRecord';
import type { MeetingId } from '../../domain/ids';

const selectActions = scoped(['actions'], (doc: Y.Doc): Action[] => readActions(doc));
const selectMeetings = scoped(['meetingNotes'], (doc: Y.Doc): MeetingId[] => readMeetingNoteIds(doc));

/** The actions of a case, by due date; re-renders only when they change. */
export function useCaseActions(doc: Y.Doc): Action[] {
  return useDocSelector(doc, selectActions);
}

/** The meetings in which this case was discussed (ids), for "afgesproken in". */
export function useCaseMeetings(doc: Y.Doc): MeetingId[] {
  return useDocSelector(doc, selectMeetings);
}
