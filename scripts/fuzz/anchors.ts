/** What a seed document holds, for mutations that point at real items: types, items, clients. */
import * as Y from 'yjs';

/** Ids in a seed doc worth aiming at. */
export interface Anchors {
  /** Live shared types that are not roots (their items' ids). */
  types: Y.Item[];
  /** Items of any kind (a sample is enough). */
  items: Y.Item[];
  /** Deleted or garbage-collected structs. */
  dead: (Y.Item | Y.GC)[];
  clients: number[];
  /** Root type names. */
  roots: string[];
}

const cache = new WeakMap<Y.Doc, Anchors>();

/** The anchors of `doc` (computed once per doc). */
export function anchorsOf(doc: Y.Doc): Anchors {
  const known = cache.get(doc);
  if (known) return known;
  const anchors: Anchors = { types: [], items: [], dead: [], clients: [...doc.store.clients.keys()], roots: [...doc.share.keys()] };
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) {
        anchors.dead.push(struct as Y.GC);
        continue;
      }
      if (struct.deleted) anchors.dead.push(struct);
      else if (struct.content instanceof Y.ContentType) anchors.types.push(struct);
      anchors.items.push(struct);
    }
  }
  cache.set(doc, anchors);
  return anchors;
}
