/**
 * Minutes from Yjs: from open documents (concept minutes in the app) or from the frozen
 * copies the server made at approval (the record that is signed and archived).
 */
import type * as Y from 'yjs';
import type { CaseBoard } from '../../domain/caseBoard';
import { isId, type CaseId, type MeetingId } from '../../domain/ids';
import { readFrozenCaseBoard, readFrozenMeeting } from '../../collab/frozen';
import { readCaseBoard } from '../../collab/readCaseBoard';
import { readMeeting } from '../../collab/readMeeting';
import { CollabError } from '../../collab/errors';
import type { MinutesData } from '../../pdf/model';
import type { MinutesDirectory } from './directory';
import { MinutesSourceError } from './minutesSourceError';
import { toMinutesData } from './toMinutesData';

/** Where the minutes come from besides the documents. */
export interface MinutesContext {
  directory: MinutesDirectory;
  region: string;
}

/** Minutes from open documents: the meeting doc and the docs of its agenda cases. */
export function minutesFromDocs(
  meeting: { id: MeetingId; doc: Y.Doc },
  cases: ReadonlyMap<CaseId, Y.Doc>,
  context: MinutesContext,
): MinutesData {
  const boards: CaseBoard[] = [...cases].map(([id, doc]) => readCaseBoard(doc, id));
  return toMinutesData({ meeting: readMeeting(meeting.doc, meeting.id), cases: boards, ...context });
}

/** The frozen copies of one approval: the meeting's state and its cases' states. */
export interface FrozenApproval {
  meetingId: MeetingId;
  meetingState: Uint8Array;
  cases: readonly { caseId: CaseId; state: Uint8Array }[];
}

function readFrozen<T>(read: () => T, id: string): T {
  try {
    return read();
  } catch (error) {
    // A copy that does not apply cleanly is damaged: say so, never print half of it.
    if (error instanceof CollabError) throw new MinutesSourceError('meeting-unreadable', id);
    throw error;
  }
}

/**
 * The approved minutes from frozen copies (each a Yjs update applied to a fresh doc).
 * Only the cases frozen at that approval are printed: the agenda may name a case whose
 * room never existed, and approval froze only existing ones.
 */
export function minutesFromFrozen(approval: FrozenApproval, context: MinutesContext & { deletedCases?: ReadonlyMap<string, string | null> }): MinutesData {
  const meeting = readFrozen(() => readFrozenMeeting(approval.meetingState, approval.meetingId), approval.meetingId);
  if (meeting.meta?.status !== 'vastgesteld') throw new MinutesSourceError('not-approved', approval.meetingId);
  const boards = approval.cases.map(({ caseId, state }) => {
    if (!isId('case', caseId)) throw new MinutesSourceError('meeting-unreadable', 'case id');
    return readFrozen(() => readFrozenCaseBoard(state, caseId), caseId);
  });
  return toMinutesData({ meeting, cases: boards, ...context, missingCases: 'skip' });
}
