/**
 * A value selected from a Y.Doc as a store React can subscribe to
 * (`useSyncExternalStore`): the selector runs after each change of the doc and
 * listeners hear of it only when the selected value changed (structurally, by
 * default), so a view re-renders only for what it shows. Snapshots are stable.
 */
import * as Y from 'yjs';
import { plainEqual } from './plainValue';

/** A selector that reads only under some root types of the doc (by root name). */
export type ScopedSelector<T> = ((doc: Y.Doc) => T) & { readonly roots?: readonly string[] };

/**
 * Marks `selector` as reading only under the root types `roots`: its selection then runs
 * it only after transactions that changed something there. Typing in the safety plan
 * no longer re-reads every action, event and measure of the case on each keystroke.
 */
export function scoped<T>(roots: readonly string[], selector: (doc: Y.Doc) => T): ScopedSelector<T> {
  return Object.assign((doc: Y.Doc) => selector(doc), { roots });
}

/** True when `transaction` changed anything under one of the root types named in `roots`. */
export function touches(transaction: Y.Transaction, roots: ReadonlySet<string>): boolean {
  // changedParentTypes holds every changed type and all its ancestors, so the roots too.
  for (const type of transaction.changedParentTypes.keys()) {
    if (type._item === null && roots.has(Y.findRootTypeKey(type))) return true;
  }
  return false;
}

/** A subscribable selection of a doc. */
export interface DocSelection<T> {
  getSnapshot(): T;
  /** Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Creates a selection; pure reads only in `selector` (it runs on every change). */
export function createDocSelection<T>(
  doc: Y.Doc,
  selector: ScopedSelector<T>,
  isEqual: (a: T, b: T) => boolean = plainEqual,
): DocSelection<T> {
  const listeners = new Set<() => void>();
  let current = selector(doc);
  // While nobody listens, reads compare against the cache so the snapshot stays stable.
  const refresh = (): boolean => {
    const next = selector(doc);
    if (isEqual(current, next)) return false;
    current = next;
    return true;
  };
  const onUpdate = (): void => {
    if (refresh()) for (const listener of [...listeners]) listener();
  };
  const roots = selector.roots ? new Set(selector.roots) : null;
  const onTransaction = (transaction: Y.Transaction): void => {
    if (roots && touches(transaction, roots)) onUpdate();
  };
  const listen = (): void => {
    if (roots) doc.on('afterTransaction', onTransaction);
    else doc.on('update', onUpdate);
  };
  const unlisten = (): void => {
    if (roots) doc.off('afterTransaction', onTransaction);
    else doc.off('update', onUpdate);
  };
  return {
    getSnapshot() {
      if (listeners.size === 0) refresh();
      return current;
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        refresh();
        listen();
      }
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) unlisten();
      };
    },
  };
}
