/** The role-checked HTTP API: rooms, members, users, organisations and export auditing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, login, newClient, newServer, testPassword, type TestServer } from './helpers';

describe('HTTP API', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  const call = async (who: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who] ?? 'none'}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'regie', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'agent', 'deelnemer', 'politie');
    await addTestUser(t.admin, 'kijker', 'waarnemer', 'om');
    await addTestUser(t.admin, 'beheer', 'beheerder', 'zvh');
    await addTestUser(t.admin, 'weg', 'deelnemer', 'vt');
    await t.admin.disableUser('weg');
    for (const user of ['regie', 'agent', 'kijker', 'beheer']) tokens[user] = (await login(t.url, user, testPassword)).token;
  });
  afterAll(() => t.close());

  it('refuses every API route without a valid token', async () => {
    for (const [method, path] of [['GET', '/api/me'], ['GET', '/api/rooms'], ['POST', '/api/rooms'], ['GET', '/api/users'], ['GET', '/api/orgs'], ['POST', '/api/audit']] as const) {
      expect(await call('nobody', method, path)).toEqual({ status: 401, body: { error: 'unauthorized' } });
    }
  });

  it('creates rooms by role and lists them with access and manage', async () => {
    const meeting = await call('regie', 'POST', '/api/rooms', { kind: 'meeting' });
    expect(meeting.status).toBe(201);
    expect(meeting.body).toEqual({ room: expect.stringMatching(/^meeting:[a-z0-9]{16}$/), access: 'edit', manage: true });
    const caseRoom = await call('agent', 'POST', '/api/rooms', { kind: 'case' });
    expect(caseRoom.body).toEqual({ room: expect.stringMatching(/^case:[a-z0-9]{16}$/), access: 'edit', manage: false });
    expect((await call('agent', 'POST', '/api/rooms', { kind: 'meeting' })).status).toBe(403);
    expect((await call('kijker', 'POST', '/api/rooms', { kind: 'case' })).status).toBe(403);
    expect((await call('beheer', 'POST', '/api/rooms', { kind: 'case' })).status).toBe(403);
    expect((await call('regie', 'POST', '/api/rooms', { kind: 'board' })).status).toBe(400);
    // The region's measures board is listed by role, never managed (measures.test.ts).
    expect(await call('regie', 'GET', '/api/rooms')).toEqual({ status: 200, body: { rooms: [
      { room: (meeting.body as { room: string }).room, access: 'edit', manage: true },
      { room: expect.stringMatching(/^measures:[a-z0-9]{16}$/), access: 'edit', manage: false },
    ] } });
  });

  it('lets the room manager grant, change and revoke members; others may only read the list', async () => {
    const { room } = (await call('regie', 'POST', '/api/rooms', { kind: 'case' })).body as { room: string };
    const encoded = encodeURIComponent(room);
    expect((await call('regie', 'PUT', `/api/rooms/${encoded}/members/agent`, { access: 'edit' })).status).toBe(204);
    expect((await call('regie', 'PUT', `/api/rooms/${room}/members/kijker`, { access: 'edit' })).status).toBe(204);
    const members = await call('agent', 'GET', `/api/rooms/${encoded}/members`);
    expect(members.status).toBe(200);
    expect((members.body as { members: { username: string; access: string }[] }).members.map((m) => [m.username, m.access]).sort()).toEqual([
      ['agent', 'edit'], ['kijker', 'view'], ['regie', 'edit'],
    ]);
    // A participant with edit access is not a manager.
    expect((await call('agent', 'PUT', `/api/rooms/${encoded}/members/beheer`, { access: 'view' })).status).toBe(403);
    expect((await call('agent', 'DELETE', `/api/rooms/${encoded}/members/kijker`)).status).toBe(403);
    // Non-members see nothing, not even whether the room exists.
    expect(await call('beheer', 'GET', `/api/rooms/${encoded}/members`)).toEqual({ status: 403, body: { error: 'forbidden' } });
    expect(await call('beheer', 'GET', `/api/rooms/${encodeURIComponent('case:bestaatniet00001')}/members`)).toEqual({ status: 403, body: { error: 'forbidden' } });
    // Unknown or disabled targets, bad access values.
    expect((await call('regie', 'PUT', `/api/rooms/${encoded}/members/niemand`, { access: 'view' })).status).toBe(404);
    expect((await call('regie', 'PUT', `/api/rooms/${encoded}/members/weg`, { access: 'view' })).status).toBe(404);
    expect((await call('regie', 'PUT', `/api/rooms/${encoded}/members/agent`, { access: 'admin' })).status).toBe(400);
    // Revoke: gone from the list and from the user's rooms.
    expect((await call('regie', 'DELETE', `/api/rooms/${encoded}/members/agent`)).status).toBe(204);
    const after = (await call('regie', 'GET', `/api/rooms/${encoded}/members`)).body as { members: { username: string }[] };
    expect(after.members.map((m) => m.username)).not.toContain('agent');
    expect(((await call('agent', 'GET', '/api/rooms')).body as { rooms: { room: string }[] }).rooms.map((r) => r.room)).not.toContain(room);
    const events = (await t.admin.auditList({ room })).map((e) => `${e.event}:${e.target ?? ''}`);
    expect(events).toEqual(expect.arrayContaining(['room-create:', 'grant:agent', 'grant:kijker', 'revoke:agent']));
  });

  it('closes the sockets of a member revoked from the app with 4410', async () => {
    const { room } = (await call('regie', 'POST', '/api/rooms', { kind: 'case' })).body as { room: string };
    await call('regie', 'PUT', `/api/rooms/${encodeURIComponent(room)}/members/agent`, { access: 'edit' });
    const client = newClient(t.wsUrl, room, tokens.agent ?? '', {});
    await client.synced;
    const closed = new Promise<number>((resolve) => client.provider.on('connection-close', (event) => resolve((event as { code: number }).code)));
    await call('regie', 'DELETE', `/api/rooms/${encodeURIComponent(room)}/members/agent`);
    expect(await closed).toBe(4410);
    client.destroy();
  });

  it('lists active users and organisations for pickers', async () => {
    const users = (await call('agent', 'GET', '/api/users')).body as { users: { username: string }[] };
    expect(users.users.map((u) => u.username).sort()).toEqual(['agent', 'beheer', 'kijker', 'regie']);
    expect(Object.keys(users.users[0] ?? {}).sort()).toEqual(['name', 'org', 'role', 'username']);
    const orgs = (await call('agent', 'GET', '/api/orgs')).body as { orgs: { id: string }[] };
    expect(orgs.orgs.map((o) => o.id).sort()).toEqual(['om', 'politie', 'vt', 'zvh']);
  });

  it('audits exports the app reports, only for rooms the user may open, only the known fields', async () => {
    const { room } = (await call('agent', 'POST', '/api/rooms', { kind: 'case' })).body as { room: string };
    const detail = { kind: 'action-list', version: 2, org: 'politie', signed: false, sha256: 'a'.repeat(64) };
    expect((await call('agent', 'POST', '/api/audit', { event: 'export', room, detail })).status).toBe(204);
    expect((await call('kijker', 'POST', '/api/audit', { event: 'export', room, detail })).status).toBe(403);
    expect((await call('agent', 'POST', '/api/audit', { event: 'export', room, detail: { ...detail, note: 'vrije tekst' } })).status).toBe(400);
    expect((await call('agent', 'POST', '/api/audit', { event: 'login-success', room, detail })).status).toBe(400);
    const entry = (await t.admin.auditList({ room })).find((e) => e.event === 'export');
    expect(entry).toMatchObject({ actor: 'agent', room, detail });
  });

  it('answers unknown paths with 404 JSON and security headers', async () => {
    const response = await fetch(`${t.url}/api/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
