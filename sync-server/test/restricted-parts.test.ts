/**
 * Restricted parts of a case (issue 14) over a real server and real sockets: only the case's
 * process director creates a part and sets its organisations; a member of the case from another
 * organisation sees that the part exists and for whom, and never receives a byte of it (not in
 * /api/rooms, its socket refused before any content, not in the case's sync, not in frozen
 * copies); access follows the organisation list when it changes, and a case revoke.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openAdmin } from '../src/cli/admin';
import { silentLogger } from '../src/log';
import { startServer, type RunningServer } from '../src/server';
import { startPostgres, type TestPostgres } from './backends';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, waitFor, type TestClient, type TestServer } from './helpers';

const caseRoom = 'case:afgeschermd00001';
const meeting = 'meeting:afgeschermd00001';
const marker = `GEHEIM-POLITIE-${Math.random().toString(36).slice(2, 12)}`;
const closeCode = (client: TestClient): Promise<number> =>
  new Promise((resolve) => client.provider.on('connection-close', (event) => resolve((event as { code: number }).code)));

describe('restricted parts of a case', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  let part = '';
  const call = async (who: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who] ?? 'none'}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) as unknown : null };
  };
  const partsPath = `/api/rooms/${encodeURIComponent(caseRoom)}/parts`;
  const roomsOf = async (who: string): Promise<string[]> => ((await call(who, 'GET', '/api/rooms')).body as { rooms: { room: string }[] }).rooms.map((r) => r.room);

  beforeAll(async () => {
    t = await newServer({ accessPollMs: 50 });
    await addTestUser(t.admin, 'regie', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'agent', 'deelnemer', 'politie');
    await addTestUser(t.admin, 'officier', 'deelnemer', 'om');
    await addTestUser(t.admin, 'vtmedewerker', 'deelnemer', 'vt');
    await addTestUser(t.admin, 'vtregie', 'procesregisseur', 'vt');
    await addTestUser(t.admin, 'privacy', 'privacyfunctionaris', 'zvh');
    for (const user of ['regie', 'agent', 'officier', 'vtmedewerker']) await t.admin.grant(caseRoom, user, 'edit');
    await t.admin.grant(caseRoom, 'vtregie', 'view');
    for (const user of ['regie', 'agent', 'officier', 'vtmedewerker']) await t.admin.grant(meeting, user, 'edit');
    for (const user of ['regie', 'agent', 'officier', 'vtmedewerker', 'vtregie', 'privacy']) tokens[user] = (await login(t.url, user, testPassword)).token;
  });
  afterAll(() => t.close());

  it('lets only the case manager create a part, with a title and known organisations', async () => {
    expect((await call('agent', 'POST', partsPath, { title: 'Politie-informatie', orgs: ['politie'] })).status).toBe(403);
    expect((await call('vtregie', 'POST', partsPath, { title: 'Politie-informatie', orgs: ['politie'] })).status).toBe(403);
    expect((await call('regie', 'POST', partsPath, { title: '  ', orgs: ['politie'] })).status).toBe(400);
    expect((await call('regie', 'POST', partsPath, { title: 'Deel', orgs: [] })).status).toBe(400);
    expect(await call('regie', 'POST', partsPath, { title: 'Deel', orgs: ['bestaatniet'] })).toEqual({ status: 400, body: { error: 'unknown_org' } });
    expect((await call('regie', 'POST', `/api/rooms/${encodeURIComponent(meeting)}/parts`, { title: 'Deel', orgs: ['politie'] })).status).toBe(404);
    const created = await call('regie', 'POST', partsPath, { title: 'Politie- en justitie-informatie', orgs: ['politie', 'om', 'politie'] });
    expect(created.status).toBe(201);
    const body = created.body as { room: string; title: string; orgs: string[]; access: unknown };
    expect(body).toMatchObject({ title: 'Politie- en justitie-informatie', orgs: ['om', 'politie'], access: null });
    expect(body.room).toMatch(/^part:[a-z0-9]{16}$/);
    part = body.room;
    const audit = await t.admin.auditList({ room: part });
    expect(audit.map((entry) => entry.event)).toContain('part-create');
    expect(JSON.stringify(audit)).not.toContain('Politie- en justitie-informatie');
    // A part has no members of its own.
    expect((await call('regie', 'PUT', `/api/rooms/${encodeURIComponent(part)}/members/vtmedewerker`, { access: 'edit' })).status).toBe(404);
    await expect(t.admin.grant(part, 'vtmedewerker', 'edit')).rejects.toThrow(/afgeschermd deel/);
  });

  it('shows every member of the case that the part exists and for whom, and who may open it', async () => {
    type Listed = { parts: { room: string; title: string; orgs: string[]; access: string | null }[] };
    const forVt = (await call('vtmedewerker', 'GET', partsPath)).body as Listed;
    expect(forVt.parts).toEqual([{ room: part, title: 'Politie- en justitie-informatie', orgs: ['om', 'politie'], access: null }]);
    expect(((await call('agent', 'GET', partsPath)).body as Listed).parts[0]?.access).toBe('edit');
    expect(((await call('officier', 'GET', partsPath)).body as Listed).parts[0]?.access).toBe('edit');
    expect(await roomsOf('agent')).toContain(part);
    expect(await roomsOf('officier')).toContain(part);
    expect(await roomsOf('vtmedewerker')).not.toContain(part);
    expect(await roomsOf('regie')).not.toContain(part);
    const members = (await call('agent', 'GET', `/api/rooms/${encodeURIComponent(part)}/members`)).body as { members: { username: string }[] };
    expect(members.members.map((m) => m.username).sort()).toEqual(['agent', 'officier']);
    expect((await call('vtmedewerker', 'GET', `/api/rooms/${encodeURIComponent(part)}/members`)).status).toBe(403);
  });

  it('never sends a byte of the part to a member of the case from another organisation', async () => {
    const police = newClient(t.wsUrl, part, tokens.agent ?? '');
    await police.synced;
    police.doc.getText('content').insert(0, `Proces-verbaal (fictief): ${marker}`);
    const om = newClient(t.wsUrl, part, tokens.officier ?? '');
    await om.synced;
    await waitFor(() => om.doc.getText('content').toString().includes(marker), 3000, 'the OM reads the part');

    // Refused before any content, also for the case's process director from another org.
    for (const who of ['vtmedewerker', 'regie']) {
      const refused = await rawSocket(t.wsUrl, part, tokens[who] ?? '').closed;
      expect(refused.code).toBe(4403);
      expect(refused.messages).toEqual([]);
    }
    // The case's own room holds nothing of it.
    const vtCase = newClient(t.wsUrl, caseRoom, tokens.vtmedewerker ?? '');
    const received: Uint8Array[] = [];
    const raw = rawSocket(t.wsUrl, caseRoom, tokens.vtmedewerker ?? '');
    await vtCase.synced;
    await new Promise((resolve) => setTimeout(resolve, 300));
    raw.socket.close();
    received.push(...(await raw.closed).messages);
    expect(received.length).toBeGreaterThan(0);
    expect(received.some((message) => Buffer.from(message).includes(marker))).toBe(false);
    expect(Buffer.from(Y.encodeStateAsUpdate(vtCase.doc)).includes(marker)).toBe(false);
    vtCase.destroy();

    // Frozen copies of an approved meeting with the case on its agenda hold none of it.
    const chair = newClient(t.wsUrl, meeting, tokens.regie ?? '');
    await chair.synced;
    chair.doc.transact(() => {
      chair.doc.getMap('meta').set('chair', 'regie');
      chair.doc.getArray('agenda').push([caseRoom, part]);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.admin.grant(meeting, 'regie', 'edit');
    expect((await call('regie', 'POST', `/api/meetings/${encodeURIComponent(meeting)}/approve`)).status).toBe(200);
    chair.destroy();
    const frozen = ((await call('vtmedewerker', 'GET', `/api/frozen?room=${encodeURIComponent(caseRoom)}`)).body as { frozen: { id: string }[] }).frozen;
    expect(frozen).toHaveLength(1);
    for (const copy of frozen) {
      const response = await fetch(`${t.url}/api/frozen/${encodeURIComponent(copy.id)}`, { headers: { Authorization: `Bearer ${tokens.vtmedewerker}` } });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).includes(marker)).toBe(false);
    }
    expect((await call('vtmedewerker', 'GET', `/api/frozen?room=${encodeURIComponent(part)}`)).status).toBe(403);
    expect((await call('agent', 'GET', `/api/frozen?room=${encodeURIComponent(part)}`)).body).toEqual({ frozen: [] });
    police.destroy();
    om.destroy();
  });

  it('follows the organisation list: an added org opens it, a removed org is closed like a revoke', async () => {
    const path = `/api/parts/${encodeURIComponent(part)}/orgs`;
    expect((await call('agent', 'PUT', path, { orgs: ['politie', 'vt'] })).status).toBe(403);
    expect((await call('vtmedewerker', 'PUT', path, { orgs: ['vt'] })).status).toBe(403);
    expect((await call('regie', 'PUT', '/api/parts/part%3Abestaatniet00000/orgs', { orgs: ['vt'] })).status).toBe(404);
    expect((await call('regie', 'PUT', path, { orgs: ['politie', 'om', 'vt'] })).status).toBe(200);
    const vt = newClient(t.wsUrl, part, tokens.vtmedewerker ?? '');
    await vt.synced;
    expect(vt.doc.getText('content').toString()).toContain(marker);
    expect(await roomsOf('vtmedewerker')).toContain(part);

    const om = newClient(t.wsUrl, part, tokens.officier ?? '');
    await om.synced;
    const vtClosed = closeCode(vt);
    const omClosed = closeCode(om);
    const changed = await call('regie', 'PUT', path, { orgs: ['politie'] });
    expect(changed).toMatchObject({ status: 200, body: { room: part, orgs: ['politie'] } });
    expect(await vtClosed).toBe(4410);
    expect(await omClosed).toBe(4410);
    vt.destroy();
    om.destroy();
    expect((await rawSocket(t.wsUrl, part, tokens.officier ?? '').closed).code).toBe(4403);
    expect(await roomsOf('officier')).not.toContain(part);
    const events = (await t.admin.auditList({ room: part })).filter((entry) => entry.event === 'part-orgs');
    expect(events.map((entry) => entry.detail?.orgs)).toEqual(['om,politie,vt', 'politie']);
    // The privacy officer finds both changes and the creation under "rights" in the Toegangslog.
    const log = (await call('privacy', 'GET', '/api/access-log?category=rights')).body as { entries: { event: string; room: string | null }[] };
    expect(log.entries.filter((entry) => entry.room === part).map((entry) => entry.event)).toEqual(['part-orgs', 'part-orgs', 'part-create']);
  });

  it('closes a part with its case: a revoke of the case closes the part socket', async () => {
    const police = newClient(t.wsUrl, part, tokens.agent ?? '');
    await police.synced;
    const closed = closeCode(police);
    expect((await call('regie', 'DELETE', `/api/rooms/${encodeURIComponent(caseRoom)}/members/agent`)).status).toBe(204);
    expect(await closed).toBe(4410);
    police.destroy();
    expect((await rawSocket(t.wsUrl, part, tokens.agent ?? '').closed).code).toBe(4403);
    expect(await roomsOf('agent')).not.toContain(part);
  });
});

describe('restricted parts on PostgreSQL with two instances', () => {
  let postgres: TestPostgres | null = null;
  const open: { close(): Promise<void> }[] = [];
  let dataDir = '';
  afterAll(async () => {
    for (const item of open.reverse()) await item.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await postgres?.stop();
  });

  it('refuses another organisation and closes a removed organisation\'s socket on the other instance', async () => {
    postgres = await startPostgres();
    const databaseUrl = await postgres.database();
    const dataKey = randomBytes(32).toString('base64');
    dataDir = await mkdtemp(join(tmpdir(), 'themakamer-parts-pg-'));
    const servers: RunningServer[] = [];
    for (let i = 0; i < 2; i++) {
      const server = await startServer({ dataDir, databaseUrl, dataKey, port: 0, logger: silentLogger, accessPollMs: 50, requireMfa: false });
      open.push(server);
      servers.push(server);
    }
    const [first, second] = servers as [RunningServer, RunningServer];
    const admin = await openAdmin({ dataDir, databaseUrl });
    open.push(admin);
    await addTestUser(admin, 'regie', 'procesregisseur', 'zvh');
    await addTestUser(admin, 'agent', 'deelnemer', 'politie');
    await addTestUser(admin, 'vtmedewerker', 'deelnemer', 'vt');
    for (const user of ['regie', 'agent', 'vtmedewerker']) await admin.grant(caseRoom, user, 'edit');
    const token = async (user: string): Promise<string> => (await login(first.url, user, testPassword)).token;
    const [regie, agent, vt] = [await token('regie'), await token('agent'), await token('vtmedewerker')];
    const send = (url: string, method: string, path: string, body: unknown): Promise<Response> =>
      fetch(`${url}${path}`, { method, headers: { Authorization: `Bearer ${regie}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const created = await send(first.url, 'POST', `/api/rooms/${encodeURIComponent(caseRoom)}/parts`, { title: 'Politie-informatie', orgs: ['politie', 'vt'] });
    expect(created.status).toBe(201);
    const pgPart = ((await created.json()) as { room: string }).room;

    const police = newClient(second.wsUrl, pgPart, agent);
    await police.synced;
    police.doc.getText('content').insert(0, marker);
    const onSecond = newClient(second.wsUrl, pgPart, vt);
    await onSecond.synced;
    await waitFor(() => onSecond.doc.getText('content').toString().includes(marker), 3000, 'vt reads while on the list');
    const closed = closeCode(onSecond);
    // Changed through the first instance: the second one hears it on the access channel.
    expect((await send(first.url, 'PUT', `/api/parts/${encodeURIComponent(pgPart)}/orgs`, { orgs: ['politie'] })).status).toBe(200);
    expect(await closed).toBe(4410);
    onSecond.destroy();
    for (const server of servers) {
      const refused = await rawSocket(server.wsUrl, pgPart, vt).closed;
      expect(refused.code).toBe(4403);
      expect(refused.messages).toEqual([]);
    }
    expect(police.provider.wsconnected).toBe(true);
    police.destroy();
  });
});
