/**
 * Several sync-server instances on one PostgreSQL and one Redis, started by this file,
 * with clients split across them over real sockets: edits and presence cross instances,
 * access changes made by the admin API reach every instance, and a Redis outage loses
 * nothing (the instances read what they missed from the database).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openAdmin, type Admin } from '../src/cli/admin';
import { silentLogger } from '../src/log';
import { FanoutHub, type RoomMessage } from '../src/rooms/fanout';
import { startServer, type RunningServer, type ServerOptions } from '../src/server';
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from './backends';
import { addTestUser, login, newClient, testPassword, waitFor, type TestClient } from './helpers';

let postgres: TestPostgres;
let redis: TestRedis;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  await postgres?.stop();
});

interface Cluster {
  servers: RunningServer[];
  admin: Admin;
  databaseUrl: string;
  dataKey: string;
  start(): Promise<RunningServer>;
  token(username: string, server?: RunningServer): Promise<string>;
}

const open: { close(): Promise<void> }[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];

/**
 * Instances on a fresh database. The head poll (the backstop for lost messages) is off
 * unless asked for, so a passing test shows the path it means: Redis, or the poll.
 */
async function cluster(instances: number, options: Partial<ServerOptions> = {}): Promise<Cluster> {
  const databaseUrl = await postgres.database();
  const dataKey = randomBytes(32).toString('base64');
  const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-scale-'));
  dirs.push(dataDir);
  const start = async (): Promise<RunningServer> => {
    const server = await startServer({
      dataDir, databaseUrl, redisUrl: redis.url, dataKey, port: 0, logger: silentLogger,
      accessPollMs: 50, headPollMs: 3_600_000, requireMfa: false, ...options,
    });
    open.push(server);
    c.servers.push(server);
    return server;
  };
  const admin = await openAdmin({ dataDir, databaseUrl });
  open.push(admin);
  const c: Cluster = {
    servers: [], admin, databaseUrl, dataKey, start,
    async token(username, server = c.servers[0]!) {
      return (await login(server.url, username, testPassword)).token;
    },
  };
  for (let i = 0; i < instances; i++) await start();
  return c;
}

const client = (server: RunningServer, room: string, token: string): TestClient => {
  const created = newClient(server.wsUrl, room, token);
  clients.push(created);
  return created;
};

/** Anna on the first instance and Bram on the second, both synced in `room` (Bram with `bramAccess`). */
async function annaOnAndBramOnB(c: Cluster, room: string, bramAccess: 'edit' | 'view' = 'edit'): Promise<{ onA: TestClient; onB: TestClient }> {
  const [a, b] = c.servers as [RunningServer, RunningServer];
  await addTestUser(c.admin, 'anna');
  await addTestUser(c.admin, 'bram');
  await c.admin.grant(room, 'anna', 'edit');
  await c.admin.grant(room, 'bram', bramAccess);
  const onA = client(a, room, await c.token('anna', a));
  const onB = client(b, room, await c.token('bram', b));
  await Promise.all([onA.synced, onB.synced]);
  return { onA, onB };
}

const closeCode = (c: TestClient): Promise<number> =>
  new Promise((resolve) => c.provider.on('connection-close', (event) => resolve((event as { code: number }).code)));

const text = (c: TestClient): string => c.doc.getText('t').toString();

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.allSettled(open.splice(0).reverse().map((o) => o.close()));
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('instances on PostgreSQL and Redis', () => {
  it('a live edit on one instance reaches a client of another, and a new instance loads it all', async () => {
    const c = await cluster(2);
    const room = 'case:scaleout00000001';
    const { onA, onB } = await annaOnAndBramOnB(c, room);
    onA.doc.getText('t').insert(0, 'van A ');
    await waitFor(() => text(onB) === 'van A ', 3000, 'A to B');
    onB.doc.getText('t').insert(text(onB).length, 'en van B');
    await waitFor(() => text(onA) === 'van A en van B', 3000, 'B to A');

    const fresh = await c.start();
    const onC = client(fresh, room, await c.token('anna', fresh));
    await onC.synced;
    expect(text(onC)).toBe('van A en van B');
  });

  it('five writers on two instances: every edit is present everywhere', async () => {
    const c = await cluster(2, { compactAfterUpdates: 15 });
    const room = 'case:scaleout00000002';
    const writers: TestClient[] = [];
    for (let i = 0; i < 5; i++) {
      await addTestUser(c.admin, `schrijver${i}`);
      await c.admin.grant(room, `schrijver${i}`, 'edit');
      const server = c.servers[i % 2]!;
      writers.push(client(server, room, await c.token(`schrijver${i}`, server)));
    }
    await Promise.all(writers.map((w) => w.synced));
    for (let round = 0; round < 20; round++) {
      writers.forEach((w, i) => w.doc.getMap('m').set(`w${i}-${round}`, round));
      if (round % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const expected = 5 * 20;
    for (const w of writers) await waitFor(() => w.doc.getMap('m').size === expected, 10_000, 'all edits everywhere');
    const states = writers.map((w) => Y.encodeStateVector(w.doc).toString());
    expect(new Set(states).size).toBe(1);
    // Compaction ran under the writers (15 rows per snapshot) and lost nothing: a fresh instance sees it all.
    const fresh = await c.start();
    await addTestUser(c.admin, 'lezer');
    await c.admin.grant(room, 'lezer', 'view');
    const reader = client(fresh, room, await c.token('lezer', fresh));
    await reader.synced;
    expect(reader.doc.getMap('m').size).toBe(expected);
  });

  it('view-only on B cannot change what A serves', async () => {
    const c = await cluster(2);
    const { onA: editor, onB: viewer } = await annaOnAndBramOnB(c, 'case:scaleout00000003', 'view');
    viewer.doc.getMap('m').set('poging', 'mag niet');
    editor.doc.getMap('m').set('echt', 'ja');
    await waitFor(() => viewer.doc.getMap('m').get('echt') === 'ja', 3000, 'edit reaches viewer');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(editor.doc.getMap('m').has('poging')).toBe(false);
  });

  it('a revoke by the admin API closes the socket on the other instance with 4410 within 1 s', async () => {
    const c = await cluster(2);
    const b = c.servers[1]!;
    const room = 'case:scaleout00000004';
    await addTestUser(c.admin, 'anna');
    await c.admin.grant(room, 'anna', 'edit');
    const onB = client(b, room, await c.token('anna', b));
    await onB.synced;
    const code = closeCode(onB);
    const started = Date.now();
    await c.admin.revoke(room, 'anna');
    expect(await code).toBe(4410);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('presence crosses instances and leaves with the connection', async () => {
    const c = await cluster(2);
    const room = 'case:scaleout00000005';
    const { onA, onB } = await annaOnAndBramOnB(c, room);
    onA.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const annaId = onA.doc.clientID;
    await waitFor(() => (onB.provider.awareness.getStates().get(annaId) as { user?: { name: string } } | undefined)?.user?.name === 'Anna', 3000, 'presence A to B');
    onA.provider.disconnect();
    await waitFor(() => !onB.provider.awareness.getStates().has(annaId), 3000, 'presence gone');
  });

  it('an instance that loads a room later asks the others who is there: presence arrives at once, not at the next renewal', async () => {
    const c = await cluster(2);
    const [a, b] = c.servers as [RunningServer, RunningServer];
    const room = 'case:scaleout00000009';
    await addTestUser(c.admin, 'anna');
    await addTestUser(c.admin, 'bram');
    await c.admin.grant(room, 'anna', 'edit');
    await c.admin.grant(room, 'bram', 'edit');
    const onA = client(a, room, await c.token('anna', a));
    await onA.synced;
    // Anna's presence is published while no other instance has the room loaded: nobody hears it.
    onA.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Clients renew their state only every 15 s; Bram must not wait for that.
    const onB = client(b, room, await c.token('bram', b));
    await onB.synced;
    await waitFor(() => (onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Anna', 2000, "Anna's presence on B");
  });

  it('Redis killed and restarted mid-session: edits made meanwhile arrive after the reconnect', async () => {
    const c = await cluster(2);
    const room = 'case:scaleout00000007';
    const { onA, onB } = await annaOnAndBramOnB(c, room);
    await redis.kill();
    try {
      onA.doc.getMap('m').set('tijdens-a', 1);
      onB.doc.getMap('m').set('tijdens-b', 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // No head poll here: nothing crosses while Redis is down…
      expect(onB.doc.getMap('m').has('tijdens-a')).toBe(false);
    } finally {
      await redis.restart();
    }
    // …and the reconnect makes every instance catch up from the database.
    await waitFor(() => onB.doc.getMap('m').get('tijdens-a') === 1 && onA.doc.getMap('m').get('tijdens-b') === 1, 10_000, 'after reconnect');
    onA.doc.getMap('m').set('na', 1);
    await waitFor(() => onB.doc.getMap('m').get('na') === 1, 5000, 'live again');
  });

  it('with Redis down the head poll carries edits across, and all converges when it returns', async () => {
    const c = await cluster(2, { headPollMs: 100 });
    const room = 'case:scaleout00000006';
    const { onA, onB } = await annaOnAndBramOnB(c, room);
    onA.doc.getMap('m').set('voor', 1);
    await waitFor(() => onB.doc.getMap('m').get('voor') === 1, 3000, 'before outage');
    await redis.kill();
    try {
      onA.doc.getMap('m').set('tijdens-a', 1);
      onB.doc.getMap('m').set('tijdens-b', 1);
      // Without Redis the head poll carries the edits across.
      await waitFor(() => onB.doc.getMap('m').get('tijdens-a') === 1 && onA.doc.getMap('m').get('tijdens-b') === 1, 5000, 'during outage');
    } finally {
      await redis.restart();
    }
    onA.doc.getMap('m').set('na', 1);
    await waitFor(() => onB.doc.getMap('m').get('na') === 1, 5000, 'after restart');
    expect(onA.doc.getMap('m').toJSON()).toEqual(onB.doc.getMap('m').toJSON());
  });

  it('three instances and the admin API append to one audit chain that verifies', async () => {
    const c = await cluster(3);
    await addTestUser(c.admin, 'anna');
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 30; i++) {
      work.push(login(c.servers[i % 3]!.url, 'anna', testPassword));
      if (i % 3 === 0) work.push(c.admin.grant(`case:auditchain${String(i).padStart(8, '0')}`, 'anna', 'view'));
    }
    await Promise.all(work);
    const verdict = await c.admin.auditVerify();
    expect(verdict.ok).toBe(true);
    expect(verdict.entries).toBeGreaterThanOrEqual(30 + 10);
  });
});

describe('a fan-out that loses messages', () => {
  it('an instance that sees a gap in seqs reads the missing updates from the database', async () => {
    // Every third message is dropped on its way: the receivers must notice by seq alone
    // (no head poll, no reconnect) and converge.
    class LossyHub extends FanoutHub {
      sent = 0;
      dropped = 0;
      override deliver(room: string, message: RoomMessage): void {
        if (message.kind === 'updates' && ++this.sent % 3 === 0) {
          this.dropped++;
          return;
        }
        super.deliver(room, message);
      }
    }
    const hub = new LossyHub();
    const c = await cluster(0);
    for (let i = 0; i < 2; i++) {
      const server = await startServer({ dataDir: dirs[0]!, databaseUrl: c.databaseUrl, dataKey: c.dataKey, fanoutHub: hub, port: 0, logger: silentLogger, headPollMs: 3_600_000, requireMfa: false });
      open.push(server);
      c.servers.push(server);
    }
    const room = 'case:scaleout00000008';
    const { onA, onB } = await annaOnAndBramOnB(c, room);
    for (let i = 0; i < 30; i++) {
      (i % 2 ? onA : onB).doc.getMap('m').set(`k${i}`, i);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // The last message may be the lost one, with nothing after it to reveal the gap: one more edit.
    onA.doc.getMap('m').set('laatste', 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    onB.doc.getMap('m').set('laatste-b', 1);
    await waitFor(() => onA.doc.getMap('m').size === 32 && onB.doc.getMap('m').size === 32, 5000, 'convergence despite lost messages');
    expect(hub.dropped).toBeGreaterThan(3);
  });
});
