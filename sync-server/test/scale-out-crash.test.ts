/**
 * kill -9 of one instance of a scaled-out service in the middle of a burst of edits.
 *
 * Three instances run as child processes through the CLI (as operators run them) on one real
 * PostgreSQL and one real Redis. Three clients reach instance A through a small failover
 * proxy (the load balancer), three are on instance B, all editing one room. Mid-burst, Redis
 * stops delivering publishes (CLIENT PAUSE WRITE) and A is killed with SIGKILL a moment later,
 * so A's last commits never ring B's doorbell: they are only in PostgreSQL. A's clients keep
 * editing while they have no server; the load balancer then sends them to B.
 *
 * Asserted:
 *  - every edit A relayed before it died (relayed = committed) reaches B's clients through
 *    PostgreSQL alone (B's head poll and catch-up), before A's clients come back;
 *  - edits A's clients made while A was down stay in their docs and are merged after the
 *    reconnect: in the end every edit of every client is in every client's doc;
 *  - a fresh third instance that loads the room from PostgreSQL holds every edit too.
 *
 * And presence: the users of a killed instance disappear from the other instances within the
 * awareness timeout, while users of a live third instance stay.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { spawnServer, type ServerProcess } from '../../scripts/fuzz/server-process';
import { openAdmin } from '../src/cli/admin';
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from './backends';
import { addTestUser, login, newClient, testPassword, waitFor, type TestClient } from './helpers';

const room = 'case:scalecrash000001';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let postgres: TestPostgres;
let redis: TestRedis;
let dataDir: string;
beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  dataDir = await mkdtemp(join(tmpdir(), 'themakamer-scale-crash-'));
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  await postgres?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/**
 * A TCP load balancer in front of one upstream port at a time. `upstream = null` refuses
 * (accepts and drops) new connections, as a balancer does before its health check has taken
 * a dead instance out; sockets of an upstream that dies are dropped with it.
 */
interface Balancer { port: number; upstream: number | null; close(): Promise<void> }

async function startBalancer(upstream: number): Promise<Balancer> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const balancer: Balancer = { port: 0, upstream, close: async () => {} };
  const server: Server = createServer((client) => {
    track(client);
    client.on('error', () => client.destroy());
    const target = balancer.upstream;
    if (target === null) {
      client.destroy();
      return;
    }
    const backend = createConnection({ host: '127.0.0.1', port: target });
    track(backend);
    backend.on('error', () => client.destroy());
    client.on('close', () => backend.destroy());
    backend.on('close', () => client.destroy());
    client.pipe(backend);
    backend.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  balancer.port = (server.address() as { port: number }).port;
  balancer.close = () => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
  return balancer;
}

/** One editing client: every edit sets its own key in map 'm' and appends that key to array 'log'. */
interface Editor {
  name: string;
  client: TestClient;
  /** Keys this client wrote, and whether it had a server connection when it wrote each. */
  made: { key: string; connected: boolean }[];
}

const edit = (editor: Editor): void => {
  const key = `${editor.name}:${editor.made.length}`;
  editor.made.push({ key, connected: editor.client.provider.wsconnected });
  editor.client.doc.transact(() => {
    editor.client.doc.getMap('m').set(key, editor.made.length);
    editor.client.doc.getArray<string>('log').push([key]);
  });
};

const keysOf = (doc: Y.Doc): Set<string> => new Set(doc.getMap('m').keys());

describe('a scaled-out instance killed with SIGKILL mid-burst', () => {
  it('loses no edit: committed ones reach the other instance through PostgreSQL, offline ones merge after the reconnect', async () => {
    const databaseUrl = await postgres.database();
    const env = { THEMAKAMER_DATA_KEY: randomBytes(32).toString('base64') };
    const admin = await openAdmin({ dataDir, databaseUrl });
    const names = ['a0', 'a1', 'a2', 'b0', 'b1', 'b2', 'reader'];
    for (const name of names) {
      await addTestUser(admin, name);
      await admin.grant(room, name, 'edit');
    }
    await admin.close();

    const args = ['--database-url', databaseUrl, '--redis-url', redis.url];
    const servers: ServerProcess[] = [];
    const editors: Editor[] = [];
    const clients: TestClient[] = [];
    let balancer: Balancer | null = null;
    let pauser: Redis | null = null;
    try {
      // C is started now but only loads the room at the end, when its reader connects.
      const [a, b, c] = await Promise.all([0, 1, 2].map(() => spawnServer(dataDir, args, { env }))) as [ServerProcess, ServerProcess, ServerProcess];
      servers.push(a, b, c);
      const lb = (balancer = await startBalancer(Number(new URL(a.url).port)));
      for (const name of names.slice(0, 6)) {
        const token = (await login(b.url, name, testPassword)).token;
        const wsUrl = name.startsWith('a') ? `ws://127.0.0.1:${lb.port}` : b.wsUrl;
        const client = newClient(wsUrl, room, token);
        clients.push(client);
        editors.push({ name, client, made: [] });
      }
      await Promise.all(editors.map((e) => e.client.synced));
      const onA = editors.filter((e) => e.name.startsWith('a'));
      const onB = editors.filter((e) => e.name.startsWith('b'));

      // The burst: every client edits every 20 ms, connected or not, until stopped.
      const burst = setInterval(() => editors.forEach(edit), 20);
      try {
        await sleep(1500);
        expect(onB.every((e) => [...keysOf(e.client.doc)].some((k) => k.startsWith('a')))).toBe(true);

        // Redis stops delivering publishes, then A dies: its last commits ring no doorbell.
        pauser = new Redis(redis.url);
        await pauser.call('CLIENT', 'PAUSE', '4000', 'WRITE');
        await sleep(200);
        const killed = a.kill();
        const onBAtKill = keysOf(onB[0]!.client.doc);
        expect(await killed).toBe('SIGKILL');
        // What A relayed to one of its clients was committed. Sockets are closed now: nothing more arrives.
        await waitFor(() => onA.every((e) => !e.client.provider.wsconnected), 2000, "A's clients to notice");
        const committedByA = new Set<string>();
        for (const e of onA) for (const key of keysOf(e.client.doc)) if (key.startsWith('a') && !key.startsWith(`${e.name}:`)) committedByA.add(key);
        // Some of it had not reached B when A died (else this test would not show the database path).
        expect([...committedByA].filter((key) => !onBAtKill.has(key)).length).toBeGreaterThan(0);
        const madeByAAtKill = onA.reduce((n, e) => n + e.made.length, 0);

        // Before the balancer sends anyone to B, B's clients get all of it from PostgreSQL alone.
        await waitFor(() => onB.every((e) => [...committedByA].every((key) => e.client.doc.getMap('m').has(key))), 4000, 'edits committed by A to reach B without Redis');
        expect(onA.every((e) => !e.client.provider.wsconnected)).toBe(true);
        await pauser.call('CLIENT', 'UNPAUSE');

        // The balancer has taken A out: A's clients reconnect to B, carrying what they wrote meanwhile.
        lb.upstream = Number(new URL(b.url).port);
        await waitFor(() => onA.every((e) => e.client.provider.wsconnected), 5000, "A's clients to reach B");
        expect(onA.reduce((n, e) => n + e.made.length, 0)).toBeGreaterThan(madeByAAtKill);
        await sleep(800);
      } finally {
        clearInterval(burst);
      }

      const expected = new Set(editors.flatMap((e) => e.made.map((m) => m.key)));
      const offline = editors.flatMap((e) => e.made.filter((m) => !m.connected).map((m) => m.key));
      expect(offline.length).toBeGreaterThan(10);
      for (const e of editors) await waitFor(() => keysOf(e.client.doc).size === expected.size, 10_000, `every edit in ${e.name}'s doc`);
      for (const e of editors) expect(keysOf(e.client.doc)).toEqual(expected);
      const log = editors[0]!.client.doc.getArray<string>('log').toArray();
      for (const e of editors) expect(e.client.doc.getArray<string>('log').toArray()).toEqual(log);
      expect(new Set(log)).toEqual(expected);

      // A fresh instance loads the room from PostgreSQL: every edit is there, in the same order.
      const reader = newClient(c.wsUrl, room, (await login(c.url, 'reader', testPassword)).token);
      clients.push(reader);
      await reader.synced;
      expect(keysOf(reader.doc)).toEqual(expected);
      expect(reader.doc.getArray<string>('log').toArray()).toEqual(log);
    } finally {
      for (const client of clients) client.destroy();
      pauser?.disconnect();
      await balancer?.close();
      await Promise.all(servers.map((s) => s.stop()));
    }
  }, 45_000);

  it("a killed instance's users disappear from the others' presence within the awareness timeout; a live instance's users stay", async () => {
    const databaseUrl = await postgres.database();
    const env = { THEMAKAMER_DATA_KEY: randomBytes(32).toString('base64') };
    const presenceRoom = 'case:scalecrash000002';
    const admin = await openAdmin({ dataDir, databaseUrl });
    for (const name of ['pa', 'pb', 'pc', 'late']) {
      await addTestUser(admin, name);
      await admin.grant(presenceRoom, name, 'edit');
    }
    await admin.close();
    const args = ['--database-url', databaseUrl, '--redis-url', redis.url];
    const servers: ServerProcess[] = [];
    const clients: TestClient[] = [];
    try {
      const [a, b, c] = await Promise.all([0, 1, 2].map(() => spawnServer(dataDir, args, { env }))) as [ServerProcess, ServerProcess, ServerProcess];
      servers.push(a, b, c);
      const join = async (server: ServerProcess, name: string): Promise<TestClient> => {
        const client = newClient(server.wsUrl, presenceRoom, (await login(server.url, name, testPassword)).token);
        clients.push(client);
        await client.synced;
        client.provider.awareness.setLocalStateField('user', { name });
        return client;
      };
      const onA = await join(a, 'pa');
      const onB = await join(b, 'pb');
      const onC = await join(c, 'pc');
      const seenBy = (client: TestClient): string[] =>
        [...client.provider.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name ?? '').filter(Boolean).sort();
      // Each instance loaded the room after the one before published its user's state: they learn it by asking.
      await waitFor(() => seenBy(onB).join() === 'pa,pb,pc' && seenBy(onC).join() === 'pa,pb,pc', 5000, 'B and C to see everyone');

      const killedAt = Date.now();
      expect(await a.kill()).toBe('SIGKILL');
      onA.provider.disconnect(); // its app is gone with its server; it must not reconnect elsewhere

      // y-protocols drops a state 30 s after its last renewal (clients renew every 15 s), checking every 3 s.
      await waitFor(() => !seenBy(onB).includes('pa'), 45_000, "A's user to leave B's presence");
      // At most 30 s after the last renewal plus one 3 s check, plus a little for a loaded machine.
      expect(Date.now() - killedAt).toBeLessThanOrEqual(36_000);
      // C's user renewed through Redis all along and is still there.
      expect(seenBy(onB)).toEqual(['pb', 'pc']);
      // What B itself holds (not only what its client timed out): a newcomer on B gets pb and pc, never pa.
      const late = await join(b, 'late');
      await waitFor(() => seenBy(late).includes('pc'), 5000, "the newcomer to see C's user");
      expect(seenBy(late)).toEqual(['late', 'pb', 'pc']);
      // C's client times pa out on its own clock (checked every 3 s): it goes there too, within one more check.
      await waitFor(() => !seenBy(onC).includes('pa'), 8000, "A's user to leave C's presence");
    } finally {
      for (const client of clients) client.destroy();
      await Promise.all(servers.map((s) => s.stop()));
    }
  }, 80_000);
});
