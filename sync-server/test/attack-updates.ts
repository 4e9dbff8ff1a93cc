/**
 * Hostile updates as an attacker with an edit grant builds them, shared by the hardening
 * tests, the scheduling tests and `npm run bench:attack`: a map nested very deep, and a burst
 * of inserts at one origin (Yjs's quadratic conflict loop).
 */
import * as Y from 'yjs';

/** A doc holding one Y.Map nested `depth` levels deep under map 'm', key 'deep'. */
export function deepDoc(depth: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    let map = new Y.Map<unknown>();
    doc.getMap('m').set('deep', map);
    for (let i = 1; i < depth; i++) {
      const next = new Y.Map<unknown>();
      map.set('c', next);
      map = next;
    }
  });
  return doc;
}

/** `count` items inserted one by one at the start of array 'a' by a fresh client: all at one origin (none). */
export function siblingsUpdate(count: number): Uint8Array {
  const doc = new Y.Doc();
  const array = doc.getArray<number>('a');
  doc.transact(() => {
    for (let i = 0; i < count; i++) array.insert(0, [i]);
  });
  return Y.encodeStateAsUpdate(doc);
}
