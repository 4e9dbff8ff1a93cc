/**
 * Yjs updates (format v1) as editable lists of structs and delete ranges, so the fuzzer can
 * duplicate, reorder and rewrite structs and still produce bytes a server decodes that far.
 * Decoding uses Yjs itself; encoding writes the v1 layout with Yjs' own struct writers, and
 * lets a case write the header numbers (counts, clocks) it wants, even wrong ones.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A struct as Yjs decodes it. */
export type Struct = Y.Item | Y.GC | Y.Skip;

/** One client's block in an update: its structs are written back to back from `clock`. */
export interface ClientBlock {
  client: number;
  clock: number;
  structs: Struct[];
  /** Written instead of structs.length (a lie the decoder must survive). */
  countOverride?: number;
}

/** An update taken apart. */
export interface EditableUpdate {
  blocks: ClientBlock[];
  /** Delete ranges per client, in the order written. */
  deletes: { client: number; ranges: { clock: number; len: number }[] }[];
}

/** Takes a v1 update apart (throws when Yjs cannot decode it). */
export function decodeEditable(update: Uint8Array): EditableUpdate {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  const blocks: ClientBlock[] = [];
  for (const struct of structs) {
    const last = blocks.at(-1);
    if (last && last.client === struct.id.client) last.structs.push(struct);
    else blocks.push({ client: struct.id.client, clock: struct.id.clock, structs: [struct] });
  }
  const deletes = [...ds.clients].map(([client, ranges]) => ({ client, ranges: ranges.map((r) => ({ clock: r.clock, len: r.len })) }));
  return { blocks, deletes };
}

/** Writes an editable update back to v1 bytes, exactly as given (no sorting, no checks). */
export function encodeEditable(update: EditableUpdate): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, update.blocks.length);
  for (const block of update.blocks) {
    encoding.writeVarUint(encoder.restEncoder, block.countOverride ?? block.structs.length);
    encoder.writeClient(block.client);
    encoding.writeVarUint(encoder.restEncoder, block.clock);
    for (const struct of block.structs) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, update.deletes.length);
  for (const { client, ranges } of update.deletes) {
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const range of ranges) {
      encoding.writeVarUint(encoder.restEncoder, range.clock);
      encoding.writeVarUint(encoder.restEncoder, range.len);
    }
  }
  return encoder.toUint8Array();
}

/** An update that only deletes the given ranges (as an attacker writes it by hand). */
export function deleteOnlyUpdate(ranges: { client: number; clock: number; len: number }[]): Uint8Array {
  const byClient = new Map<number, { clock: number; len: number }[]>();
  for (const { client, clock, len } of ranges) {
    let list = byClient.get(client);
    if (!list) byClient.set(client, (list = []));
    list.push({ clock, len });
  }
  return encodeEditable({ blocks: [], deletes: [...byClient].map(([client, list]) => ({ client, ranges: list })) });
}
