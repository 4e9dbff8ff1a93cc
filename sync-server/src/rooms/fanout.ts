/**
 * The fan-out seam: how instances of the server tell each other that a room changed. It is
 * only a doorbell. The database is the source of truth: an instance publishes an update
 * after it committed it, with the seqs it got, and a receiver that misses a message (a gap
 * in seqs, a reconnect, or the periodic head poll) reads the missing rows from the database.
 *
 * Two implementations: in-process (one instance, or several instances in one process
 * sharing a hub, as in tests) and Redis pub/sub (redis-fanout.ts).
 */
import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Committed updates of one room: seqs `first`, `first + 1`, … in order. */
export interface UpdatesMessage { kind: 'updates'; instance: string; first: number; updates: Uint8Array[] }
/** An awareness update (presence, carets) made on one instance. */
export interface AwarenessMessage { kind: 'awareness'; instance: string; data: Uint8Array }
/** Sent by an instance that just loaded a room: the others answer with the presence of their own connections. */
export interface AwarenessQueryMessage { kind: 'awareness-query'; instance: string }
export type RoomMessage = UpdatesMessage | AwarenessMessage | AwarenessQueryMessage;
/** What a room publishes (the fan-out adds its instance id). */
export type Outgoing = Omit<UpdatesMessage, 'instance'> | Omit<AwarenessMessage, 'instance'> | Omit<AwarenessQueryMessage, 'instance'>;

/** Publishing to and hearing from the other instances serving the same rooms. */
export interface Fanout {
  /** This instance's id (random per process). */
  readonly instance: string;
  /** True when other instances may write the same rooms: rooms then poll the database head as a backstop. */
  readonly shared: boolean;
  /** Resolves once subscribed; returns a function that unsubscribes. Own messages are not delivered. */
  subscribe(room: string, listener: (message: RoomMessage) => void): Promise<() => void>;
  /** Best effort: a lost message is recovered by the receivers from the database. */
  publish(room: string, message: Outgoing): void;
  /** Called after messages may have been lost (a reconnect): every loaded room should catch up. */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

type Listener = (message: RoomMessage) => void;

/** Rooms' listeners by room, shared by the fan-outs of one process. */
export class FanoutHub {
  readonly rooms = new Map<string, Set<Listener>>();
  deliver(room: string, message: RoomMessage): void {
    for (const listener of this.rooms.get(room) ?? []) listener(message);
  }
}

/**
 * In-process fan-out. Alone (the default) it has nobody to tell; instances given the same
 * hub behave like instances on one Redis, which lets tests run several in one process.
 */
export function localFanout(hub: FanoutHub | null = null): Fanout {
  const instance = randomUUID();
  const shared = hub !== null;
  const rooms = hub ?? new FanoutHub();
  return {
    instance,
    shared,
    async subscribe(room, listener) {
      const own: Listener = (message) => {
        if (message.instance !== instance) listener(message);
      };
      let set = rooms.rooms.get(room);
      if (!set) rooms.rooms.set(room, (set = new Set()));
      set.add(own);
      return () => {
        set.delete(own);
        if (set.size === 0 && rooms.rooms.get(room) === set) rooms.rooms.delete(room);
      };
    },
    publish(room, message) {
      if (!shared) return;
      const full = { ...message, instance } as RoomMessage;
      // Asynchronous, like a network: never re-entered from inside the publisher's call.
      setImmediate(() => rooms.deliver(room, full));
    },
    onResync: () => () => {},
    async close() {},
  };
}

const kindUpdates = 1;
const kindAwareness = 2;
const kindAwarenessQuery = 3;
const kinds = { updates: kindUpdates, awareness: kindAwareness, 'awareness-query': kindAwarenessQuery } as const;

/** Binary form of a message: kind, instance, then seq and updates, the awareness bytes, or nothing (a query). */
export function encodeRoomMessage(message: RoomMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kinds[message.kind]);
  encoding.writeVarString(encoder, message.instance);
  if (message.kind === 'updates') {
    encoding.writeVarUint(encoder, message.first);
    encoding.writeVarUint(encoder, message.updates.length);
    for (const update of message.updates) encoding.writeVarUint8Array(encoder, update);
  } else if (message.kind === 'awareness') {
    encoding.writeVarUint8Array(encoder, message.data);
  }
  return encoding.toUint8Array(encoder);
}

/** Parses {@link encodeRoomMessage}'s output; throws on anything else. */
export function decodeRoomMessage(bytes: Uint8Array): RoomMessage {
  const decoder = decoding.createDecoder(bytes);
  const kind = decoding.readVarUint(decoder);
  const instance = decoding.readVarString(decoder);
  if (kind === kindUpdates) {
    const first = decoding.readVarUint(decoder);
    const count = decoding.readVarUint(decoder);
    const updates: Uint8Array[] = [];
    for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(decoder));
    return { kind: 'updates', instance, first, updates };
  }
  if (kind === kindAwareness) return { kind: 'awareness', instance, data: decoding.readVarUint8Array(decoder) };
  if (kind === kindAwarenessQuery) return { kind: 'awareness-query', instance };
  throw new Error('unknown fan-out message');
}
