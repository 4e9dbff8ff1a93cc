/** Two stock y-websocket clients editing one room through the server. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, waitFor, type TestServer } from './helpers';

const room = 'case:synctest0000000a';

describe('sync between clients', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'anna');
    await addTestUser(t.admin, 'bram');
    await t.admin.grant(room, 'anna', 'edit');
    await t.admin.grant(room, 'bram', 'edit');
    await addTestUser(t.admin, 'cas');
    await t.admin.grant(room, 'cas', 'edit');
  });
  afterEach(() => t.close());

  it('relays edits both ways and serves healthz', async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const a = newClient(t.wsUrl, room, (await login(t.url, 'anna', testPassword)).token);
    const b = newClient(t.wsUrl, room, (await login(t.url, 'bram', testPassword)).token);
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('t').insert(0, 'hallo');
    await waitFor(() => b.doc.getText('t').toString() === 'hallo', 3000, 'a → b');
    b.doc.getMap('meta').set('label', 'Casus X (fictief)');
    await waitFor(() => a.doc.getMap('meta').get('label') === 'Casus X (fictief)', 3000, 'b → a');
    a.destroy();
    b.destroy();
  });

  it('gives a late joiner the full state', async () => {
    const token = (await login(t.url, 'anna', testPassword)).token;
    const a = newClient(t.wsUrl, room, token);
    await a.synced;
    a.doc.getArray('list').push([1, 2, 3]);
    const b = newClient(t.wsUrl, room, (await login(t.url, 'bram', testPassword)).token);
    await b.synced;
    await waitFor(() => b.doc.getArray('list').length === 3, 3000, 'late state');
    a.destroy();
    b.destroy();
  });

  it('relays bursts from two writers to every peer in order, never back to their writer', async () => {
    // Bursts queue while a commit runs and are relayed as batches (one write per connection).
    const peer = async (username: string) => {
      const { socket } = rawSocket(t.wsUrl, room, (await login(t.url, username, testPassword)).token);
      const edits: [number, number][] = [];
      let synced = false;
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(data);
        if (decoding.readVarUint(decoder) !== 0) return;
        const step = decoding.readVarUint(decoder);
        if (step === syncProtocol.messageYjsSyncStep2) synced = true;
        if (step !== syncProtocol.messageYjsUpdate) return;
        const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
        for (const [client, from] of meta.from) for (let clock = from; clock < meta.to.get(client)!; clock++) edits.push([client, clock]);
      });
      await new Promise((resolve) => socket.once('open', resolve));
      const doc = new Y.Doc();
      const hello = encoding.createEncoder();
      encoding.writeVarUint(hello, 0);
      syncProtocol.writeSyncStep1(hello, doc);
      socket.send(encoding.toUint8Array(hello));
      await waitFor(() => synced, 3000, `${username} synced`);
      const burst = (count: number): void => {
        const updates: Uint8Array[] = [];
        doc.on('update', (update: Uint8Array) => updates.push(update));
        for (let i = 1; i <= count; i++) doc.getMap('m').set(username, i);
        for (const update of updates) {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, 0);
          syncProtocol.writeUpdate(encoder, update);
          socket.send(encoding.toUint8Array(encoder));
        }
      };
      return { socket, edits, client: doc.clientID, burst };
    };
    const [a, b, c] = await Promise.all([peer('anna'), peer('bram'), peer('cas')]);
    a.burst(150);
    b.burst(150);
    const clocks = (edits: [number, number][], client: number): number[] => edits.filter(([id]) => id === client).map(([, clock]) => clock);
    const all = Array.from({ length: 150 }, (_, i) => i);
    await waitFor(() => c.edits.length === 300 && a.edits.length === 150 && b.edits.length === 150, 5000, 'every edit at every peer');
    expect(clocks(c.edits, a.client)).toEqual(all);
    expect(clocks(c.edits, b.client)).toEqual(all);
    expect(a.edits.every(([id]) => id === b.client)).toBe(true);
    expect(clocks(a.edits, b.client)).toEqual(all);
    expect(clocks(b.edits, a.client)).toEqual(all);
    for (const p of [a, b, c]) p.socket.close();
  });
});
