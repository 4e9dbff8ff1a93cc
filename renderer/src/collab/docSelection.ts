/**
 * A value selected from a Y.Doc as a store React can subscribe to
 * (`useSyncExternalStore`): the selector runs after each change of the doc and
 * listeners hear of it only when the selected value changed (structurally, by
 * default), so a view re-renders only for what it shows. Snapshots are stable.
 */
import type * as Y from 'yjs';
import { plainEqual } from './plainValue';

/** A subscribable selection of a doc. */
export interface DocSelection<T> {
  getSnapshot(): T;
  /** Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Creates a selection; pure reads only in `selector` (it runs on every change). */
export function createDocSelection<T>(
  doc: Y.Doc,
  selector: (doc: Y.Doc) => T,
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
  return {
    getSnapshot() {
      if (listeners.size === 0) refresh();
      return current;
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        refresh();
        doc.on('update', onUpdate);
      }
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) doc.off('update', onUpdate);
      };
    },
  };
}
