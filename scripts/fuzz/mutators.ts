/**
 * The cases the fuzzer sends: real app updates (corpus.ts), mutated at the byte level (bit
 * flips, truncation, splicing, varuint overflows, v2 bytes), at the struct level (duplicated,
 * reordered and re-pointed structs, swapped client ids, clock gaps, lying counts, origin
 * cycles), and generated attacks (deep nesting, many inserts at one origin, bursts of
 * conflicting inserts, delete sets pointing at shared types), plus malformed messages.
 * A case is a list of messages sent on one socket, in order.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { anchorsOf } from './anchors';
import type { RoomCorpus } from './corpus';
import { awareness, raw, syncStep1, syncUpdate } from './messages';
import type { Random } from './random';
import { decodeEditable, deleteOnlyUpdate, encodeEditable, type EditableUpdate } from './update-codec';

/** Any shared type (Yjs' event type parameter does not matter here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SharedType = Y.AbstractType<any>;

/** One case: what it is, and the messages to send. */
export interface FuzzCase {
  kind: string;
  messages: Uint8Array[];
}

type Mutator = (rnd: Random, corpus: RoomCorpus) => Uint8Array[];

const asMessage = (rnd: Random, update: Uint8Array): Uint8Array => syncUpdate(update, rnd.chance(0.3) ? 1 : 2);

/** A real update to start from: one follow-up, a run of them merged, or the whole seed state. */
function sourceUpdate(rnd: Random, corpus: RoomCorpus): Uint8Array {
  const roll = rnd.next();
  if (roll < 0.5) return rnd.pick(corpus.followUps);
  if (roll < 0.85) {
    const start = rnd.int(0, corpus.followUps.length - 1);
    // Our own updates, never client bytes: merging is safe here.
    return Y.mergeUpdates(corpus.followUps.slice(start, start + rnd.int(2, 30)));
  }
  return corpus.seedState;
}

/** A copy of the seed doc with a fresh client id, and the state vector to diff against. */
function seedCopy(rnd: Random, corpus: RoomCorpus): { doc: Y.Doc; before: Uint8Array } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, corpus.seedState);
  doc.clientID = rnd.clientId();
  return { doc, before: Y.encodeStateVector(doc) };
}

function diffFrom(doc: Y.Doc, before: Uint8Array): Uint8Array {
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** The type of `item` in `doc` (a copy of the seed doc holds the same ids). */
function sameType(doc: Y.Doc, item: Y.Item): SharedType | null {
  const found = Y.getItem(doc.store, item.id);
  return found instanceof Y.Item && found.content instanceof Y.ContentType ? found.content.type : null;
}

/** A large number for a varuint field: near 2^31, 2^32 or 2^53. */
const hugeNumber = (rnd: Random): number => rnd.pick([2 ** 31 - 1, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, 2 ** 40]);

/** Bytes that read as a varuint longer than 53 bits (lib0 refuses them) or just very long. */
const overlongVarUint = (rnd: Random): Uint8Array => Uint8Array.from([...Array.from({ length: rnd.int(6, 12) }, () => 0xff), rnd.int(0, 0x7f)]);

function editableSource(rnd: Random, corpus: RoomCorpus): EditableUpdate {
  for (let attempt = 0; attempt < 5; attempt++) {
    const editable = decodeEditable(sourceUpdate(rnd, corpus));
    if (editable.blocks.some((block) => block.structs.length > 0)) return editable;
  }
  return decodeEditable(corpus.seedState);
}

const items = (update: EditableUpdate): Y.Item[] => update.blocks.flatMap((block) => block.structs.filter((s): s is Y.Item => s instanceof Y.Item));

/** A reference to somewhere: a real item, a type, a dead struct, a missing id, or the item itself. */
function someId(rnd: Random, corpus: RoomCorpus, self: Y.Item): Y.ID {
  const anchors = anchorsOf(corpus.seedDoc);
  const roll = rnd.next();
  if (roll < 0.25 && anchors.types.length > 0) return rnd.pick(anchors.types).id;
  if (roll < 0.5 && anchors.items.length > 0) {
    const item = rnd.pick(anchors.items);
    return Y.createID(item.id.client, item.id.clock + rnd.int(0, item.length - 1));
  }
  if (roll < 0.6 && anchors.dead.length > 0) return rnd.pick(anchors.dead).id;
  if (roll < 0.7) return self.id;
  if (roll < 0.85) return Y.createID(self.id.client, self.id.clock + rnd.int(1, 50));
  return Y.createID(rnd.chance(0.5) ? rnd.pick(anchors.clients) : rnd.clientId(), rnd.chance(0.5) ? rnd.int(0, 5000) : hugeNumber(rnd));
}

const mutators: Record<string, Mutator> = {
  legit: (rnd, corpus) => [asMessage(rnd, sourceUpdate(rnd, corpus))],

  'bit-flip': (rnd, corpus) => {
    const bytes = Uint8Array.from(sourceUpdate(rnd, corpus));
    for (let i = rnd.int(1, 8); i > 0; i--) {
      const at = rnd.int(0, bytes.length - 1);
      bytes[at] = bytes[at]! ^ (1 << rnd.int(0, 7));
    }
    return [asMessage(rnd, bytes)];
  },

  truncate: (rnd, corpus) => {
    const bytes = sourceUpdate(rnd, corpus);
    return [asMessage(rnd, bytes.slice(0, rnd.int(0, bytes.length - 1)))];
  },

  splice: (rnd, corpus) => {
    const a = sourceUpdate(rnd, corpus);
    const b = sourceUpdate(rnd, corpus);
    const cutA = rnd.int(0, a.length);
    const cutB = rnd.int(0, b.length);
    return [asMessage(rnd, Uint8Array.from([...a.slice(0, cutA), ...b.slice(cutB)]))];
  },

  'varuint-overflow': (rnd, corpus) => {
    const bytes = sourceUpdate(rnd, corpus);
    const at = rnd.int(0, bytes.length);
    const insert = rnd.chance(0.5) ? overlongVarUint(rnd) : raw((e) => encoding.writeVarUint(e, hugeNumber(rnd)));
    const replace = rnd.chance(0.5) ? rnd.int(1, 6) : 0;
    return [asMessage(rnd, Uint8Array.from([...bytes.slice(0, at), ...insert, ...bytes.slice(at + replace)]))];
  },

  'format-v2': (rnd, corpus) => [asMessage(rnd, Y.convertUpdateFormatV1ToV2(sourceUpdate(rnd, corpus)))],

  'duplicate-struct': (rnd, corpus) => {
    const update = editableSource(rnd, corpus);
    for (let i = rnd.int(1, 3); i > 0; i--) {
      const block = rnd.pick(update.blocks.filter((b) => b.structs.length > 0));
      const at = rnd.int(0, block.structs.length - 1);
      block.structs.splice(at + rnd.int(0, 1), 0, block.structs[at]!);
    }
    return [asMessage(rnd, encodeEditable(update))];
  },

  'reorder-structs': (rnd, corpus) => {
    const update = editableSource(rnd, corpus);
    if (rnd.chance(0.3)) update.blocks.reverse();
    for (const block of update.blocks) {
      for (let i = block.structs.length - 1; i > 0; i--) {
        if (!rnd.chance(0.4)) continue;
        const j = rnd.int(0, i);
        [block.structs[i], block.structs[j]] = [block.structs[j]!, block.structs[i]!];
      }
    }
    return [asMessage(rnd, encodeEditable(update))];
  },

  'swap-client': (rnd, corpus) => {
    const update = editableSource(rnd, corpus);
    const anchors = anchorsOf(corpus.seedDoc);
    const block = rnd.pick(update.blocks);
    const from = block.client;
    const to = rnd.chance(0.5) ? rnd.pick(anchors.clients) : rnd.pick([0, 1, rnd.clientId(), 2 ** 32 - 1, Number.MAX_SAFE_INTEGER]);
    block.client = to;
    if (rnd.chance(0.5)) {
      // Also every reference to the old client, so the block stays self-consistent.
      for (const item of items(update)) {
        if (item.origin?.client === from) item.origin = Y.createID(to, item.origin.clock);
        if (item.rightOrigin?.client === from) item.rightOrigin = Y.createID(to, item.rightOrigin.clock);
        if (item.parent instanceof Y.ID && item.parent.client === from) item.parent = Y.createID(to, item.parent.clock);
      }
    }
    if (rnd.chance(0.3)) update.blocks.push({ ...block, client: rnd.pick(anchors.clients) });
    return [asMessage(rnd, encodeEditable(update))];
  },

  'clock-gap': (rnd, corpus) => {
    const update = editableSource(rnd, corpus);
    const block = rnd.pick(update.blocks);
    block.clock = rnd.chance(0.8) ? block.clock + rnd.int(1, 10_000) : hugeNumber(rnd);
    return [asMessage(rnd, encodeEditable(update))];
  },

  'count-lie': (rnd, corpus) => {
    const update = editableSource(rnd, corpus);
    const block = rnd.pick(update.blocks);
    block.countOverride = rnd.chance(0.5) ? block.structs.length + rnd.int(1, 5) : rnd.chance(0.5) ? 0 : hugeNumber(rnd);
    return [asMessage(rnd, encodeEditable(update))];
  },

  retarget: (rnd, corpus) => {
    const update = editableSource(rnd, corpus);
    const all = items(update);
    for (let i = rnd.int(1, 3); i > 0 && all.length > 0; i--) {
      const item = rnd.pick(all);
      const roll = rnd.next();
      if (roll < 0.3) item.origin = someId(rnd, corpus, item);
      else if (roll < 0.55) item.rightOrigin = someId(rnd, corpus, item);
      else if (roll < 0.85) {
        // Placed by parent instead of neighbours: a type, a text item, a dead struct, itself, a root name.
        item.origin = null;
        item.rightOrigin = null;
        // Decoded items hold a root's name or a type's id as parent (Yjs' typings only know the integrated form).
        item.parent = (rnd.chance(0.8) ? someId(rnd, corpus, item) : rnd.pick([...anchorsOf(corpus.seedDoc).roots, 'fuzz', ''])) as unknown as Y.ID;
        item.parentSub = rnd.chance(0.4) ? rnd.pick(['owner', 'c', '', 'status']) : null;
      } else {
        item.parentSub = item.parentSub === null ? 'c' : null;
        if (item.origin === null && item.rightOrigin === null && item.parent === null) item.parent = 'fuzz' as unknown as Y.ID;
      }
    }
    return [asMessage(rnd, encodeEditable(update))];
  },

  'origin-cycle': (rnd) => {
    // Two or three fresh clients whose first items name each other as origin.
    const clients = Array.from({ length: rnd.int(2, 3) }, () => rnd.clientId());
    const structs = clients.map((client, i) => {
      const next = clients[(i + 1) % clients.length]!;
      const origin = Y.createID(next, 0);
      const rightOrigin = rnd.chance(0.5) ? Y.createID(clients[(i + clients.length - 1) % clients.length]!, 0) : null;
      return new Y.Item(Y.createID(client, 0), null, origin, null, rightOrigin, null, null, new Y.ContentString('x'.repeat(rnd.int(1, 3))));
    });
    return [asMessage(rnd, encodeEditable({ blocks: structs.map((s) => ({ client: s.id.client, clock: 0, structs: [s] })), deletes: [] }))];
  },

  'deep-nesting': (rnd, corpus) => {
    const { doc, before } = seedCopy(rnd, corpus);
    const depth = rnd.pick([rnd.int(55, 75), rnd.int(55, 75), rnd.int(100, 300), 3000]);
    const anchors = anchorsOf(corpus.seedDoc).types;
    const anchor = anchors.length > 0 && rnd.chance(0.6) ? sameType(doc, rnd.pick(anchors)) : null;
    doc.transact(() => {
      const make = (): SharedType => rnd.pick([() => new Y.Map(), () => new Y.Array(), () => new Y.XmlElement('paragraph')])();
      const attach = (parent: SharedType | null, child: SharedType): boolean => {
        if (parent === null) doc.getMap('fuzz').set(`deep${rnd.int(0, 9)}`, child);
        else if (parent instanceof Y.Map) parent.set('c', child);
        else if (parent instanceof Y.Array) parent.push([child]);
        else if (parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) parent.insert(parent.length, [child as Y.XmlElement]);
        else return false;
        return true;
      };
      let parent: SharedType | null = anchor;
      for (let i = 0; i < depth; i++) {
        let child = make();
        if (parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) child = new Y.XmlElement('paragraph');
        if (!attach(parent, child)) attach(null, child);
        parent = child;
      }
    });
    return [asMessage(rnd, diffFrom(doc, before))];
  },

  'same-origin-siblings': (rnd, corpus) => {
    const count = rnd.pick([rnd.int(200, 256), rnd.int(250, 270), rnd.int(257, 2000), 10_000]);
    return [asMessage(rnd, siblings(rnd, corpus, count))];
  },

  'sibling-burst': (rnd, corpus) => {
    const per = rnd.int(50, 256);
    const shared = rnd.next();
    return Array.from({ length: rnd.int(3, 25) }, () => asMessage(rnd, siblings(rnd, corpus, per, shared)));
  },

  'delete-types': (rnd, corpus) => {
    const types = anchorsOf(corpus.seedDoc).types;
    const ranges = Array.from({ length: rnd.int(1, 40) }, () => {
      const item = rnd.pick(types);
      return { client: item.id.client, clock: item.id.clock, len: rnd.chance(0.8) ? 1 : rnd.int(1, 500) };
    });
    return [asMessage(rnd, deleteOnlyUpdate(ranges))];
  },

  'delete-ranges': (rnd, corpus) => {
    const anchors = anchorsOf(corpus.seedDoc);
    const ranges = Array.from({ length: rnd.int(1, 200) }, () => ({
      client: rnd.chance(0.8) ? rnd.pick(anchors.clients) : rnd.clientId(),
      clock: rnd.chance(0.7) ? rnd.int(0, 3000) : hugeNumber(rnd),
      len: rnd.chance(0.7) ? rnd.int(1, 20) : rnd.chance(0.5) ? hugeNumber(rnd) : 0,
    }));
    return [asMessage(rnd, deleteOnlyUpdate(ranges))];
  },

  'bad-message': (rnd, corpus) => {
    const pick = rnd.int(0, 8);
    switch (pick) {
      case 0: return [syncStep1(rnd.bytes(rnd.int(0, 40)))];
      case 1: return [syncStep1(raw((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint(e, hugeNumber(rnd)); encoding.writeVarUint(e, hugeNumber(rnd)); }))];
      case 2: return [raw((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, rnd.int(3, 300)); encoding.writeVarUint8Array(e, rnd.bytes(8)); })];
      case 3: return [raw((e) => { encoding.writeVarUint(e, rnd.pick([2, 4, 99, 2 ** 31])); encoding.writeUint8Array(e, rnd.bytes(rnd.int(0, 16))); })];
      case 4: return [awareness(rnd.bytes(rnd.int(0, 64)))];
      case 5: return [awareness(raw((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint(e, rnd.clientId()); encoding.writeVarUint(e, 1); encoding.writeVarString(e, rnd.pick(['{', 'null', '[]', '{"user":{"name":"Fuzz (fictief)"}}', '"x"'])); }))];
      case 6: return [new Uint8Array(0)];
      case 7: {
        // The update's declared length runs past the end of the message.
        const update = sourceUpdate(rnd, corpus);
        const message = syncUpdate(update);
        return [message.slice(0, rnd.int(1, message.length - 1))];
      }
      default: return Array.from({ length: rnd.int(2, 50) }, () => raw((e) => encoding.writeVarUint(e, 3)));
    }
  },
};

/** `count` items inserted at one place by one fresh client: at the start of a root array, or at one index of a list or text already in the room. */
function siblings(rnd: Random, corpus: RoomCorpus, count: number, place = rnd.next()): Uint8Array {
  const { doc, before } = seedCopy(rnd, corpus);
  const lists = anchorsOf(corpus.seedDoc).types.filter((item) => {
    const type = (item.content as Y.ContentType).type;
    return type instanceof Y.Array || type instanceof Y.Text || type instanceof Y.XmlText || type instanceof Y.XmlFragment;
  });
  const target = place < 0.3 || lists.length === 0 ? null : sameType(doc, lists[Math.floor(place * lists.length) % lists.length]!);
  doc.transact(() => {
    if (target instanceof Y.Text || target instanceof Y.XmlText) {
      const at = Math.floor(place * (target.length + 1));
      for (let i = 0; i < count; i++) target.insert(at, 'x');
    } else if (target instanceof Y.XmlFragment) {
      const at = Math.floor(place * (target.length + 1));
      for (let i = 0; i < count; i++) target.insert(at, [new Y.XmlText('x')]);
    } else if (target instanceof Y.Array) {
      for (let i = 0; i < count; i++) target.insert(0, [i]);
    } else {
      const array = doc.getArray<number>('fuzz-a');
      for (let i = 0; i < count; i++) array.insert(0, [i]);
    }
  });
  return diffFrom(doc, before);
}

const simpleKinds = Object.keys(mutators);

/** Makes the next case for a room of `corpus`'s kind. */
export function makeCase(rnd: Random, corpus: RoomCorpus): FuzzCase {
  if (rnd.chance(0.1)) {
    // Several kinds on one socket, in one go.
    const kinds = Array.from({ length: rnd.int(2, 4) }, () => rnd.pick(simpleKinds));
    return { kind: `combo:${kinds.join('+')}`, messages: kinds.flatMap((kind) => build(rnd, corpus, kind)) };
  }
  const kind = rnd.pick(simpleKinds);
  return { kind, messages: build(rnd, corpus, kind) };
}

function build(rnd: Random, corpus: RoomCorpus, kind: string): Uint8Array[] {
  try {
    return mutators[kind]!(rnd, corpus);
  } catch {
    // A mutation that cannot be built from this source (e.g. Yjs would not write it): flip bits instead.
    return mutators['bit-flip']!(rnd, corpus);
  }
}

