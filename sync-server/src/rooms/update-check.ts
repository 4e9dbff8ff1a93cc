/**
 * What the server checks in a client update before it touches a room's Y.Doc, and how it
 * decides whether the update may be applied directly or only under the time budget.
 *
 * Refused outright (ProtocolError, close 4400): updates that do not decode, that carry too
 * many client blocks, that nest shared types deeper than the app's schema needs (Yjs
 * deletes and garbage-collects nested types recursively: about 2,500 levels overflow the
 * stack and leave the doc unable to emit updates), and that insert too many items at one
 * origin (Yjs resolves concurrent inserts at one position in time quadratic in their number).
 *
 * Everything else is applied. An update is "plain" — applied directly, its cost bounded by
 * its size — when it is small, depends only on what the room already holds, inserts where
 * nothing concurrent sits between its neighbours, and deletes no shared type (deleting a
 * type walks its whole subtree). Any other update is applied under the time budget
 * (guarded-apply.ts). See docs/design.md, "Bounded work per message".
 */
import * as Y from 'yjs';
import type { Limits } from '../options';
import { ProtocolError } from './protocol-error';

/** How an accepted update is to be applied. */
export type ApplyPath = 'plain' | 'guarded';

type Struct = Y.Item | Y.GC | Y.Skip;
type StructStore = Y.Doc['store'];
type ParentRef = { root: string } | { type: Y.ID } | null;

interface Decoded {
  structs: Struct[];
  ds: { clients: Map<number, { clock: number; len: number }[]> };
}

const idKey = (id: Y.ID): string => `${id.client}:${id.clock}`;

/** The update's structs per client, in clock order, for lookups by id. */
function indexByClient(structs: Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

function findIn(list: Struct[] | undefined, clock: number): Struct | null {
  if (!list) return null;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = list[mid]!;
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return null;
}

/** The struct holding `id` in the doc, or null when the doc does not have it yet. */
function docStruct(store: StructStore, id: Y.ID): Y.Item | Y.GC | null {
  // getItem loops or throws for ids the store lacks: check the state first.
  if (id.clock >= Y.getState(store, id.client)) return null;
  return Y.getItem(store, id) as Y.Item | Y.GC;
}

/**
 * Inspects a client update against the room's doc. Throws ProtocolError when the update is
 * refused; otherwise says how it may be applied. Never modifies the doc. Its own work is
 * linear in the update's size.
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array, limits: Limits): ApplyPath {
  let decoded: Decoded;
  try {
    decoded = Y.decodeUpdate(update) as unknown as Decoded;
  } catch {
    throw new ProtocolError('undecodable-update');
  }
  const { structs, ds } = decoded;
  const store = doc.store;
  const byClient = indexByClient(structs);
  if (byClient.size > limits.maxClientsPerUpdate) throw new ProtocolError('too-many-clients-in-update');

  // Items the doc does not have yet (a struct may overlap what the doc has: the new tail counts).
  const fresh: Y.Item[] = [];
  let pending = false;
  for (const [client, list] of byClient) {
    let expected = Y.getState(store, client);
    for (const struct of list) {
      if (struct.id.clock + struct.length <= expected) continue;
      if (struct.id.clock > expected) pending = true; // a gap in this client's clock
      expected = struct.id.clock + struct.length;
      if (struct instanceof Y.Item) fresh.push(struct);
    }
  }

  /** Finds the struct holding `id` in the doc or in this update. */
  const lookup = (id: Y.ID): { struct: Struct; inDoc: boolean } | null => {
    const inDoc = docStruct(store, id);
    if (inDoc) return { struct: inDoc, inDoc: true };
    const inUpdate = findIn(byClient.get(id.client), id.clock);
    return inUpdate ? { struct: inUpdate, inDoc: false } : null;
  };

  // The parent of each fresh item: explicit, or inherited from its origin or right origin.
  // Resolved iteratively (a typed run is a chain of thousands of origins) and memoised.
  const parentOfFresh = new Map<Y.Item, ParentRef>();
  const parentOf = (start: Y.Item): ParentRef => {
    const chain = new Set<Y.Item>();
    let item: Y.Item = start;
    let found: ParentRef = null;
    for (;;) {
      const known = parentOfFresh.get(item);
      if (known !== undefined) {
        found = known;
        break;
      }
      chain.add(item);
      if (item.parent !== null) {
        found = typeof item.parent === 'string' ? { root: item.parent } : { type: item.parent as unknown as Y.ID };
        break;
      }
      const neighbour = item.origin ?? item.rightOrigin;
      const hit = neighbour ? lookup(neighbour) : null;
      if (!hit) {
        pending = pending || neighbour !== null;
        break;
      }
      if (hit.inDoc) {
        found = parentOfDocStruct(hit.struct as Y.Item | Y.GC);
        break;
      }
      // A crafted update can make origins point in a circle.
      if (!(hit.struct instanceof Y.Item) || chain.has(hit.struct)) break;
      item = hit.struct;
    }
    for (const link of chain) parentOfFresh.set(link, found);
    return found;
  };

  /** True when the doc or this update holds `id` (this update first: cheaper, and where a large update's neighbours are). */
  const known = (id: Y.ID): boolean => findIn(byClient.get(id.client), id.clock) !== null || docStruct(store, id) !== null;

  // Depth of a shared type: the number of types it is nested in, its own included.
  const depthOfType = new Map<string, number>();
  const typeDepth = (ref: ParentRef): number => {
    // Walk up to a root or a known depth, then assign depths on the way back down.
    const path: Y.ID[] = [];
    let current = ref;
    let base = 0;
    while (current !== null && 'type' in current) {
      const known = depthOfType.get(idKey(current.type));
      if (known !== undefined) {
        base = known;
        break;
      }
      path.push(current.type);
      if (path.length > limits.maxTypeDepth) throw new ProtocolError('too-deep');
      const hit = lookup(current.type);
      if (!hit) {
        pending = true;
        break;
      }
      current = hit.inDoc ? parentOfDocStruct(hit.struct as Y.Item | Y.GC) : hit.struct instanceof Y.Item ? parentOf(hit.struct) : null;
    }
    let depth = base;
    for (let i = path.length - 1; i >= 0; i--) depthOfType.set(idKey(path[i]!), ++depth);
    return depth;
  };

  const siblings = new Map<string, number>();
  let conflicts = false;
  for (const item of fresh) {
    const parent = parentOf(item);
    const depth = typeDepth(parent) + (item.content instanceof Y.ContentType ? 1 : 0);
    if (depth > limits.maxTypeDepth) throw new ProtocolError('too-deep');
    const at = item.origin ? idKey(item.origin) : `^${parent === null ? '?' : 'root' in parent ? parent.root : idKey(parent.type)}\0${item.parentSub ?? ''}`;
    const count = (siblings.get(at) ?? 0) + 1;
    if (count > limits.maxInsertsAtOneOrigin) throw new ProtocolError('too-many-siblings');
    siblings.set(at, count);
    // A neighbour neither in the doc nor in this update: Yjs keeps the item pending.
    if (!pending && ((item.origin && !known(item.origin)) || (item.rightOrigin && !known(item.rightOrigin)))) pending = true;
    if (!conflicts && insertsBetweenConcurrent(store, item, () => firstInParent(doc, parent))) conflicts = true;
  }

  // Structs or deletes the doc holds back until a dependency arrives are integrated by
  // whichever update brings it, unseen by these checks.
  if (store.pendingStructs !== null || store.pendingDs !== null) pending = true;
  if (pending || conflicts || update.byteLength > limits.plainUpdateBytes) return 'guarded';
  return deletesSharedType(store, ds) ? 'guarded' : 'plain';
}

/** The parent of a struct the doc already holds (a GC'd struct has none: Yjs turns its children into GC). */
function parentOfDocStruct(struct: Y.Item | Y.GC): ParentRef {
  if (!(struct instanceof Y.Item)) return null;
  const parent = struct.parent as Y.AbstractType<unknown> | null;
  if (!parent || !(parent instanceof Y.AbstractType)) return null;
  if (parent._item) return { type: parent._item.id };
  const key = Y.findRootTypeKey(parent);
  return { root: key };
}

/**
 * The first item (deleted or not) of a sequence parent in the doc: null when the parent is
 * empty or new in this update, undefined when it cannot be told (then the caller assumes the worst).
 */
function firstInParent(doc: Y.Doc, parent: ParentRef): Y.Item | null | undefined {
  if (parent === null) return undefined;
  if ('root' in parent) return (doc.share.get(parent.root) as Y.AbstractType<unknown> | undefined)?._start ?? null;
  const holder = docStruct(doc.store, parent.type);
  if (holder === null) return null;
  if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return undefined;
  return holder.content.type._start;
}

/**
 * True when Yjs may have to resolve a conflict to place `item` (mirrors the condition in
 * Item.integrate), scanning items of the doc whose number this update does not bound:
 * - its origin and right origin are in the doc but no longer neighbours (something was
 *   inserted between them concurrently);
 * - its origin is in the doc and no longer the last item before a new right neighbour (or
 *   the end), or the origin is split;
 * - it has no origin: a map entry, or an insert at the start of a sequence that already
 *   has items in the doc (Yjs scans from the parent's first item over every item inserted
 *   there concurrently: a burst of updates inserting at the start of one array from fresh
 *   clients made each of them scan all earlier ones).
 * An origin that is itself new in this update bounds the scan: it can only meet items of
 * this update, whose number is bounded by maxInsertsAtOneOrigin and the update's size.
 */
function insertsBetweenConcurrent(store: StructStore, item: Y.Item, parentStart: () => Y.Item | null | undefined): boolean {
  const left = item.origin ? docStruct(store, item.origin) : null;
  const right = item.rightOrigin ? docStruct(store, item.rightOrigin) : null;
  // The origin is new in this update (or missing: then the item waits as pending).
  if (item.origin && !left) return false;
  if (left) {
    if (!(left instanceof Y.Item)) return true;
    const origin = item.origin!;
    const split = origin.clock < left.id.clock + left.length - 1;
    if (right) {
      if (!(right instanceof Y.Item)) return true;
      const rightOrigin = item.rightOrigin!;
      // The origin in the middle of an item: Yjs splits it, and its right half is the neighbour.
      if (split) return !(rightOrigin.client === origin.client && rightOrigin.clock === origin.clock + 1);
      return !(rightOrigin.clock === right.id.clock && left.right === right);
    }
    // No right origin, or one new in this update: only new items may follow the origin.
    return split || left.right !== null;
  }
  // No origin.
  if (item.parentSub !== null) {
    // A map entry: Yjs scans every concurrent value of its key, unless its right neighbour is the first.
    if (!right) return true;
    if (!(right instanceof Y.Item)) return true;
    return !(item.rightOrigin!.clock === right.id.clock && right.left === null);
  }
  if (right) {
    if (!(right instanceof Y.Item)) return true;
    return !(item.rightOrigin!.clock === right.id.clock && right.left === null);
  }
  // At the start of a sequence, before nothing or before an item new in this update.
  return parentStart() !== null;
}

/**
 * Structs a plain update's deletes may touch. Deleting text costs one step per struct; a
 * select-all over a long plan is guarded instead. A plain update is at most
 * plainUpdateBytes, so it cannot name many more ranges than this anyway.
 */
const maxPlainDeletedStructs = 1000;

/** True when the delete set touches a live shared type (deleting it walks its subtree) or too many structs to check. */
function deletesSharedType(store: StructStore, ds: Decoded['ds']): boolean {
  let visited = 0;
  for (const [client, ranges] of ds.clients) {
    const structs = store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(store, client);
    for (const range of ranges) {
      const end = Math.min(range.clock + range.len, known);
      if (range.clock >= end) continue;
      for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
        const struct = structs[i]!;
        if (struct.id.clock >= end) break;
        if (++visited > maxPlainDeletedStructs) return true;
        if (struct instanceof Y.Item && !struct.deleted && struct.content instanceof Y.ContentType) return true;
      }
    }
  }
  return false;
}
