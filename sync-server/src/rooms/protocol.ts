/**
 * Handling of one incoming y-websocket message on an admitted connection (called by the
 * message pump, in order per connection). Anything malformed throws a ProtocolError; the
 * pump closes that connection and every other connection and room carries on.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Connection } from './connection';
import { encodeIntegratedState } from './doc-state';
import { awarenessMessage, MessageType, syncStep1Message, syncStep2Message } from './messages';
import type { Limits } from '../options';
import { ProtocolError } from './protocol-error';
import type { Handled } from './pump';
import type { Room } from './room';

export { ProtocolError } from './protocol-error';

function guarded<T>(reason: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(reason);
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

/** Sends `conn` what it lacks once everything the room applied is stored (stored before relayed). */
function answerSyncStep1(room: Room, conn: Connection, stateVector: Uint8Array): void {
  const answer = (): void => {
    if (!conn.isOpen() || !room.conns.has(conn) || room.state !== 'ready') return;
    conn.send(syncStep2Message(encodeIntegratedState(room.doc, stateVector)));
  };
  if (!room.hasUnstored) {
    answer();
    return;
  }
  void room.flushed().then(() => {
    // Another update may have been applied since; wait for that one too.
    if (room.hasUnstored) answerSyncStep1(room, conn, stateVector);
    else answer();
  });
}

const free: Handled = { guarded: false, ms: 0 };

/** Handles one binary message from `conn` in `room`; says what it cost. */
export function handleMessage(room: Room, conn: Connection, data: Uint8Array, limits: Limits, mayGuard: boolean): Handled {
  const decoder = decoding.createDecoder(data);
  const type = guarded('undecodable', () => decoding.readVarUint(decoder));
  switch (type) {
    case MessageType.sync: {
      const step = guarded('undecodable', () => decoding.readVarUint(decoder));
      if (step === syncProtocol.messageYjsSyncStep1) {
        const stateVector = guarded('undecodable', () => decoding.readVarUint8Array(decoder));
        // Decoded up front: a bad state vector is refused here, not later in the answer.
        guarded('invalid-state-vector', () => Y.decodeStateVector(stateVector));
        answerSyncStep1(room, conn, stateVector);
        return free;
      }
      if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        const update = guarded('undecodable', () => decoding.readVarUint8Array(decoder));
        if (conn.access !== 'edit') {
          // View-only: never applied, stored or relayed.
          conn.droppedUpdates++;
          return free;
        }
        const result = room.applyClientUpdate(conn, update, mayGuard);
        return { guarded: result.path === 'guarded', ms: result.ms };
      }
      throw new ProtocolError('unknown-sync-step');
    }
    case MessageType.awareness: {
      const update = guarded('undecodable', () => decoding.readVarUint8Array(decoder));
      if (update.length > limits.maxAwarenessBytes) throw new ProtocolError('awareness-too-big');
      const filtered = guarded('invalid-awareness', () => filterAwareness(room, conn, update, limits));
      if (filtered) guarded('invalid-awareness', () => awarenessProtocol.applyAwarenessUpdate(room.awareness, filtered, conn));
      return free;
    }
    case MessageType.queryAwareness: {
      const message = awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]);
      if (message) conn.send(message);
      return free;
    }
    default:
      throw new ProtocolError('unknown-message-type');
  }
}
