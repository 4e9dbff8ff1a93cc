/** A case document read once into plain data (lists, the chair's overview, PDF export, history). */
import type * as Y from 'yjs';
import type { CaseBoard, SkippedRecord } from '../domain/caseBoard';
import type { CaseId } from '../domain/ids';
import { readActions } from './actions';
import { readCaseMeta } from './caseHeader';
import { readContacts } from './contacts';
import { readMeasures } from './measures';
import { readMeetingNotes } from './meetingNotes';
import { readPersons } from './persons';
import { readRisk } from './risk';
import { readSafetyPlan } from './safetyPlan';
import { readTimeline } from './timeline';

/** The whole board as plain data; malformed records are skipped and listed in `skipped`. */
export function readCaseBoard(doc: Y.Doc, id: CaseId): CaseBoard {
  const skipped: SkippedRecord[] = [];
  return {
    id,
    meta: readCaseMeta(doc),
    persons: readPersons(doc, skipped),
    risk: readRisk(doc, skipped),
    measures: readMeasures(doc, skipped),
    contacts: readContacts(doc, skipped),
    timeline: readTimeline(doc, skipped),
    plan: readSafetyPlan(doc),
    actions: readActions(doc, skipped),
    meetingNotes: readMeetingNotes(doc, skipped),
    skipped,
  };
}
