/**
 * A value read from each of several open documents, as one store React can subscribe to:
 * a document is re-read only when it changes, and listeners hear only when a value
 * actually changed (a keystroke in a plan section re-reads one case and renders nothing
 * when what is read here stayed the same).
 */
import type * as Y from 'yjs';
import { touches } from './docSelection';
import { plainEqual } from './plainValue';

/** An open document and its room. */
export interface DocSource<R extends string> {
  room: R;
  doc: Y.Doc;
}

/** A subscribable map of room → value. */
export interface DocsStore<R extends string, T> {
  getSnapshot(): ReadonlyMap<R, T>;
  subscribe(listener: () => void): () => void;
}

/** A read of one document; with `roots`, it reads only under those root types (see `scoped`). */
export type DocsRead<R extends string, T> = ((room: R, doc: Y.Doc) => T) & { readonly roots?: readonly string[] };

/** Marks `read` as reading only under the root types `roots`: a document is re-read only when they change. */
export function scopedRead<R extends string, T>(roots: readonly string[], read: (room: R, doc: Y.Doc) => T): DocsRead<R, T> {
  return Object.assign((room: R, doc: Y.Doc) => read(room, doc), { roots });
}

/** Creates the store; `read` must be a pure read of the document. */
export function createDocsStore<R extends string, T>(sources: readonly DocSource<R>[], read: DocsRead<R, T>): DocsStore<R, T> {
  const listeners = new Set<() => void>();
  let snapshot: ReadonlyMap<R, T> = new Map();
  const refresh = (source: DocSource<R>): boolean => {
    const next = read(source.room, source.doc);
    if (snapshot.has(source.room) && plainEqual(snapshot.get(source.room), next)) return false;
    const copy = new Map(snapshot);
    copy.set(source.room, next);
    snapshot = copy;
    return true;
  };
  const refreshAll = (): boolean => sources.reduce((changed, source) => refresh(source) || changed, false);
  const onChange = (source: DocSource<R>): void => {
    if (refresh(source)) for (const listener of [...listeners]) listener();
  };
  const roots = read.roots ? new Set(read.roots) : null;
  const handlers = sources.map((source) => roots
    ? (transaction: Y.Transaction) => {
      if (touches(transaction, roots)) onChange(source);
    }
    : () => onChange(source));
  const event = roots ? 'afterTransaction' : 'update';
  refreshAll();
  return {
    getSnapshot() {
      if (listeners.size === 0) refreshAll();
      return snapshot;
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        refreshAll();
        sources.forEach((source, index) => source.doc.on(event, handlers[index] as () => void));
      }
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        sources.forEach((source, index) => source.doc.off(event, handlers[index] as () => void));
      };
    },
  };
}
