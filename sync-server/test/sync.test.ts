/** Two stock y-websocket clients editing one room through the server. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTestUser, login, newClient, newServer, testPassword, waitFor, type TestServer } from './helpers';

const room = 'case:synctest0000000a';

describe('sync between clients', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'anna');
    await addTestUser(t.admin, 'bram');
    await t.admin.grant(room, 'anna', 'edit');
    await t.admin.grant(room, 'bram', 'edit');
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
});
