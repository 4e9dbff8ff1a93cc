/**
 * A case read for the meeting: header, persons (for "cases with children"), risk,
 * measures, timeline (escalations) and actions — without the safety plan and the
 * meeting notes, which are rich text and change with every keystroke in the meeting.
 */
import type * as Y from 'yjs';
import { readActions } from '../../collab/actions';
import { scopedRead } from '../../collab/docsStore';
import { readCaseMeta } from '../../collab/caseHeader';
import { readMeasures } from '../../collab/measures';
import { readPersons } from '../../collab/persons';
import { readRisk } from '../../collab/risk';
import { readTimeline } from '../../collab/timeline';
import type { CaseBoard } from '../../domain/caseBoard';
import type { CaseId } from '../../domain/ids';

/**
 * The board without plan, contacts and meeting notes (left empty); re-read only when one
 * of the roots it reads changes (typing notes in the meeting changes none of them).
 */
export const readCaseFacts = scopedRead(['meta', 'persons', 'risk', 'measures', 'timeline', 'actions'], (caseId: CaseId, doc: Y.Doc): CaseBoard => ({
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
}));
