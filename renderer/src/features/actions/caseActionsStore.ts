/**
 * The actions of many case documents as one list (the Acties view): each document is
 * re-read only when it changes, and listeners hear of a change only when that case's
 * actions or label actually changed (a keystroke in a plan re-reads one case, renders nothing).
 */
import type * as Y from 'yjs';
import { readActions } from '../../collab/actions';
import { readCaseMeta } from '../../collab/caseHeader';
import { plainEqual } from '../../collab/plainValue';
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
  const label = readCaseMeta(doc)?.label ?? fallbackLabel;
  return readActions(doc).map((action) => ({ ...action, caseId: room, caseLabel: label }));
}

/** Creates the store over `sources` (case rooms only; others are ignored). */
export function createCaseActionsStore(sources: readonly CaseSource[], fallbackLabel: string): CaseActionsStore {
  const cases = sources.flatMap((source) => (isId('case', source.room) ? [{ room: source.room, doc: source.doc }] : []));
  const perCase = new Map<string, ActionListItem[]>();
  const listeners = new Set<() => void>();
  let snapshot: readonly ActionListItem[] = [];
  const rebuild = (): void => {
    snapshot = cases.flatMap((entry) => perCase.get(entry.room) ?? []);
  };
  const refresh = (room: CaseId, doc: Y.Doc): boolean => {
    const next = caseActionItems(room, doc, fallbackLabel);
    if (plainEqual(perCase.get(room) ?? null, next)) return false;
    perCase.set(room, next);
    return true;
  };
  const refreshAll = (): void => {
    let changed = false;
    for (const entry of cases) changed = refresh(entry.room, entry.doc) || changed;
    if (changed) rebuild();
  };
  const handlers = cases.map((entry) => () => {
    if (!refresh(entry.room, entry.doc)) return;
    rebuild();
    for (const listener of [...listeners]) listener();
  });
  refreshAll();
  return {
    getSnapshot() {
      if (listeners.size === 0) refreshAll();
      return snapshot;
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        refreshAll();
        cases.forEach((entry, index) => {
          const handler = handlers[index];
          if (handler) entry.doc.on('update', handler);
        });
      }
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size > 0) return;
        cases.forEach((entry, index) => {
          const handler = handlers[index];
          if (handler) entry.doc.off('update', handler);
        });
      };
    },
  };
}
