/**
 * The actions of many case documents as one list (the Acties view), on the shared docs
 * store: each document is re-read only when it changes, and listeners hear of a change only
 * when that case's actions or label actually changed (a keystroke in a plan renders nothing).
 */
import type * as Y from 'yjs';
import { readActions } from '../../collab/actions';
import { readCaseMeta } from '../../collab/caseHeader';
import { createDocsStore } from '../../collab/docsStore';
import type { ActionListItem } from '../../domain/actionRules';
import { isId, type CaseId } from '../../domain/ids';

/** An open case document. */
export interface CaseSource {
  room: string;
  doc: Y.Doc;
}

/** A subscribable list of every action of the given cases. */
export interface CaseActionsStore {
  getSnapshot(): readonly ActionListItem[];
  /** Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** The rows of one case; `fallbackLabel` stands in while its header is not readable. */
export function caseActionItems(room: CaseId, doc: Y.Doc, fallbackLabel: string): ActionListItem[] {
  const meta = readCaseMeta(doc);
  const label = meta?.label ?? fallbackLabel;
  const caseNumber = meta?.caseNumber || null;
  return readActions(doc).map((action) => ({ ...action, caseId: room, caseLabel: label, caseNumber }));
}

/** Creates the store over `sources` (case rooms only; others are ignored). */
export function createCaseActionsStore(sources: readonly CaseSource[], fallbackLabel: string): CaseActionsStore {
  const cases = sources.flatMap((source) => (isId('case', source.room) ? [{ room: source.room, doc: source.doc }] : []));
  const perCase = createDocsStore(cases, (room, doc) => caseActionItems(room, doc, fallbackLabel));
  // The per-case map is a new object only when some case's rows changed: flatten once per map.
  let flattenedFrom: ReadonlyMap<CaseId, ActionListItem[]> | null = null;
  let snapshot: readonly ActionListItem[] = [];
  return {
    getSnapshot() {
      const current = perCase.getSnapshot();
      if (current !== flattenedFrom) {
        flattenedFrom = current;
        snapshot = cases.flatMap((entry) => current.get(entry.room) ?? []);
      }
      return snapshot;
    },
    subscribe: perCase.subscribe,
  };
}
