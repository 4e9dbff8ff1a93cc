/** The doc → React bridge: components read shared data through this, never through Y types. */
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { createDocSelection, type ScopedSelector } from './docSelection';
import { plainEqual } from './plainValue';

/**
 * Re-renders only when the selected value changes. Pass a stable `selector` (module-level
 * or `useCallback`): a new selector function starts a new selection.
 */
export function useDocSelector<T>(doc: Y.Doc, selector: ScopedSelector<T>, isEqual: (a: T, b: T) => boolean = plainEqual): T {
  const selection = useMemo(() => createDocSelection(doc, selector, isEqual), [doc, selector, isEqual]);
  return useSyncExternalStore(selection.subscribe, selection.getSnapshot, selection.getSnapshot);
}

/** Anything with `subscribe`/`getSnapshot` (sync status stores, selections) as React state. */
export function useExternalStore<T>(store: { subscribe(listener: () => void): () => void; getSnapshot(): T }): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
