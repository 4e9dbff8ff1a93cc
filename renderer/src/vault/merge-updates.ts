import * as Y from 'yjs';

/**
 * Merges a room's stored updates into one by applying them to a fresh doc (GC on), not
 * with Y.mergeUpdates: applying validates (a crafted update throws instead of hanging)
 * and drops deleted content, so a snapshot never keeps text that was removed.
 */
export function mergeUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
