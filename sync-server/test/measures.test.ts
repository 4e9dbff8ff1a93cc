/**
 * The region's improvement-measures board (`measures:<id>`): one room made by the server,
 * access by role (never by grant), every client update checked against the board's shape,
 * and review moments stored as immutable, audited frozen copies.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addImprovement, improvementText, readImprovements } from '../../renderer/src/collab/improvements';
import { silentLogger } from '../src/log';
import { syncUpdateMessage } from '../src/rooms/messages';
import { startServer } from '../src/server';
import { openStorage } from '../src/storage/open';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, waitFor, type TestServer } from './helpers';

const roles = [
  ['regie', 'procesregisseur', 'edit'],
  ['notulist', 'secretaris', 'edit'],
  ['partner', 'deelnemer', 'view'],
  ['kijker', 'waarnemer', 'view'],
  ['beheer', 'beheerder', null],
  ['privacy', 'privacyfunctionaris', null],
] as const;

describe('the improvement-measures board', () => {
  let t: TestServer;
  let board = '';
  const tokens: Record<string, string> = {};
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who] ?? ''}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: type.includes('json') ? ((await response.json()) as unknown) : new Uint8Array(await response.arrayBuffer()) };
  };
  const roomPath = () => encodeURIComponent(board);

  /** Sends one update over a raw socket; resolves with the close code, or null when it stayed open. */
  const sendRaw = async (update: Uint8Array, who = 'regie'): Promise<number | null> => {
    const raw = rawSocket(t.wsUrl, board, tokens[who] ?? '');
    await new Promise<void>((resolve) => raw.socket.once('open', () => resolve()));
    raw.socket.send(syncUpdateMessage(update));
    const outcome = await Promise.race([raw.closed.then(({ code }) => code), new Promise<null>((resolve) => setTimeout(() => resolve(null), 400))]);
    if (outcome === null) raw.socket.close();
    return outcome;
  };
  const updateOf = (edit: (doc: Y.Doc) => void): Uint8Array => {
    const doc = new Y.Doc();
    edit(doc);
    return Y.encodeStateAsUpdate(doc);
  };
  const freshBoard = async (): Promise<Y.Doc> => {
    const client = newClient(t.wsUrl, board, tokens.regie ?? '');
    await client.synced;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(client.doc));
    client.destroy();
    return doc;
  };

  beforeAll(async () => {
    t = await newServer();
    for (const [username, role] of roles) await addTestUser(t.admin, username, role);
    for (const [username] of roles) tokens[username] = (await login(t.url, username, testPassword)).token;
    const listed = (await call('regie', 'GET', '/api/rooms')).body as { rooms: { room: string }[] };
    board = listed.rooms.find((entry) => entry.room.startsWith('measures:'))?.room ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  it('exists from the first start, once, and stays the same room after a restart', async () => {
    expect(board).toMatch(/^measures:[a-z0-9]{16}$/);
    const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-measures-'));
    try {
      const names: string[] = [];
      for (let i = 0; i < 2; i++) {
        const server = await startServer({ logger: silentLogger, requireMfa: false, dataDir, port: 0 });
        const { sql } = await openStorage({ dataDir });
        names.push(...(await sql.all<{ room: string }>("SELECT room FROM rooms WHERE room LIKE 'measures:%'")).map((row) => row.room));
        await sql.close();
        await server.close();
      }
      expect(names).toHaveLength(2);
      expect(names[0]).toBe(names[1]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('lists the board by role: edit for process directors and secretaries, view for participants and observers, nothing for the others', async () => {
    for (const [username, , access] of roles) {
      const { rooms } = (await call(username, 'GET', '/api/rooms')).body as { rooms: { room: string; access: string; manage: boolean }[] };
      const entry = rooms.find((candidate) => candidate.room === board);
      if (access === null) expect(entry, username).toBeUndefined();
      else expect(entry, username).toEqual({ room: board, access, manage: false });
    }
  });

  it('opens sockets by role and refuses the roles without a part in it (4403)', async () => {
    for (const [username, , access] of roles) {
      const raw = rawSocket(t.wsUrl, board, tokens[username] ?? '');
      const outcome = await Promise.race([raw.closed.then(({ code }) => code), new Promise<'open'>((resolve) => raw.socket.once('open', () => setTimeout(() => resolve('open'), 150)))]);
      expect(outcome, username).toBe(access === null ? 4403 : 'open');
      raw.socket.close();
    }
  });

  it('lets editors write and keeps readers from writing; nobody grants or revokes it', async () => {
    const editor = newClient(t.wsUrl, board, tokens.notulist ?? '');
    const reader = newClient(t.wsUrl, board, tokens.partner ?? '');
    await Promise.all([editor.synced, reader.synced]);
    const id = addImprovement(editor.doc, { title: 'Werkproces stalking borgen (fictief)', phase: 'herkennen', status: 'lopend', org: 'zvh' }, { username: 'notulist' });
    await waitFor(() => readImprovements(reader.doc).some((item) => item.id === id), 3000, 'relay to the reader');
    reader.doc.getMap('measures').set('improvement:lezerschrijft00001', new Y.Map());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readImprovements(await freshBoard()).map((item) => item.id)).toEqual([id]);
    editor.destroy();
    reader.destroy();

    expect((await call('regie', 'PUT', `/api/rooms/${roomPath()}/members/partner`, { access: 'edit' })).status).toBe(403);
    expect((await call('regie', 'DELETE', `/api/rooms/${roomPath()}/members/partner`)).status).toBe(403);
    await expect(t.admin.grant(board, 'beheer', 'view')).rejects.toThrow(/rol/);
    expect((await call('regie', 'POST', '/api/rooms', { kind: 'measures' })).status).toBe(400);
    const members = ((await call('partner', 'GET', `/api/rooms/${roomPath()}/members`)).body as { members: { username: string; access: string }[] }).members;
    expect(Object.fromEntries(members.map((member) => [member.username, member.access]))).toEqual({ regie: 'edit', notulist: 'edit', partner: 'view', kijker: 'view' });
  });

  it('accepts an update in the board\'s shape', async () => {
    const update = updateOf((doc) => {
      const id = addImprovement(doc, { title: 'Aanspreekpunt per casus (fictief)', phase: 'samenwerking', status: 'gepland', org: 'politie' }, { username: 'regie' });
      doc.transact(() => improvementText(doc, id, 'progress')?.insert(0, [new Y.XmlElement('paragraph')]));
    });
    expect(await sendRaw(update)).toBeNull();
    const titles = readImprovements(await freshBoard()).map((item) => item.title);
    expect(titles).toContain('Aanspreekpunt per casus (fictief)');
  });

  const badShapes: [string, (doc: Y.Doc) => void][] = [
    ['another root', (doc) => doc.getMap('meta').set('label', 'x')],
    ['a key that is no improvement id', (doc) => doc.getMap('measures').set('persoon', new Y.Map())],
    ['a record that is no map', (doc) => doc.getMap('measures').set('improvement:kaalwaarde000001', 'tekst')],
    ['an unknown field', (doc) => {
      const record = new Y.Map<unknown>();
      doc.getMap('measures').set('improvement:onbekendveld0001', record);
      record.set('naam', 'Jan Jansen');
    }],
    ['an unknown status', (doc) => {
      const record = new Y.Map<unknown>();
      doc.getMap('measures').set('improvement:onbekendestat001', record);
      record.set('status', 'half');
    }],
    ['a title over 200 characters', (doc) => {
      const record = new Y.Map<unknown>();
      doc.getMap('measures').set('improvement:langetitel000001', record);
      record.set('title', 'x'.repeat(201));
    }],
    ['rich text in a plain field', (doc) => {
      const record = new Y.Map<unknown>();
      doc.getMap('measures').set('improvement:richinplain00001', record);
      record.set('title', new Y.XmlFragment());
    }],
    ['a node the editor does not write', (doc) => {
      const record = new Y.Map<unknown>();
      doc.getMap('measures').set('improvement:vreemdnode000001', record);
      const fragment = new Y.XmlFragment();
      record.set('progress', fragment);
      fragment.insert(0, [new Y.XmlElement('script')]);
    }],
    ['array content under the root map', (doc) => doc.getArray('measures').push(['x'])],
  ];
  for (const [name, edit] of badShapes) {
    it(`refuses ${name} (4400) and keeps nothing of it`, async () => {
      const before = Y.encodeStateVector(await freshBoard());
      expect(await sendRaw(updateOf(edit))).toBe(4400);
      const after = await freshBoard();
      expect(Y.encodeStateVector(after)).toEqual(before);
      expect([...after.share.keys()]).toEqual(['measures']);
    });
  }

  it('records a review moment: process directors only, an immutable encrypted copy, audited', async () => {
    expect((await call('notulist', 'POST', `/api/measures/${roomPath()}/review`)).status).toBe(403);
    expect((await call('partner', 'POST', `/api/measures/${roomPath()}/review`)).status).toBe(403);
    expect((await call('beheer', 'POST', `/api/measures/${roomPath()}/review`)).status).toBe(403);
    expect((await call('regie', 'POST', `/api/measures/${encodeURIComponent('case:geenbord0000001')}/review`)).status).toBe(404);

    const first = await call('regie', 'POST', `/api/measures/${roomPath()}/review`);
    expect(first.status).toBe(200);
    const review = first.body as { id: string; version: number; createdAt: string; sha256: string };
    expect(review.version).toBe(1);

    // The board changes after the review; the copy keeps what it said then.
    const editor = newClient(t.wsUrl, board, tokens.regie ?? '');
    await editor.synced;
    const later = addImprovement(editor.doc, { title: 'Na het reviewmoment (fictief)', phase: 'nieuw', status: 'gepland', org: '' }, { username: 'regie' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    editor.destroy();
    const second = (await call('regie', 'POST', `/api/measures/${roomPath()}/review`)).body as { version: number };
    expect(second.version).toBe(2);

    const listed = (await call('kijker', 'GET', `/api/frozen?room=${roomPath()}`)).body as { frozen: { id: string; version: number; meeting: string }[] };
    expect(listed.frozen.map((copy) => copy.version)).toEqual([1, 2]);
    expect(listed.frozen[0]).toMatchObject({ id: review.id, meeting: board });
    const copy = await call('partner', 'GET', `/api/frozen/${encodeURIComponent(review.id)}`);
    expect(copy.status).toBe(200);
    const frozenDoc = new Y.Doc();
    Y.applyUpdate(frozenDoc, copy.body as Uint8Array);
    const frozenTitles = readImprovements(frozenDoc).map((item) => item.title);
    expect(frozenTitles).toContain('Werkproces stalking borgen (fictief)');
    expect(frozenTitles).not.toContain('Na het reviewmoment (fictief)');
    expect(readImprovements(await freshBoard()).some((item) => item.id === later)).toBe(true);
    expect((await call('beheer', 'GET', `/api/frozen/${encodeURIComponent(review.id)}`)).status).toBe(404);

    const events = await t.admin.auditList({ room: board });
    expect(events.filter((entry) => entry.event === 'measures-review').map((entry) => [entry.actor, entry.detail?.version])).toEqual([['regie', 1], ['regie', 2]]);
    expect(events.some((entry) => entry.event === 'frozen-read' && entry.actor === 'partner')).toBe(true);

    const { sql } = await openStorage({ dataDir: t.dataDir });
    try {
      await expect(sql.run('UPDATE frozen SET version = 9 WHERE id = $1', [review.id])).rejects.toThrow(/immutable/);
      const stored = await sql.get<{ data: Buffer }>('SELECT data FROM frozen WHERE id = $1', [review.id]);
      expect(Buffer.from(stored?.data ?? []).includes(Buffer.from('Werkproces stalking'))).toBe(false);
    } finally {
      await sql.close();
    }
  });
});
