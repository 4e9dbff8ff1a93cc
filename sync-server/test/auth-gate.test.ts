/** The WebSocket auth gate: bad tokens get 4401, missing grants 4403, and neither gets a byte of content. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, waitFor, type TestServer } from './helpers';

const room = 'case:gatetest00000001';
const secret = 'Fictief geheim adres Teststraat 1';

describe('auth gate', () => {
  let t: TestServer;
  let annaToken: string;
  beforeAll(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'anna');
    await addTestUser(t.admin, 'bram');
    await t.admin.grant(room, 'anna', 'edit');
    annaToken = (await login(t.url, 'anna', testPassword)).token;
    const writer = newClient(t.wsUrl, room, annaToken);
    await writer.synced;
    writer.doc.getText('notes').insert(0, secret);
    await waitFor(() => writer.provider.wsconnected, 2000);
    // Let the server store it before the writer leaves.
    await new Promise((resolve) => setTimeout(resolve, 100));
    writer.destroy();
  });
  afterAll(() => t.close());

  it('closes 4401 without a token, and sends nothing', async () => {
    const { code, messages } = await rawSocket(t.wsUrl, room, null).closed;
    expect(code).toBe(4401);
    expect(messages).toHaveLength(0);
  });

  it('closes 4401 for an unknown token', async () => {
    const { code, messages } = await rawSocket(t.wsUrl, room, 'x'.repeat(43)).closed;
    expect(code).toBe(4401);
    expect(messages).toHaveLength(0);
  });

  it('closes 4401 for an expired token', async () => {
    const short = await newServer({ sessionTtlMs: 300 });
    try {
      await addTestUser(short.admin, 'anna');
      await short.admin.grant(room, 'anna', 'edit');
      const { token } = await login(short.url, 'anna', testPassword);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const { code, messages } = await rawSocket(short.wsUrl, room, token).closed;
      expect(code).toBe(4401);
      expect(messages).toHaveLength(0);
    } finally {
      await short.close();
    }
  });

  it('closes a live socket with 4401 when its session expires', async () => {
    const short = await newServer({ sessionTtlMs: 800 });
    try {
      await addTestUser(short.admin, 'anna');
      await short.admin.grant(room, 'anna', 'edit');
      const { token } = await login(short.url, 'anna', testPassword);
      const raw = rawSocket(short.wsUrl, room, token);
      await new Promise((resolve) => raw.socket.once('message', resolve));
      const { code } = await raw.closed;
      expect(code).toBe(4401);
    } finally {
      await short.close();
    }
  });

  it('closes 4403 for a user without a grant, and sends nothing', async () => {
    const { token } = await login(t.url, 'bram', testPassword);
    const { code, messages } = await rawSocket(t.wsUrl, room, token).closed;
    expect(code).toBe(4403);
    expect(messages).toHaveLength(0);
  });

  it('closes 4403 for a room name that is not a room', async () => {
    for (const name of ['case:../../etc', 'meeting:', 'board:abcdefgh12', 'case:ABCDEFGH12']) {
      const { code, messages } = await rawSocket(t.wsUrl, name, annaToken).closed;
      expect(code).toBe(4403);
      expect(messages).toHaveLength(0);
    }
  });

  it('lets a granted user in with the content', async () => {
    const reader = newClient(t.wsUrl, room, annaToken);
    await reader.synced;
    await waitFor(() => reader.doc.getText('notes').toString() === secret, 2000, 'content');
    reader.destroy();
  });

  it('accepts the room name plain as well as URL-encoded', async () => {
    const plain = new WebSocket(`${t.wsUrl}/${room}?token=${annaToken}`);
    const first = await new Promise<Buffer>((resolve, reject) => {
      plain.once('message', (data) => resolve(data as Buffer));
      plain.once('close', (code) => reject(new Error(`closed ${code}`)));
    });
    expect(first[0]).toBe(0); // sync step 1 from the server
    plain.close();
  });
});
