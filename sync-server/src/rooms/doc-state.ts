/**
 * Encoding a room's doc for a client, a snapshot or a frozen copy: only what the doc has
 * integrated. Yjs keeps structs and deletes whose dependencies it lacks as pending, and
 * Y.encodeStateAsUpdate merges those pending (client-sent) bytes into its result. A pending
 * struct that claims ids the doc already holds can then win the merge over the integrated
 * one: every client that syncs, and every snapshot, gets that writer's items stuck behind a
 * dependency that never arrives (found by the fuzzer: a two-struct update emptied a
 * meeting's header for everyone who joined later, and after compaction for good).
 * Pending structs are never stored either; once integrated they are stored and relayed.
 */
import * as Y from 'yjs';

/** Y.encodeStateAsUpdate(doc, stateVector) without the doc's pending structs and deletes. */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const store = doc.store;
  const { pendingStructs, pendingDs } = store;
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    store.pendingStructs = pendingStructs;
    store.pendingDs = pendingDs;
  }
}
