/**
 * A bench worker process (forked by light-fleet.ts) holding light y-websocket clients: raw
 * `ws` sockets that speak the protocol with lib0 encoding instead of a provider and a doc
 * per peer, so the client side costs little per delivery and the server saturates first.
 *
 * - Handshake: the client sends sync step 1 (as the stock provider does) and answers the
 *   server's step 1 with its own state; the server's step 2 (the room's whole history) and
 *   awareness are ignored.
 * - Writing: each client has its own Y.Doc and sets its own key in a Y.Map to a sequence
 *   number; it never applies others' updates, so its clock counts its own edits (edit n has
 *   clock n − 1) and each update holds exactly that one item.
 * - Receiving: sync update messages are not integrated; `Y.parseUpdateMeta` gives each
 *   update's clientID → clock range, i.e. which edits it carries. Updates carrying the
 *   client's own items (the reference server echoes every update to its sender) are skipped.
 *
 * Times are `performance.timeOrigin + performance.now()`, comparable across processes on
 * one machine. The parent joins sends and deliveries (see light-fleet.ts).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

/** One client to connect: its index in the room, the room URL (with the token as the stock provider sends it). */
export interface LightClientSpec { index: number; url: string }

/** Parent → worker requests; every reply carries the request's id. */
export type WorkerRequest =
  | { id: number; kind: 'connect'; clients: LightClientSpec[] }
  | { id: number; kind: 'drive'; editsPerSecond: number; seconds: number }
  | { id: number; kind: 'count' }
  | { id: number; kind: 'clock' }
  | { id: number; kind: 'collect' }
  | { id: number; kind: 'stop' };

/** What a worker sent and received since the last collect. */
export interface Collected {
  /** Per writer: its clientID, the clock of its first edit since the last collect, and each edit's send time. */
  sends: { client: number; firstClock: number; times: Float64Array }[];
  /** One entry per edit received by a client: the receiving client's index, the edit's clientID and clock, the time. */
  deliveries: { receiver: Uint32Array; client: Uint32Array; clock: Uint32Array; at: Float64Array };
  /** Updates that carried the receiver's own edits (echoes), skipped. */
  echoes: number;
  /** Sockets that closed since connecting (must stay 0). */
  closed: number;
}

const messageSync = 0;
const now = (): number => performance.timeOrigin + performance.now();

interface LightClient {
  index: number;
  socket: WebSocket;
  doc: Y.Doc;
  map: Y.Map<number>;
  seq: number;
  /** Send times of edits since the last collect, and the clock of the first of them. */
  firstClock: number;
  sentAt: number[];
}

/** A growable column of numbers. */
class Column<T extends Uint32Array | Float64Array> {
  length = 0;
  constructor(private data: T, private readonly make: (size: number) => T) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  take(): T {
    const out = this.data.slice(0, this.length) as T;
    this.length = 0;
    return out;
  }
}

const uints = (): Column<Uint32Array> => new Column(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
const received = { receiver: uints(), client: uints(), clock: uints(), at: new Column(new Float64Array(1 << 16), (n) => new Float64Array(n)) };
const clients: LightClient[] = [];
let echoes = 0;
let closed = 0;
let deliveries = 0;
let lastDeliveryAt = 0;

function onMessage(client: LightClient, data: Uint8Array): void {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== messageSync) return; // awareness and the rest: not needed
  const step = decoding.readVarUint(decoder);
  if (step === syncProtocol.messageYjsSyncStep1) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep2(encoder, client.doc, decoding.readVarUint8Array(decoder));
    client.socket.send(encoding.toUint8Array(encoder));
    return;
  }
  if (step !== syncProtocol.messageYjsUpdate) return; // step 2: the history before this client, not an edit
  const at = now();
  const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
  const own = client.doc.clientID;
  for (const [writer, from] of meta.from) {
    if (writer === own) {
      echoes++;
      continue;
    }
    const to = meta.to.get(writer) ?? from;
    for (let clock = from; clock < to; clock++) {
      received.receiver.push(client.index);
      received.client.push(writer);
      received.clock.push(clock);
      received.at.push(at);
      deliveries++;
    }
    lastDeliveryAt = at;
  }
}

function connect(spec: LightClientSpec): Promise<LightClient> {
  return new Promise((resolve, reject) => {
    const doc = new Y.Doc();
    const socket = new WebSocket(spec.url);
    const client: LightClient = { index: spec.index, socket, doc, map: doc.getMap('m'), seq: 0, firstClock: 0, sentAt: [] };
    doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeUpdate(encoder, update);
      socket.send(encoding.toUint8Array(encoder));
    });
    socket.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeSyncStep1(encoder, doc);
      socket.send(encoding.toUint8Array(encoder));
    });
    let synced = false;
    socket.on('message', (data: Buffer) => {
      if (!synced) {
        // The server's step 2 answers our step 1: the client is in the room.
        const decoder = decoding.createDecoder(data);
        if (decoding.readVarUint(decoder) === messageSync && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2) {
          synced = true;
          resolve(client);
        }
      }
      onMessage(client, data);
    });
    socket.on('close', (code) => {
      closed++;
      if (!synced) reject(new Error(`client ${spec.index} closed before syncing (${code})`));
    });
    socket.on('error', (error) => {
      if (!synced) reject(error);
    });
  });
}

function edit(client: LightClient): void {
  if (client.sentAt.length === 0) client.firstClock = Y.getState(client.doc.store, client.doc.clientID);
  client.seq++;
  client.sentAt.push(now());
  client.map.set(`c${client.index}`, client.seq);
}

/** Sends `editsPerSecond` over this worker's clients for `seconds`, paced by elapsed time (late ticks catch up). */
function drive(editsPerSecond: number, seconds: number): Promise<{ sent: number; seconds: number }> {
  const started = performance.now();
  let sent = 0;
  let next = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = Math.min(performance.now() - started, seconds * 1000);
      const due = Math.floor((editsPerSecond * elapsed) / 1000);
      while (sent < due) {
        edit(clients[next++ % clients.length]!);
        sent++;
      }
      if (elapsed >= seconds * 1000) {
        clearInterval(timer);
        resolve({ sent, seconds: (performance.now() - started) / 1000 });
      }
    }, 5);
  });
}

function collect(): Collected {
  const sends = clients.filter((c) => c.sentAt.length > 0).map((c) => {
    const out = { client: c.doc.clientID, firstClock: c.firstClock, times: Float64Array.from(c.sentAt) };
    c.sentAt = [];
    return out;
  });
  const out: Collected = {
    sends,
    deliveries: { receiver: received.receiver.take(), client: received.client.take(), clock: received.clock.take(), at: received.at.take() },
    echoes,
    closed,
  };
  echoes = 0;
  deliveries = 0;
  return out;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.kind) {
    case 'connect':
      clients.push(...(await Promise.all(request.clients.map(connect))));
      return { connected: clients.length };
    case 'drive':
      return drive(request.editsPerSecond, request.seconds);
    case 'count':
      return { deliveries, lastDeliveryAt, closed };
    case 'clock':
      return { at: now() };
    case 'collect':
      return collect();
    case 'stop':
      for (const c of clients) c.socket.close();
      setTimeout(() => process.exit(0), 100);
      return {};
  }
}

process.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (result) => process.send?.({ id: request.id, result }),
    (error: unknown) => process.send?.({ id: request.id, error: String(error) }),
  );
});
