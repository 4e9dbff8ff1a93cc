/**
 * "Wat is er veranderd sinds vaststelling": a case board as approved (its frozen copy)
 * against the live board — the safety plan line by line, this meeting's decisions and
 * withheld notes, and the case's actions field by field. Both sides are plain data read
 * by the collab readers; nothing here touches Yjs.
 */
import type { Action } from '../../domain/actionRecord';
import type { CaseBoard, MeetingNotes } from '../../domain/caseBoard';
import type { Decision, WithheldNote } from '../../domain/caseRecords';
import type { MeetingId } from '../../domain/ids';
import { diffSafetyPlan, type SectionDiff } from '../../domain/textDiff';

/** A record present on one side only, or changed. */
export interface RecordChanges<T> {
  added: T[];
  removed: T[];
  changed: { before: T; after: T }[];
}

/** The fields of an action whose change the minutes care about. */
export type ActionField = 'description' | 'owner' | 'due' | 'status';

/** What changed in one case since approval. */
export interface CaseChanges {
  /** Only the plan sections that changed. */
  plan: SectionDiff[];
  decisions: RecordChanges<Decision>;
  withheld: RecordChanges<WithheldNote>;
  actions: RecordChanges<Action> & { fields: Record<string, ActionField[]> };
  /** True when nothing at all changed. */
  unchanged: boolean;
}

function compare<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string, same: (a: T, b: T) => boolean): RecordChanges<T> {
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  const afterByKey = new Map(after.map((item) => [keyOf(item), item]));
  return {
    added: after.filter((item) => !beforeByKey.has(keyOf(item))),
    removed: before.filter((item) => !afterByKey.has(keyOf(item))),
    changed: before.flatMap((item) => {
      const next = afterByKey.get(keyOf(item));
      return next !== undefined && !same(item, next) ? [{ before: item, after: next }] : [];
    }),
  };
}

const actionFields: readonly ActionField[] = ['description', 'owner', 'due', 'status'];

/** The fields that differ between two versions of an action. */
export function changedActionFields(before: Action, after: Action): ActionField[] {
  return actionFields.filter((field) => before[field] !== after[field]);
}

const notesOf = (board: CaseBoard, meetingId: MeetingId): MeetingNotes | undefined =>
  board.meetingNotes.find((entry) => entry.meetingId === meetingId);

const isEmpty = (changes: RecordChanges<unknown>): boolean => changes.added.length + changes.removed.length + changes.changed.length === 0;

/** What changed in the case since the approved copy, for the meeting's item. */
export function caseChangesSinceApproval(approved: CaseBoard, live: CaseBoard, meetingId: MeetingId): CaseChanges {
  const plan = diffSafetyPlan(approved.plan, live.plan).filter((section) => section.changed);
  const decisions = compare(notesOf(approved, meetingId)?.decisions ?? [], notesOf(live, meetingId)?.decisions ?? [], (d) => d.id, (a, b) => a.text === b.text);
  const withheld = compare(notesOf(approved, meetingId)?.withheld ?? [], notesOf(live, meetingId)?.withheld ?? [], (w) => w.org, (a, b) => a.text === b.text);
  const actionChanges = compare(approved.actions, live.actions, (a) => a.id, (a, b) => changedActionFields(a, b).length === 0);
  const fields = Object.fromEntries(actionChanges.changed.map(({ before, after }) => [before.id, changedActionFields(before, after)]));
  return {
    plan,
    decisions,
    withheld,
    actions: { ...actionChanges, fields },
    unchanged: plan.length === 0 && isEmpty(decisions) && isEmpty(withheld) && isEmpty(actionChanges),
  };
}
