/**
 * Access changes made through the admin API (its own database connection, as the admin
 * CLI in another process) reach live sockets: revoke closes 4410, disabling a user 4401,
 * a downgrade to view makes further writes drop, a new grant works at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, waitFor, type TestClient, type TestServer } from './helpers';

const room = 'case:revoketest000001';
const closeCode = (client: TestClient): Promise<number> =>
  new Promise((resolve) => client.provider.on('connection-close', (event) => resolve((event as { code: number }).code)));

describe('revoke and grant from the admin side', () => {
  let t: TestServer;
  let token: string;
  beforeEach(async () => {
    t = await newServer({ accessPollMs: 50 });
    await addTestUser(t.admin, 'anna');
    await addTestUser(t.admin, 'bram');
    await t.admin.grant(room, 'anna', 'edit');
    await t.admin.grant(room, 'bram', 'edit');
    token = (await login(t.url, 'anna', testPassword)).token;
  });
  afterEach(() => t.close());

  it('closes open sockets with 4410 within the poll interval', async () => {
    const a = newClient(t.wsUrl, room, token);
    const b = newClient(t.wsUrl, room, token);
    await Promise.all([a.synced, b.synced]);
    const codes = Promise.all([closeCode(a), closeCode(b)]);
    const started = Date.now();
    await t.admin.revoke(room, 'anna');
    expect(await codes).toEqual([4410, 4410]);
    expect(Date.now() - started).toBeLessThan(1000);
    a.destroy();
    b.destroy();
    // And a new connection is refused at once.
    expect((await rawSocket(t.wsUrl, room, token).closed).code).toBe(4403);
  });

  it('closes with 4401 when the user is disabled', async () => {
    const a = newClient(t.wsUrl, room, token);
    await a.synced;
    const code = closeCode(a);
    await t.admin.disableUser('anna');
    expect(await code).toBe(4401);
    a.destroy();
  });

  it('drops writes after a downgrade to view, without disconnecting', async () => {
    const a = newClient(t.wsUrl, room, token);
    const b = newClient(t.wsUrl, room, (await login(t.url, 'bram', testPassword)).token);
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('m').set('before', 1);
    await waitFor(() => b.doc.getMap('m').get('before') === 1, 2000, 'edit before downgrade');
    await t.admin.grant(room, 'anna', 'view');
    await new Promise((resolve) => setTimeout(resolve, 300));
    a.doc.getMap('m').set('after', 1);
    b.doc.getMap('m').set('marker', 1);
    await waitFor(() => a.doc.getMap('m').get('marker') === 1, 2000, 'still reading');
    expect(b.doc.getMap('m').get('after')).toBeUndefined();
    expect(a.provider.wsconnected).toBe(true);
    a.destroy();
    b.destroy();
  });

  it('lets a new grant in at once', async () => {
    const other = 'meeting:revoketest000002';
    expect((await rawSocket(t.wsUrl, other, token).closed).code).toBe(4403);
    await t.admin.grant(other, 'anna', 'edit');
    const a = newClient(t.wsUrl, other, token);
    await a.synced;
    a.destroy();
  });
});
