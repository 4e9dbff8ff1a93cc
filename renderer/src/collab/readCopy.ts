/**
 * A case document's read copy: the same content in a fresh Y.Doc that holds no editing
 * history. Years of typing leave a case document with tens of thousands of Yjs items from
 * hundreds of clients (every keystroke, every deleted character); the copy holds each
 * record and each run of text once. The vault keeps it per room (sealed) so the board can
 * paint from it while the room's full state is applied, which is the slow part of opening.
 *
 * A copy is for reading only: its items are not the room's items, so it never syncs, is
 * never merged into the room and never written back.
 */
import * as Y from 'yjs';
import { caseRoots } from './caseDoc';

/** Rooms that get a read copy: case rooms (their roots are all maps). */
export const hasReadCopy = (room: string): boolean => room.startsWith('case:');

/** Encodes the current content of a case document as a history-free Yjs update. */
export function encodeReadCopy(doc: Y.Doc): Uint8Array {
  const copy = new Y.Doc({ gc: true });
  try {
    copy.transact(() => {
      for (const name of caseRoots) {
        // A root the source defines otherwise is not a case root (only in foreign documents).
        const defined = doc.share.get(name);
        if (defined && !(defined instanceof Y.Map) && defined.constructor !== Y.AbstractType) continue;
        const target = copy.getMap<unknown>(name);
        for (const [key, value] of doc.getMap<unknown>(name).entries()) {
          // clone() copies nested maps, arrays and rich text (with its marks) as new types.
          target.set(key, value instanceof Y.AbstractType ? (value as Y.AbstractType<unknown>).clone() : value);
        }
      }
    });
    return Y.encodeStateAsUpdate(copy);
  } finally {
    copy.destroy();
  }
}

/** The read copy as a document to render (throws on a malformed update). */
export function decodeReadCopy(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, update);
  return doc;
}
