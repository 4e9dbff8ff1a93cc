/**
 * The clients of one room spread over worker processes (light-worker.ts), and the join of
 * what they sent and received: each delivery is matched to its edit by writer clientID and
 * clock, so an edit is counted once per peer and its latency is receive time − send time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Collected, LightClientSpec, WorkerRequest } from './light-worker';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Worker { child: ChildProcess; call<T>(request: Request): Promise<T> }

function startWorker(): Worker {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = fork(join(here, 'light-worker.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 0;
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) entry?.reject(new Error(`bench worker: ${message.error}`));
    else entry?.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const entry of waiting.values()) entry.reject(new Error(`bench worker exited (${code})`));
    waiting.clear();
  });
  return {
    child,
    call: <T>(request: Request) => new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id });
    }),
  };
}

/** What one step delivered, joined over every worker. */
export interface StepFigures {
  /** Edits sent, and edits/s sent over the drive. */
  sent: number; sentPerSecond: number;
  /** Deliveries (edit × peer) and delivered edits/s = deliveries / peers / (last delivery − drive start). */
  deliveries: number; deliveredPerSecond: number;
  /** Share of sent edits × peers that arrived (1 when nothing was lost). */
  complete: number;
  latencies: Float64Array;
  /** Deliveries of an edit a peer had already (must be 0), of edits not sent in this step (must be 0), and edits reaching fewer or more than all peers. */
  duplicates: number; unknown: number; incomplete: number;
  echoes: number; closed: number;
  /** Seconds from drive start to the last delivery. */
  seconds: number;
}

/** One room's light clients spread over `workers` processes. */
export interface LightFleet {
  size: number;
  pids: number[];
  /** Drives `editsPerSecond` (spread over the clients) for `seconds`, waits for the deliveries to stop, and joins. */
  step(editsPerSecond: number, seconds: number, onDriven?: () => void): Promise<StepFigures>;
  /** The largest distance (ms) of a worker's clock outside the interval a round trip to it took; throws if any. */
  checkClocks(): Promise<number>;
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const now = (): number => performance.timeOrigin + performance.now();

/** Forks the workers and connects `size` clients to `roomUrl(i)`; client i lives in worker i mod `workers`. */
export async function connectLightFleet(size: number, workers: number, roomUrl: (index: number) => string): Promise<LightFleet> {
  if (size > 32) throw new Error('the delivery key (see step) holds receiver indexes below 32');
  const pool = Array.from({ length: workers }, startWorker);
  const specs: LightClientSpec[][] = pool.map(() => []);
  for (let i = 0; i < size; i++) specs[i % workers]!.push({ index: i, url: roomUrl(i) });
  await Promise.all(pool.map((w, k) => w.call({ kind: 'connect', clients: specs[k]! })));
  const peers = size - 1;

  const collectAll = async (): Promise<Collected[]> => Promise.all(pool.map((w) => w.call<Collected>({ kind: 'collect' })));

  return {
    size,
    pids: pool.map((w) => w.child.pid ?? 0),
    async step(editsPerSecond, seconds, onDriven) {
      await collectAll(); // whatever arrived late from an earlier step
      const started = now();
      const driven = await Promise.all(pool.map((w, k) => w.call<{ sent: number; seconds: number }>({
        kind: 'drive', editsPerSecond: (editsPerSecond * specs[k]!.length) / size, seconds,
      })));
      onDriven?.();
      // Drained when no worker received anything for 500 ms (a saturated server still relays its backlog).
      let last = -1;
      for (;;) {
        await sleep(500);
        const counts = await Promise.all(pool.map((w) => w.call<{ deliveries: number }>({ kind: 'count' })));
        const total = counts.reduce((n, c) => n + c.deliveries, 0);
        if (total === last) break;
        last = total;
      }
      const collected = await collectAll();
      const sentAt = new Map<number, { firstClock: number; times: Float64Array; counts: Uint16Array }>();
      let sent = 0;
      for (const c of collected) {
        for (const s of c.sends) {
          sentAt.set(s.client, { firstClock: s.firstClock, times: s.times, counts: new Uint16Array(s.times.length) });
          sent += s.times.length;
        }
      }
      const total = collected.reduce((n, c) => n + c.deliveries.at.length, 0);
      const latencies = new Float64Array(total);
      const seen = new Set<number>();
      let n = 0;
      let duplicates = 0;
      let unknown = 0;
      let lastAt = started;
      for (const { deliveries: d } of collected) {
        for (let i = 0; i < d.at.length; i++) {
          const edit = sentAt.get(d.client[i]!);
          const offset = edit ? d.clock[i]! - edit.firstClock : -1;
          if (!edit || offset < 0 || offset >= edit.times.length) {
            unknown++;
            continue;
          }
          // clientIDs are 32-bit and clocks stay far below 2^16 per step, so this key is exact.
          const key = (d.receiver[i]! * 2 ** 32 + d.client[i]!) * 2 ** 16 + offset;
          if (seen.has(key)) {
            duplicates++;
            continue;
          }
          seen.add(key);
          edit.counts[offset]!++;
          latencies[n++] = d.at[i]! - edit.times[offset]!;
          if (d.at[i]! > lastAt) lastAt = d.at[i]!;
        }
      }
      let incomplete = 0;
      for (const edit of sentAt.values()) for (const count of edit.counts) if (count !== peers) incomplete++;
      const windowSeconds = (lastAt - started) / 1000;
      const driveSeconds = Math.max(...driven.map((d) => d.seconds));
      return {
        sent, sentPerSecond: sent / driveSeconds,
        deliveries: n, deliveredPerSecond: n / peers / windowSeconds, complete: sent > 0 ? n / (sent * peers) : 1,
        latencies: latencies.slice(0, n), duplicates, unknown, incomplete,
        echoes: collected.reduce((k, c) => k + c.echoes, 0), closed: collected.reduce((k, c) => k + c.closed, 0),
        seconds: windowSeconds,
      };
    },
    async checkClocks() {
      // Send and receive times are read in different processes: their clocks must agree.
      let worst = 0;
      for (const w of pool) {
        for (let i = 0; i < 20; i++) {
          const before = now();
          const { at } = await w.call<{ at: number }>({ kind: 'clock' });
          const after = now();
          worst = Math.max(worst, before - at, at - after);
        }
      }
      if (worst > 0) throw new Error(`a bench worker's clock is ${worst.toFixed(3)} ms off the parent's`);
      return worst;
    },
    async stop() {
      await Promise.all(pool.map((w) => w.call({ kind: 'stop' }).catch(() => undefined)));
    },
  };
}
