import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const noDoc = { subscribe: () => () => {}, getSnapshot: () => 0 };

function versionStore(doc: Y.Doc) {
  let version = 0;
  return {
    subscribe(listener: () => void) {
      const onUpdate = (): void => {
        version++;
        listener();
      };
      doc.on('update', onUpdate);
      return () => doc.off('update', onUpdate);
    },
    getSnapshot: () => version,
  };
}

/**
 * A value read from a shared document with a collab accessor, re-read after every change
 * of the document (local or remote). `read` must be stable (a module-level accessor, or
 * memoised); the result is null while there is no document.
 */
export function useDocSnapshot<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T): T | null {
  const store = useMemo(() => (doc ? versionStore(doc) : noDoc), [doc]);
  const version = useSyncExternalStore(store.subscribe, store.getSnapshot);
  // `version` is the change signal: a new one means the document changed since the last read.
  return useMemo(() => (doc && version >= 0 ? read(doc) : null), [doc, read, version]);
}
