/**
 * A case read for the meeting: header, persons (for "cases with children"), risk,
 * measures, timeline (escalations) and actions — without the safety plan and the
 * meeting notes, which are rich text and change with every keystroke in the meeting.
 */
import type * as Y from 'yjs';
import { readActions } from '../../collab/actions';
import { readCaseMeta } from '../../collab/caseHeader';
import { readMeasures } from '../../collab/measures';
import { readPersons } from '../../collab/persons';
import { readRisk } from '../../collab/risk';
import { readTimeline } from '../../collab/timeline';
import type { CaseBoard } from '../../domain/caseBoard';
import type { CaseId } from '../../domain/ids';

/** The board without plan, contacts and meeting notes (left empty). */
export function readCaseFacts(caseId: CaseId, doc: Y.Doc): CaseBoard {
  return {
    id: caseId,
    meta: readCaseMeta(doc),
    persons: readPersons(doc),
    risk: readRisk(doc),
    measures: readMeasures(doc),
    contacts: [],
    timeline: readTimeline(doc),
    plan: [],
    actions: readActions(doc),
    meetingNotes: [],
    skipped: [],
  };
}
