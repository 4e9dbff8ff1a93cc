/**
 * A fleet of stock y-websocket clients (the app's provider, no BroadcastChannel) spread
 * over rooms, with edit→peer latency measured in this process: each edit sets the
 * writer's own key to a sequence number, and every peer notes when it sees it.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** One connected client; `instance` is the index of the server (URL) it is connected to. */
interface Client { index: number; room: string; instance: number; doc: Y.Doc; provider: WebsocketProvider; seq: number }

/** Clients, the latencies they observed, and the edits they received. */
export interface Fleet {
  clients: Client[];
  /** Edit→peer latencies in ms since the last reset. */
  latencies: number[];
  /** The subset of `latencies` where writer and peer are connected to different instances. */
  crossLatencies: number[];
  /** Edits seen by peers since the last reset (one per edit per peer). */
  deliveries: number;
  edit(client: Client): void;
  reset(): void;
  destroy(): void;
}

/**
 * Connects `rooms.length × perRoom` clients; `tokenFor` gives each client its token (or '' for the reference).
 * With several URLs (instances of one service) client i connects to `wsUrls[i % n]`, so each room's
 * clients are spread over the instances.
 */
export async function connectFleet(wsUrls: string | string[], rooms: string[], perRoom: number, tokenFor: (index: number) => string): Promise<Fleet> {
  const urls = typeof wsUrls === 'string' ? [wsUrls] : wsUrls;
  // Each Node provider adds a process 'exit' listener; thousands are expected here.
  process.setMaxListeners(0);
  const sentAt = new Map<string, number>();
  const fleet: Fleet = {
    clients: [],
    latencies: [],
    crossLatencies: [],
    deliveries: 0,
    edit(client) {
      client.seq++;
      sentAt.set(`${client.index}:${client.seq}`, performance.now());
      client.doc.getMap('m').set(`c${client.index}`, client.seq);
    },
    reset() {
      fleet.latencies = [];
      fleet.crossLatencies = [];
      fleet.deliveries = 0;
      sentAt.clear();
    },
    destroy() {
      for (const c of fleet.clients) {
        c.provider.destroy();
        c.doc.destroy();
      }
    },
  };
  let index = 0;
  const pending: Promise<void>[] = [];
  for (const room of rooms) {
    for (let k = 0; k < perRoom; k++) {
      const doc = new Y.Doc();
      const me = index++;
      const instance = me % urls.length;
      const provider = new WebsocketProvider(urls[instance]!, room, doc, {
        params: { token: tokenFor(me) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      const client: Client = { index: me, room, instance, doc, provider, seq: 0 };
      doc.getMap('m').observe((event) => {
        if (event.transaction.local) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          const sent = sentAt.get(`${key.slice(1)}:${String(doc.getMap('m').get(key))}`);
          if (sent !== undefined) {
            fleet.latencies.push(now - sent);
            if (Number(key.slice(1)) % urls.length !== instance) fleet.crossLatencies.push(now - sent);
            fleet.deliveries++;
          }
        }
      });
      fleet.clients.push(client);
      pending.push(new Promise((resolve) => provider.once('sync', () => resolve())));
      // Connect in waves so the accept queue is not the thing being measured.
      if (pending.length % 100 === 0) await Promise.all(pending.slice(-100));
    }
  }
  await Promise.all(pending);
  return fleet;
}
