/**
 * Handling of one incoming y-websocket message on an admitted connection. Anything
 * malformed throws a ProtocolError; the caller closes that connection (4400) and
 * every other connection and room carries on.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Connection } from './connection';
import { awarenessMessage, MessageType, syncStep1Message, syncStep2Message } from './messages';
import type { Limits } from './options';
import type { Room } from './room';

/** Why a message was refused; `reason` is a code for logs, never message content. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(readonly reason: string, readonly closeCode = 4400) {
    super(reason);
  }
}

function guarded<T>(reason: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(reason);
  }
}

/**
 * Refuses updates Yjs would integrate in super-linear time. An update with N client
 * blocks whose structs miss their dependencies costs O(N²) in integrateStructs
 * (about 2 s for 20,000 blocks in 120 KB), so N is capped; real edits carry one or a few.
 */
export function checkUpdateShape(update: Uint8Array, limits: Limits): void {
  const clients = guarded('undecodable-update', () => decoding.readVarUint(decoding.createDecoder(update)));
  if (clients > limits.maxClientsPerUpdate) throw new ProtocolError('too-many-clients-in-update');
}

function applyClientUpdate(room: Room, conn: Connection, update: Uint8Array, limits: Limits): void {
  checkUpdateShape(update, limits);
  // Applying to the doc validates: a malformed update throws here (never merged raw).
  // The doc's update event then stores and relays what was actually integrated.
  guarded('invalid-update', () => Y.applyUpdate(room.doc, update, conn));
  const store = room.doc.store;
  const pending = (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0);
  if (pending > limits.maxPendingBytes) {
    // Structs that never become integrable only cost memory; drop them and the sender.
    store.pendingStructs = null;
    store.pendingDs = null;
    throw new ProtocolError('too-much-pending');
  }
}

/** Keeps awareness entries for client ids this connection owns or may claim; drops spoofed ones. */
function filterAwareness(room: Room, conn: Connection, update: Uint8Array, limits: Limits): Uint8Array | null {
  const owned = room.conns.get(conn) ?? new Set<number>();
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const kept: [number, number, string][] = [];
  const claimed = new Set(owned);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    const owner = room.ownerOf(clientId);
    if (owner !== null && owner !== conn) continue;
    claimed.add(clientId);
    if (claimed.size > limits.maxAwarenessClientsPerConnection) throw new ProtocolError('too-many-awareness-clients');
    JSON.parse(state);
    kept.push([clientId, clock, state]);
  }
  if (kept.length === 0) return null;
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/** The messages a newly admitted connection gets: sync step 1 and the current awareness. */
export function greeting(room: Room): Uint8Array[] {
  const messages = [syncStep1Message(room.doc)];
  const awareness = awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]);
  if (awareness) messages.push(awareness);
  return messages;
}

/** Handles one binary message from `conn` in `room`. */
export function handleMessage(room: Room, conn: Connection, data: Uint8Array, limits: Limits): void {
  const decoder = decoding.createDecoder(data);
  const type = guarded('undecodable', () => decoding.readVarUint(decoder));
  switch (type) {
    case MessageType.sync: {
      const step = guarded('undecodable', () => decoding.readVarUint(decoder));
      if (step === syncProtocol.messageYjsSyncStep1) {
        const stateVector = guarded('undecodable', () => decoding.readVarUint8Array(decoder));
        const update = guarded('invalid-state-vector', () => Y.encodeStateAsUpdate(room.doc, stateVector));
        conn.send(syncStep2Message(update));
        return;
      }
      if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        const update = guarded('undecodable', () => decoding.readVarUint8Array(decoder));
        if (conn.access !== 'edit') {
          // View-only: never applied, stored or relayed.
          conn.droppedUpdates++;
          return;
        }
        applyClientUpdate(room, conn, update, limits);
        return;
      }
      throw new ProtocolError('unknown-sync-step');
    }
    case MessageType.awareness: {
      const update = guarded('undecodable', () => decoding.readVarUint8Array(decoder));
      if (update.length > limits.maxAwarenessBytes) throw new ProtocolError('awareness-too-big');
      const filtered = guarded('invalid-awareness', () => filterAwareness(room, conn, update, limits));
      if (filtered) guarded('invalid-awareness', () => awarenessProtocol.applyAwarenessUpdate(room.awareness, filtered, conn));
      return;
    }
    case MessageType.queryAwareness: {
      const message = awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]);
      if (message) conn.send(message);
      return;
    }
    default:
      throw new ProtocolError('unknown-message-type');
  }
}
