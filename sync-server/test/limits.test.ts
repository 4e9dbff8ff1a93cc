/** Connection caps per user and per address, and the timeout for sockets that never finish authenticating. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, admitConcurrently, closeAll, login, newServer, rawSocket, testPassword, type TestServer } from './helpers';

const room = 'case:limitstest000001';

async function open(wsUrl: string, token: string): Promise<ReturnType<typeof rawSocket>> {
  const raw = rawSocket(wsUrl, room, token);
  await new Promise((resolve, reject) => {
    raw.socket.once('message', resolve);
    raw.socket.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
  return raw;
}

describe('limits', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await newServer({ limits: { maxConnectionsPerUser: 3, maxConnectionsPerIp: 5, authTimeoutMs: 400 } });
    for (const u of ['anna', 'bram', 'cees']) {
      await addTestUser(t.admin, u);
      await t.admin.grant(room, u, 'edit');
      tokens[u] = (await login(t.url, u, testPassword)).token;
    }
  });
  afterAll(() => t.close());

  it('caps sockets per user with 4429, and frees the slot on close', async () => {
    const open3 = await Promise.all([1, 2, 3].map(() => open(t.wsUrl, tokens.anna ?? '')));
    const fourth = rawSocket(t.wsUrl, room, tokens.anna ?? '');
    const { code, messages } = await fourth.closed;
    expect(code).toBe(4429);
    expect(messages).toHaveLength(0);
    open3[0]?.socket.close();
    await open3[0]?.closed;
    const again = await open(t.wsUrl, tokens.anna ?? '');
    for (const s of [again, ...open3.slice(1)]) s.socket.close();
    await Promise.all([again, ...open3.slice(1)].map((s) => s.closed));
  });

  it('caps sockets per address with 4429', async () => {
    const sockets = [
      ...(await Promise.all([1, 2, 3].map(() => open(t.wsUrl, tokens.anna ?? '')))),
      ...(await Promise.all([1, 2].map(() => open(t.wsUrl, tokens.bram ?? '')))),
    ];
    expect((await rawSocket(t.wsUrl, room, tokens.cees ?? '').closed).code).toBe(4429);
    for (const s of sockets) s.socket.close();
    await Promise.all(sockets.map((s) => s.closed));
  });

  /** A room not loaded yet (its first sockets wait for the load), granted to every test user. */
  let fresh = 0;
  async function unloadedRoom(): Promise<string> {
    const name = `case:limitsrace${String(++fresh).padStart(6, '0')}`;
    for (const u of ['anna', 'bram', 'cees']) await t.admin.grant(name, u, 'edit');
    return name;
  }
  const attempts = (name: string, users: string[]) => users.map((u) => ({ wsUrl: t.wsUrl, room: name, token: tokens[u] ?? '' }));

  it('admits exactly the per-user cap of many concurrent connects, however slow the admission', async () => {
    const { admitted, refused } = await admitConcurrently(attempts(await unloadedRoom(), Array(12).fill('anna')));
    expect(admitted).toHaveLength(3);
    expect(refused).toEqual(Array(9).fill(4429));
    await closeAll(admitted);
  });

  it('admits exactly the per-address cap of many concurrent connects', async () => {
    // Three sockets per user (their cap): only the address cap of 5 can refuse.
    const { admitted, refused } = await admitConcurrently(attempts(await unloadedRoom(), ['anna', 'bram', 'cees', 'anna', 'bram', 'cees', 'anna', 'bram', 'cees']));
    expect(admitted).toHaveLength(5);
    expect(refused).toEqual(Array(4).fill(4429));
    await closeAll(admitted);
  });

  it('gives every slot back: after many admitted, refused, unauthorized and forbidden sockets the caps still admit as many', async () => {
    for (let round = 0; round < 10; round++) {
      const name = await unloadedRoom();
      // Even rounds: one over the user cap; odd rounds: refused before the user cap (five in all, the address cap).
      const odd = round % 2 === 1;
      const { admitted, refused } = await admitConcurrently(odd
        ? [...attempts(name, ['anna', 'anna', 'anna']), { wsUrl: t.wsUrl, room: name, token: 'geen-geldig-token' }, { wsUrl: t.wsUrl, room: 'case:limitsnogrant0001', token: tokens.bram ?? '' }]
        : attempts(name, ['anna', 'anna', 'anna', 'anna']));
      expect(admitted).toHaveLength(3);
      expect(refused.sort()).toEqual(odd ? [4401, 4403] : [4429]);
      await closeAll(admitted);
    }
    // The server sees the closes a moment after the clients do.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const perUser = await admitConcurrently(attempts(await unloadedRoom(), Array(6).fill('anna')));
    expect(perUser.admitted).toHaveLength(3);
    await closeAll(perUser.admitted);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const perAddress = await admitConcurrently(attempts(await unloadedRoom(), ['anna', 'bram', 'cees', 'anna', 'bram', 'cees']));
    expect(perAddress.admitted).toHaveLength(5);
    await closeAll(perAddress.admitted);
  });

  it('drops a connection that never completes its request within the auth timeout', async () => {
    const started = Date.now();
    const silent = connect(t.server.port, '127.0.0.1');
    const partial = connect(t.server.port, '127.0.0.1', () => partial.write(`GET /${room}?token=x HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n`));
    const closedAt = (s: ReturnType<typeof connect>) => new Promise<number>((resolve) => { s.on('error', () => {}); s.on('close', () => resolve(Date.now() - started)); });
    const [a, b] = await Promise.all([closedAt(silent), closedAt(partial)]);
    expect(a).toBeLessThan(3000);
    expect(b).toBeLessThan(3000);
  });

  it('keeps an admitted socket open beyond the auth timeout', async () => {
    const raw = await open(t.wsUrl, tokens.cees ?? '');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.socket.close();
    await raw.closed;
  });
});
