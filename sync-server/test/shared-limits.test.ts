/**
 * Login rate limits and connection caps count across instances: two instances on a real
 * PostgreSQL and a real Redis (started for this file), with small limits. Failed logins on
 * A and B count together; a user's connection cap holds over both. Each instance alone is
 * under the limit in these tests, so only shared counting refuses.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAdmin, type Admin } from '../src/cli/admin';
import { silentLogger } from '../src/log';
import { startServer, type RunningServer } from '../src/server';
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from './backends';
import { addTestUser, admitConcurrently, closeAll, login, rawSocket, testPassword } from './helpers';

let postgres: TestPostgres;
let redis: TestRedis;
const open: { close(): Promise<void> }[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  await postgres?.stop();
});
afterEach(async () => {
  await Promise.allSettled(open.splice(0).reverse().map((o) => o.close()));
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const room = 'case:sharedlimits0001';

/** Two instances A and B on one database and one Redis (or, with `redis: false`, one instance A without Redis as B too). */
async function twoInstances(options: { redis?: boolean } = {}): Promise<{ a: RunningServer; b: RunningServer; admin: Admin }> {
  const databaseUrl = await postgres.database();
  const dataKey = randomBytes(32).toString('base64');
  const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-limits-'));
  dirs.push(dataDir);
  const start = async (): Promise<RunningServer> => {
    const server = await startServer({
      dataDir, databaseUrl, redisUrl: options.redis === false ? null : redis.url, dataKey, port: 0, logger: silentLogger, requireMfa: false,
      limits: { loginAttemptsPerUser: 4, loginAttemptsPerIp: 1000, loginWindowMs: 60_000, maxConnectionsPerUser: 3, maxConnectionsPerIp: 1000 },
    });
    open.push(server);
    return server;
  };
  const admin = await openAdmin({ dataDir, databaseUrl });
  open.push(admin);
  if (options.redis === false) {
    const a = await start();
    return { a, b: a, admin };
  }
  return { a: await start(), b: await start(), admin };
}

const tryLogin = async (url: string, username: string, password: string): Promise<number> =>
  (await fetch(`${url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })).status;

/** Opens a socket and waits until the server greets it (admitted), or rejects with its close code. */
async function admitted(wsUrl: string, token: string): Promise<ReturnType<typeof rawSocket>> {
  const raw = rawSocket(wsUrl, room, token);
  await new Promise((resolve, reject) => {
    raw.socket.once('message', resolve);
    raw.socket.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
  return raw;
}

describe('limits shared by instances through Redis', () => {
  it('failed logins on A and B count together and lock after the shared limit', async () => {
    const { a, b, admin } = await twoInstances();
    await addTestUser(admin, 'anna');
    // Two failures on each instance: four in all, the limit.
    for (const server of [a, b, a, b]) expect(await tryLogin(server.url, 'anna', 'verkeerd-wachtwoord')).toBe(401);
    // Locked on both, even with the right password.
    expect(await tryLogin(a.url, 'anna', testPassword)).toBe(429);
    expect(await tryLogin(b.url, 'anna', testPassword)).toBe(429);
    // Another user is not affected.
    await addTestUser(admin, 'bram');
    expect(await tryLogin(b.url, 'bram', testPassword)).toBe(200);
  }, 60_000);

  it("a user's connection cap holds across A and B, and a closed connection frees its slot everywhere", async () => {
    const { a, b, admin } = await twoInstances();
    await addTestUser(admin, 'cees');
    await admin.grant(room, 'cees', 'edit');
    const token = (await login(a.url, 'cees', testPassword)).token;
    const onA = [await admitted(a.wsUrl, token), await admitted(a.wsUrl, token)];
    const onB = await admitted(b.wsUrl, token);
    // Three in all, the cap: a fourth is refused on either instance.
    expect((await rawSocket(b.wsUrl, room, token).closed).code).toBe(4429);
    expect((await rawSocket(a.wsUrl, room, token).closed).code).toBe(4429);
    onA[0]!.socket.close();
    await onA[0]!.closed;
    let again: ReturnType<typeof rawSocket> | null = null;
    for (let i = 0; i < 50 && !again; i++) {
      again = await admitted(b.wsUrl, token).catch(() => null);
      if (!again) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(again).not.toBeNull();
    for (const s of [again!, onA[1]!, onB]) s.socket.close();
    await Promise.all([again!, onA[1]!, onB].map((s) => s.closed));
  }, 60_000);

  it('while Redis is down, logins and sockets still work and each instance limits on its own', async () => {
    const { a, b, admin } = await twoInstances();
    await addTestUser(admin, 'dirk');
    await admin.grant(room, 'dirk', 'edit');
    await redis.kill();
    try {
      const started = Date.now();
      const token = (await login(b.url, 'dirk', testPassword)).token;
      (await admitted(b.wsUrl, token)).socket.close();
      for (let i = 0; i < 4; i++) expect(await tryLogin(a.url, 'dirk', 'verkeerd-wachtwoord')).toBe(401);
      expect(await tryLogin(a.url, 'dirk', testPassword)).toBe(429);
      // B did not see A's failures: the limits hold per instance until Redis is back.
      expect(await tryLogin(b.url, 'dirk', testPassword)).toBe(200);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await redis.restart();
    }
  }, 60_000);

  describe('concurrent connects take the cap as one reservation', () => {
    /** `n` sockets of one user opened at once, alternating between the instances. */
    const concurrently = (servers: RunningServer[], token: string, n: number, name = room) =>
      admitConcurrently(Array.from({ length: n }, (_, i) => ({ wsUrl: servers[i % servers.length]!.wsUrl, room: name, token })));
    // The server sees a client's close a moment after the client does.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

    it('one instance on PostgreSQL (its admission waits on the database): exactly the cap of 12 concurrent connects', async () => {
      const { a, admin } = await twoInstances({ redis: false });
      await addTestUser(admin, 'elif');
      await admin.grant(room, 'elif', 'edit');
      const token = (await login(a.url, 'elif', testPassword)).token;
      const { admitted, refused } = await concurrently([a], token, 12);
      expect(admitted).toHaveLength(3);
      expect(refused).toEqual(Array(9).fill(4429));
      await closeAll(admitted);
    }, 60_000);

    it('split over two instances with Redis: exactly the cap, and every slot comes back after close', async () => {
      const { a, b, admin } = await twoInstances();
      await addTestUser(admin, 'fenna');
      await admin.grant(room, 'fenna', 'edit');
      const token = (await login(a.url, 'fenna', testPassword)).token;
      for (let round = 0; round < 8; round++) {
        const { admitted, refused } = await concurrently([a, b], token, 12);
        expect(admitted).toHaveLength(3);
        expect(refused).toEqual(Array(9).fill(4429));
        await closeAll(admitted);
        await settle();
      }
      // Refused for another reason after the address slot was taken: no slot stays behind.
      expect((await admitConcurrently([a, b, a, b].map((s) => ({ wsUrl: s.wsUrl, room, token: 'geen-geldig-token' })))).refused).toEqual([4401, 4401, 4401, 4401]);
      await settle();
      const last = await concurrently([b, a], token, 6);
      expect(last.admitted).toHaveLength(3);
      await closeAll(last.admitted);
    }, 60_000);

    it('while Redis is down, each instance admits exactly the cap on its own', async () => {
      const { a, b, admin } = await twoInstances();
      await addTestUser(admin, 'gijs');
      await admin.grant(room, 'gijs', 'edit');
      const token = (await login(a.url, 'gijs', testPassword)).token;
      await redis.kill();
      try {
        const onA = await concurrently([a], token, 8);
        const onB = await concurrently([b], token, 8);
        expect([onA.admitted.length, onB.admitted.length]).toEqual([3, 3]);
        await closeAll([...onA.admitted, ...onB.admitted]);
        await settle();
        // Slots taken while Redis was down come back too.
        const again = await concurrently([a], token, 8);
        expect(again.admitted).toHaveLength(3);
        await closeAll(again.admitted);
      } finally {
        await redis.restart();
      }
    }, 60_000);
  });
});
