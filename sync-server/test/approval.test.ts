/** Approving a meeting: meta written by the server (stored, relayed), frozen copies of meeting and agenda cases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../src/log';
import { startServer } from '../src/server';
import { addTestUser, login, newClient, newServer, testPassword, waitFor, type TestClient, type TestServer } from './helpers';

const meeting = 'meeting:approvetest00001';
const caseA = 'case:approvetest00000a';
const caseB = 'case:approvetest00000b';
const secretCase = 'case:approvetest00000c';

describe('meeting approval and frozen copies', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  let chairClient: TestClient;
  const post = (who: string, path: string) => fetch(`${t.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokens[who]}` } });
  const get = (who: string, path: string) => fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${tokens[who]}` } });

  beforeAll(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'voorzitter', 'procesregisseur');
    await addTestUser(t.admin, 'notulist', 'secretaris');
    await addTestUser(t.admin, 'buiten', 'deelnemer');
    for (const r of [meeting, caseA, caseB]) {
      await t.admin.grant(r, 'voorzitter', 'edit');
      await t.admin.grant(r, 'notulist', 'edit');
    }
    await t.admin.grant(secretCase, 'voorzitter', 'edit');
    await t.admin.grant(caseA, 'buiten', 'view');
    for (const u of ['voorzitter', 'notulist', 'buiten']) tokens[u] = (await login(t.url, u, testPassword)).token;

    for (const [r, text] of [[caseA, 'notitie A (fictief)'], [caseB, 'notitie B (fictief)']] as const) {
      const c = newClient(t.wsUrl, r, tokens.voorzitter ?? '');
      await c.synced;
      c.doc.getText('notes').insert(0, text);
      await new Promise((resolve) => setTimeout(resolve, 50));
      c.destroy();
    }
    chairClient = newClient(t.wsUrl, meeting, tokens.voorzitter ?? '');
    await chairClient.synced;
    chairClient.doc.transact(() => {
      chairClient.doc.getMap('meta').set('chair', 'voorzitter');
      chairClient.doc.getMap('meta').set('status', 'concept');
      chairClient.doc.getArray('agenda').push([caseA, caseB, caseA, 'geen-id', 'case:bestaatniet00001']);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
  afterAll(async () => {
    chairClient.destroy();
    await t.close();
  });

  it('refuses anyone but the chair with edit access', async () => {
    expect(await (await post('notulist', `/api/meetings/${encodeURIComponent(meeting)}/approve`)).json()).toEqual({ error: 'not_chair' });
    expect((await post('buiten', `/api/meetings/${encodeURIComponent(meeting)}/approve`)).status).toBe(403);
    expect((await post('voorzitter', `/api/meetings/${encodeURIComponent(caseA)}/approve`)).status).toBe(404);
  });

  it('approves: meta relayed to clients, frozen copies of the meeting and each agenda case once', async () => {
    const watcher = newClient(t.wsUrl, meeting, tokens.notulist ?? '');
    await watcher.synced;
    const response = await post('voorzitter', `/api/meetings/${encodeURIComponent(meeting)}/approve`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { version: number; approvedAt: string; frozen: { id: string; room: string; sha256: string }[] };
    expect(body.version).toBe(1);
    expect(body.frozen.map((f) => f.room)).toEqual([meeting, caseA, caseB]);
    await waitFor(() => watcher.doc.getMap('meta').get('status') === 'vastgesteld', 2000, 'status relayed');
    expect(watcher.doc.getMap('meta').toJSON()).toMatchObject({ status: 'vastgesteld', approvedBy: 'voorzitter', version: 1, approvedAt: body.approvedAt });
    watcher.destroy();

    expect((await post('voorzitter', `/api/meetings/${encodeURIComponent(meeting)}/approve`)).status).toBe(409);

    const list = (await (await get('notulist', `/api/frozen?room=${encodeURIComponent(caseA)}`)).json()) as { frozen: { id: string; meeting: string; version: number; sha256: string }[] };
    expect(list.frozen).toHaveLength(1);
    expect(list.frozen[0]).toMatchObject({ meeting, version: 1 });
    const bytes = new Uint8Array(await (await get('notulist', `/api/frozen/${encodeURIComponent(list.frozen[0]?.id ?? '')}`)).arrayBuffer());
    const copy = new Y.Doc();
    Y.applyUpdate(copy, bytes);
    expect(copy.getText('notes').toString()).toBe('notitie A (fictief)');

    // Read access to a case is checked per frozen copy.
    const frozenB = body.frozen.find((f) => f.room === caseB);
    expect((await get('buiten', `/api/frozen/${encodeURIComponent(frozenB?.id ?? '')}`)).status).toBe(404);
    expect((await get('buiten', `/api/frozen?room=${encodeURIComponent(caseB)}`)).status).toBe(403);
    expect((await get('buiten', `/api/frozen?room=${encodeURIComponent(caseA)}`)).status).toBe(200);
  });

  it('reopens, approves again as version 2, and keeps everything over a restart', async () => {
    const reopened = await post('voorzitter', `/api/meetings/${encodeURIComponent(meeting)}/reopen`);
    expect(await reopened.json()).toEqual({ status: 'concept' });
    await waitFor(() => chairClient.doc.getMap('meta').get('status') === 'concept', 2000, 'reopen relayed');
    chairClient.doc.getArray('agenda').delete(0, chairClient.doc.getArray('agenda').length);
    chairClient.doc.getArray('agenda').push([caseB]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = (await (await post('voorzitter', `/api/meetings/${encodeURIComponent(meeting)}/approve`)).json()) as { version: number; frozen: { room: string }[] };
    expect(again.version).toBe(2);
    expect(again.frozen.map((f) => f.room)).toEqual([meeting, caseB]);

    chairClient.destroy();
    await t.server.close();
    const restarted = await startServer({ dataDir: t.dataDir, port: 0, logger: silentLogger, requireMfa: false });
    try {
      const token = (await login(restarted.url, 'voorzitter', testPassword)).token;
      const client = newClient(restarted.wsUrl, meeting, token);
      await client.synced;
      expect(client.doc.getMap('meta').toJSON()).toMatchObject({ status: 'vastgesteld', version: 2, approvedBy: 'voorzitter' });
      client.destroy();
      const list = (await (await fetch(`${restarted.url}/api/frozen?room=${encodeURIComponent(meeting)}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { frozen: { version: number }[] };
      expect(list.frozen.map((f) => f.version)).toEqual([1, 2]);
    } finally {
      await restarted.close();
    }
    chairClient = newClient('ws://127.0.0.1:1', meeting, 'unused', { connect: false });
  });
});
