/** View access: sync and awareness work, but updates from the connection are dropped, never stored or relayed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, login, newClient, newServer, testPassword, waitFor, type TestServer } from './helpers';

const room = 'case:viewtest00000001';

describe('view access', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'editor');
    await addTestUser(t.admin, 'viewer');
    await addTestUser(t.admin, 'observer', 'waarnemer');
    await t.admin.grant(room, 'editor', 'edit');
    await t.admin.grant(room, 'viewer', 'view');
    // An edit grant to an observer is capped to view.
    await t.admin.grant(room, 'observer', 'edit');
  });
  afterAll(() => t.close());

  for (const username of ['viewer', 'observer']) {
    it(`${username}: reads live, writes are dropped, awareness flows both ways`, async () => {
      const editor = newClient(t.wsUrl, room, (await login(t.url, 'editor', testPassword)).token);
      const reader = newClient(t.wsUrl, room, (await login(t.url, username, testPassword)).token);
      await Promise.all([editor.synced, reader.synced]);

      editor.doc.getText('plan').insert(0, `van editor voor ${username}`);
      await waitFor(() => reader.doc.getText('plan').toString().includes(`voor ${username}`), 2000, 'read');

      reader.doc.getMap('meta').set('hack', username);
      reader.provider.awareness.setLocalStateField('user', { name: username });
      await waitFor(() => [...editor.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === username), 2000, 'awareness from reader');
      editor.provider.awareness.setLocalStateField('user', { name: 'editor' });
      await waitFor(() => [...reader.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'editor'), 2000, 'awareness to reader');
      expect(editor.doc.getMap('meta').get('hack')).toBeUndefined();

      // A fresh client (so nothing comes from a peer's memory) sees what the server stored.
      const fresh = newClient(t.wsUrl, room, (await login(t.url, 'editor', testPassword)).token);
      await fresh.synced;
      expect(fresh.doc.getMap('meta').get('hack')).toBeUndefined();
      expect(fresh.doc.getText('plan').toString()).toContain(`voor ${username}`);
      for (const c of [editor, reader, fresh]) c.destroy();
    });
  }

  it('reports the capped access in the room list', async () => {
    const { token } = await login(t.url, 'observer', testPassword);
    const rooms = await (await fetch(`${t.url}/api/rooms`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(rooms).toEqual({ rooms: [{ room, access: 'view', manage: false }, { room: expect.stringMatching(/^measures:/), access: 'view', manage: false }] });
  });
});
