/**
 * The privacy officer (role privacyfunctionaris) and the access log, over real HTTP and
 * WebSockets: the role opens no room whatever a grant says; the access log is its alone, names
 * cases by number (never label), filters by person, organisation, case number, period and
 * category, reports the chain's verification, exports CSV (audited with the file's hash); a
 * case's process director sees who opened the case.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../src/storage/database';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, waitFor, type TestServer } from './helpers';

interface LogEntry {
  seq: number; at: string; event: string; room: string | null; caseNumber: string | null; ip: string | null;
  actor: { username: string; name: string | null; org: string | null; orgName: string | null } | null;
  target: { username: string } | null;
  detail: Record<string, unknown> | null;
}

describe('privacy officer and access log', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  let caseA = '';
  let caseB = '';
  let meeting = '';
  const call = async (who: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers; text: string }> => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who] ?? 'none'}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json') && text ? JSON.parse(text) as unknown : null;
    return { status: response.status, body: json, headers: response.headers, text };
  };
  const log = async (query = ''): Promise<LogEntry[]> => {
    const result = await call('pieter', 'GET', `/api/access-log${query}`);
    expect(result.status).toBe(200);
    return (result.body as { entries: LogEntry[] }).entries;
  };
  /** Opens a room as `who`, writes `meta` into it, waits until the server stored it, closes. */
  const visit = async (who: string, room: string, meta: Record<string, string> = {}): Promise<void> => {
    const client = newClient(t.wsUrl, room, tokens[who] ?? '');
    await client.synced;
    if (Object.keys(meta).length > 0) {
      client.doc.transact(() => {
        for (const [key, value] of Object.entries(meta)) client.doc.getMap('meta').set(key, value);
      });
      // Stored before relayed: a second client seeing it means it is in the database.
      const check = newClient(t.wsUrl, room, tokens[who] ?? '');
      await check.synced;
      await waitFor(() => Object.entries(meta).every(([key, value]) => check.doc.getMap('meta').get(key) === value), 5000, 'meta stored');
      check.destroy();
    }
    client.destroy();
  };

  beforeAll(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'regie', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'regie2', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'agent', 'deelnemer', 'politie');
    await addTestUser(t.admin, 'hulp', 'deelnemer', 'vt');
    await addTestUser(t.admin, 'beheer', 'beheerder', 'zvh');
    await addTestUser(t.admin, 'pieter', 'privacyfunctionaris', 'zvh');
    for (const user of ['regie', 'regie2', 'agent', 'hulp', 'beheer', 'pieter']) tokens[user] = (await login(t.url, user, testPassword)).token;
    caseA = ((await call('regie', 'POST', '/api/rooms', { kind: 'case' })).body as { room: string }).room;
    caseB = ((await call('regie', 'POST', '/api/rooms', { kind: 'case' })).body as { room: string }).room;
    meeting = ((await call('regie', 'POST', '/api/rooms', { kind: 'meeting' })).body as { room: string }).room;
    await call('regie', 'PUT', `/api/rooms/${encodeURIComponent(caseA)}/members/agent`, { access: 'edit' });
    await call('regie', 'PUT', `/api/rooms/${encodeURIComponent(caseA)}/members/hulp`, { access: 'view' });
    await call('regie', 'PUT', `/api/rooms/${encodeURIComponent(caseB)}/members/hulp`, { access: 'edit' });
    await visit('regie', caseA, { caseNumber: 'ZVH-T-001', label: 'Casus Geheimlabel', type: 'ex-partnerstalking' });
    await visit('regie', caseB, { caseNumber: 'ZVH-T-002', label: 'Casus Anderlabel' });
    await visit('agent', caseA);
    await visit('hulp', caseB);
    await visit('regie', meeting);
    await call('agent', 'POST', '/api/audit', { event: 'export', room: caseA, detail: { kind: 'minutes', version: 1, org: null, signed: true, sha256: 'b'.repeat(64) } });
    await call('regie', 'DELETE', `/api/rooms/${encodeURIComponent(caseA)}/members/hulp`);
    await fetch(`${t.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'agent', password: 'fout-wachtwoord-1' }) });
    // room-close entries are written as sockets close; let them land.
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
  afterAll(() => t.close());

  it('gives the privacy officer no room, whatever a grant says', async () => {
    await expect(t.admin.grant(caseA, 'pieter', 'view')).rejects.toThrow(/privacyfunctionaris/);
    expect(await call('regie', 'PUT', `/api/rooms/${encodeURIComponent(caseA)}/members/pieter`, { access: 'view' })).toMatchObject({ status: 409, body: { error: 'role_has_no_room_access' } });
    // A grant row written behind the server's back (an old data dir, a hand edit) still opens nothing.
    const db = new Database(join(t.dataDir, databaseFile));
    db.prepare("INSERT INTO grants (room, username, access, granted_at) VALUES (?, 'pieter', 'edit', '2026-01-01T00:00:00.000Z')").run(caseA);
    db.close();
    const { code, messages } = await rawSocket(t.wsUrl, caseA, tokens.pieter ?? '').closed;
    expect(code).toBe(4403);
    expect(messages).toEqual([]);
    expect((await call('pieter', 'GET', '/api/rooms')).body).toEqual({ rooms: [] });
    expect((await call('pieter', 'GET', `/api/rooms/${encodeURIComponent(caseA)}/members`)).status).toBe(403);
    expect((await call('pieter', 'POST', '/api/rooms', { kind: 'case' })).status).toBe(403);
    expect(((await call('regie', 'GET', `/api/rooms/${encodeURIComponent(caseA)}/members`)).body as { members: { username: string }[] }).members.map((m) => m.username)).not.toContain('pieter');
    // Pickers never offer the role.
    expect(((await call('regie', 'GET', '/api/users')).body as { users: { username: string }[] }).users.map((u) => u.username)).not.toContain('pieter');
  });

  it('refuses the access log to every other role and without a token', async () => {
    for (const who of ['regie', 'agent', 'beheer', 'nobody']) {
      for (const path of ['/api/access-log', '/api/access-log/verify', '/api/access-log/people', '/api/access-log/export.csv']) {
        expect((await call(who, 'GET', path)).status, `${who} ${path}`).toBe(who === 'nobody' ? 401 : 403);
      }
    }
  });

  it('lists room access, exports, grants, revokes and logins, naming cases by number and people with their organisation', async () => {
    const entries = await log();
    const events = new Set(entries.map((e) => e.event));
    for (const event of ['room-open', 'export', 'grant', 'revoke', 'login-success', 'login-failure']) expect(events, event).toContain(event);
    expect(events).not.toContain('room-close');
    // Newest first.
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
    const open = entries.find((e) => e.event === 'room-open' && e.actor?.username === 'agent');
    expect(open).toMatchObject({ room: caseA, caseNumber: 'ZVH-T-001', actor: { username: 'agent', name: 'Test agent', org: 'politie', orgName: 'Test POLITIE' }, detail: { access: 'edit' } });
    expect(entries.find((e) => e.event === 'room-open' && e.room === meeting)).toMatchObject({ caseNumber: null, actor: { username: 'regie' } });
    expect(entries.find((e) => e.event === 'export')).toMatchObject({ room: caseA, caseNumber: 'ZVH-T-001', detail: { signed: true, kind: 'minutes' } });
    expect(entries.find((e) => e.event === 'revoke')).toMatchObject({ room: caseA, target: { username: 'hulp' }, actor: { username: 'regie' } });
    expect(entries.find((e) => e.event === 'login-failure')).toMatchObject({ actor: { username: 'agent' }, detail: { reason: 'bad-password' } });
    // A case is named by its number, never its label.
    const raw = (await call('pieter', 'GET', '/api/access-log')).text;
    expect(raw).not.toContain('Geheimlabel');
    expect(raw).not.toContain('Anderlabel');
  });

  it('filters by person, organisation, case number, period and category', async () => {
    const byAgent = await log('?user=agent');
    expect(byAgent.length).toBeGreaterThan(0);
    expect(byAgent.every((e) => e.actor?.username === 'agent' || e.target?.username === 'agent')).toBe(true);
    const byVt = await log('?org=vt');
    expect(byVt.map((e) => e.event)).toEqual(expect.arrayContaining(['room-open', 'revoke', 'grant']));
    expect(byVt.every((e) => e.actor?.org === 'vt' || e.target?.username === 'hulp')).toBe(true);
    const byCase = await log('?caseNumber=zvh-t-002');
    expect(byCase.length).toBeGreaterThan(0);
    expect(byCase.every((e) => e.room === caseB && e.caseNumber === 'ZVH-T-002')).toBe(true);
    expect(await log('?caseNumber=ZVH-T-999')).toEqual([]);
    expect(await log('?from=2999-01-01T00:00:00Z')).toEqual([]);
    const all = await log('?category=login');
    expect(new Set(all.map((e) => e.event))).toEqual(new Set(['login-success', 'login-failure']));
    const middle = all.at(-2)!;
    const until = await log(`?category=login&until=${encodeURIComponent(middle.at)}`);
    expect(until.every((e) => e.at < middle.at)).toBe(true);
    const combined = await log(`?user=agent&caseNumber=ZVH-T-001&category=access`);
    expect(combined.map((e) => [e.event, e.actor?.username, e.room])).toEqual([['room-open', 'agent', caseA]]);
    for (const bad of ['?user=Niet%20Geldig', '?from=gisteren', '?category=alles', '?label=x']) {
      expect((await call('pieter', 'GET', `/api/access-log${bad}`)).status, bad).toBe(400);
    }
  });

  it('finds a case by its new number after the number changed', async () => {
    expect((await log('?caseNumber=ZVH-T-002')).length).toBeGreaterThan(0);
    await visit('regie', caseB, { caseNumber: 'ZVH-T-002-B' });
    expect(await log('?caseNumber=ZVH-T-002')).toEqual([]);
    expect((await log('?caseNumber=ZVH-T-002-B')).every((e) => e.room === caseB)).toBe(true);
  });

  it('audits each look at the log with its filters', async () => {
    await log('?user=hulp&category=access');
    const views = (await t.admin.auditList({ user: 'pieter' })).filter((e) => e.event === 'access-log-view');
    expect(views.at(-1)).toMatchObject({ actor: 'pieter', detail: { user: 'hulp', category: 'access' } });
  });

  it('lists people (disabled ones too) and organisations for the filters', async () => {
    await addTestUser(t.admin, 'oud', 'deelnemer', 'vt');
    await t.admin.disableUser('oud');
    const { users, orgs } = (await call('pieter', 'GET', '/api/access-log/people')).body as { users: { username: string; disabled: boolean }[]; orgs: { id: string }[] };
    expect(users.find((u) => u.username === 'oud')).toMatchObject({ disabled: true });
    expect(users.map((u) => u.username)).toContain('pieter');
    expect(orgs.map((o) => o.id).sort()).toEqual(['politie', 'vt', 'zvh']);
  });

  it('exports CSV and logs the export with the file hash', async () => {
    const result = await call('pieter', 'GET', '/api/access-log/export.csv?caseNumber=ZVH-T-001');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(result.headers.get('content-disposition')).toContain('attachment');
    const lines = result.text.replace(/^\uFEFF/u, '').trim().split('\r\n');
    expect(lines[0]).toBe('Tijdstip (UTC);Gebeurtenis;Code;Gebruiker;Naam;Organisatie;Betreft gebruiker;Betreft naam;Betreft organisatie;Casusnummer;Kamer;IP-adres;Details');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(1).every((line) => line.includes(';ZVH-T-001;'))).toBe(true);
    expect(lines.some((line) => line.startsWith(';Kamer geopend;room-open;agent;Test agent;Test POLITIE;', line.indexOf(';')))).toBe(true);
    expect(result.text).not.toContain('Geheimlabel');
    const sha256 = createHash('sha256').update(Buffer.from(await (await fetch(`${t.url}/api/access-log/export.csv?caseNumber=ZVH-T-001`, { headers: { Authorization: `Bearer ${tokens.pieter}` } })).arrayBuffer())).digest('hex');
    const exports = (await t.admin.auditList({ user: 'pieter' })).filter((e) => e.event === 'access-log-export');
    expect(exports).toHaveLength(2);
    expect(exports[1]).toMatchObject({ detail: { caseNumber: 'ZVH-T-001', kind: 'access-log-csv', sha256, truncated: false } });
    // The export shows in the log itself.
    expect((await log('?category=export')).some((e) => e.event === 'access-log-export' && e.actor?.username === 'pieter')).toBe(true);
  });

  it('reports the chain as intact, and names the first bad entry once it is not', async () => {
    expect((await call('pieter', 'GET', '/api/access-log/verify')).body).toMatchObject({ ok: true, entries: expect.any(Number) });
    const db = new Database(join(t.dataDir, databaseFile));
    db.exec('DROP TRIGGER audit_no_update');
    db.exec("UPDATE audit SET actor = 'iemand' WHERE seq = 5");
    db.close();
    expect((await call('pieter', 'GET', '/api/access-log/verify')).body).toMatchObject({ ok: false, firstBad: 5, reason: 'hash-mismatch' });
  });
});

describe('who opened a case', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  const call = async (who: string, path: string): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${tokens[who] ?? 'none'}` } });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'regie', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'buiten', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'agent', 'deelnemer', 'politie');
    await addTestUser(t.admin, 'pieter', 'privacyfunctionaris', 'zvh');
    for (const user of ['regie', 'buiten', 'agent', 'pieter']) tokens[user] = (await login(t.url, user, testPassword)).token;
  });
  afterAll(() => t.close());

  it('lists per person their organisation, first and last opening and how often, for the process director only', async () => {
    const room = 'case:openingstest00001';
    await t.admin.grant(room, 'regie', 'edit');
    await t.admin.grant(room, 'agent', 'view');
    for (const who of ['agent', 'agent', 'regie']) {
      const client = newClient(t.wsUrl, room, tokens[who] ?? '');
      await client.synced;
      client.destroy();
    }
    // room-open is appended as the socket joins, not awaited by it: wait until all three landed.
    for (let i = 0; (await t.admin.auditList({ room })).filter((e) => e.event === 'room-open').length < 3; i++) {
      if (i > 100) throw new Error('room-open entries missing');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const path = `/api/rooms/${encodeURIComponent(room)}/openings`;
    const result = await call('regie', path);
    expect(result.status).toBe(200);
    const { openings } = result.body as { openings: { username: string; org: string; orgName: string; first: string; last: string; times: number }[] };
    expect(openings.map((o) => [o.username, o.org, o.orgName, o.times])).toEqual([['regie', 'zvh', 'Test ZVH', 1], ['agent', 'politie', 'Test POLITIE', 2]]);
    const agent = openings.find((o) => o.username === 'agent')!;
    expect(agent.first < agent.last).toBe(true);
    // A participant with access, a process director without, the privacy officer: refused.
    expect((await call('agent', path)).status).toBe(403);
    expect((await call('buiten', path)).status).toBe(403);
    expect((await call('pieter', path)).status).toBe(403);
    expect((await call('regie', `/api/rooms/${encodeURIComponent('case:bestaatniet00001')}/openings`)).status).toBe(403);
    // The look is audited, and shows in the access log.
    expect((await t.admin.auditList({ room })).filter((e) => e.event === 'case-access-view')).toMatchObject([{ actor: 'regie', detail: { people: 2 } }]);
  });

  it('answers 404 for a meeting room', async () => {
    const meeting = 'meeting:openingstest0001';
    await t.admin.grant(meeting, 'regie', 'edit');
    expect((await call('regie', `/api/rooms/${encodeURIComponent(meeting)}/openings`)).status).toBe(404);
  });
});
