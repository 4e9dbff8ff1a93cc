/**
 * The Beheer screen's API over real HTTP: only a beheerder may use it; every change goes
 * through the directory the admin CLI uses, is audited with the beheerder as actor, and
 * reaches sessions at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTestUser, login, newServer, testPassword, type TestServer } from './helpers';

describe('Beheer API', () => {
  let t: TestServer;
  let admin: string;
  const call = async (method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> | null }> => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Record<string, unknown>) };
  };

  beforeEach(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'bea.beheer', 'beheerder', 'zvh');
    await addTestUser(t.admin, 'pim.proef', 'procesregisseur', 'zvh');
    admin = (await login(t.url, 'bea.beheer', testPassword)).token;
  });
  afterEach(() => t.close());

  it('refuses anyone but a beheerder', async () => {
    const pim = (await login(t.url, 'pim.proef', testPassword)).token;
    expect((await call('GET', '/api/admin/users', pim)).status).toBe(403);
    expect((await call('POST', '/api/admin/orgs', pim, { id: 'om', name: 'OM' })).status).toBe(403);
    expect((await call('POST', '/api/admin/users/bea.beheer/disable', pim)).status).toBe(403);
  });

  it('adds an organisation and a user with a one-time initial password that signs in', async () => {
    expect((await call('POST', '/api/admin/orgs', admin, { id: 'om', name: 'Openbaar Ministerie Testland' })).status).toBe(201);
    expect(await call('POST', '/api/admin/orgs', admin, { id: 'om', name: 'Nog eens' })).toEqual({ status: 409, body: { error: 'exists' } });
    expect(await call('POST', '/api/admin/orgs', admin, { id: 'Geen Id!', name: 'X' })).toEqual({ status: 400, body: { error: 'invalid' } });
    const added = await call('POST', '/api/admin/users', admin, { username: 'olga.officier', name: 'Olga Officier (fictief)', org: 'om', role: 'deelnemer' });
    expect(added.status).toBe(201);
    const initialPassword = added.body?.initialPassword as string;
    expect(initialPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await login(t.url, 'olga.officier', initialPassword)).user).toEqual({ username: 'olga.officier', name: 'Olga Officier (fictief)', org: 'om', role: 'deelnemer' });
    expect(await call('POST', '/api/admin/users', admin, { username: 'x.y', name: 'X', org: 'bestaat-niet', role: 'deelnemer' })).toEqual({ status: 400, body: { error: 'unknown_org' } });
    expect((await call('POST', '/api/admin/users', admin, { username: 'x.y', name: 'X', org: 'om', role: 'koning' })).status).toBe(400);
    const users = (await call('GET', '/api/admin/users', admin)).body?.users as { username: string; twoFactor: boolean; disabled: boolean }[];
    expect(users.find((user) => user.username === 'olga.officier')).toMatchObject({ org: 'om', role: 'deelnemer', disabled: false, twoFactor: false });
    const audit = await t.admin.auditList({ user: 'bea.beheer' });
    expect(audit.map((entry) => entry.event)).toEqual(expect.arrayContaining(['org-add', 'user-add']));
    expect(JSON.stringify(await t.admin.auditList())).not.toContain(initialPassword);
  });

  it('disables (ending sessions), enables, resets the password and the second factor; never disables oneself', async () => {
    const pim = (await login(t.url, 'pim.proef', testPassword)).token;
    expect((await call('POST', '/api/admin/users/pim.proef/disable', admin)).status).toBe(204);
    expect((await fetch(`${t.url}/api/me`, { headers: { Authorization: `Bearer ${pim}` } })).status).toBe(401);
    await expect(login(t.url, 'pim.proef', testPassword)).rejects.toThrow('403');
    expect((await call('POST', '/api/admin/users/pim.proef/enable', admin)).status).toBe(204);
    await login(t.url, 'pim.proef', testPassword);
    const reset = await call('POST', '/api/admin/users/pim.proef/password', admin);
    expect(reset.status).toBe(200);
    await expect(login(t.url, 'pim.proef', testPassword)).rejects.toThrow('401');
    await login(t.url, 'pim.proef', reset.body?.initialPassword as string);
    expect((await call('POST', '/api/admin/users/pim.proef/reset-mfa', admin)).status).toBe(204);
    expect((await call('POST', '/api/admin/users/niemand/reset-mfa', admin)).status).toBe(404);
    expect(await call('POST', '/api/admin/users/bea.beheer/disable', admin)).toEqual({ status: 400, body: { error: 'self' } });
    const events = (await t.admin.auditList({ user: 'bea.beheer' })).filter((entry) => entry.target === 'pim.proef').map((entry) => entry.event);
    expect(events).toEqual(['user-disable', 'user-enable', 'user-password', 'mfa-reset']);
  });

  it('renames an organisation and changes a user\'s name, role and organisation, audited; never demotes oneself', async () => {
    expect((await call('POST', '/api/admin/orgs', admin, { id: 'om', name: 'OM' })).status).toBe(201);
    expect((await call('PATCH', '/api/admin/orgs/om', admin, { name: 'Openbaar Ministerie Testland' })).status).toBe(204);
    expect((await call('GET', '/api/orgs', admin)).body?.orgs).toContainEqual({ id: 'om', name: 'Openbaar Ministerie Testland' });
    expect(await call('PATCH', '/api/admin/orgs/nergens', admin, { name: 'X' })).toEqual({ status: 400, body: { error: 'unknown_org' } });
    expect(await call('PATCH', '/api/admin/orgs/om', admin, { name: '  ' })).toEqual({ status: 400, body: { error: 'invalid' } });
    const pim = (await login(t.url, 'pim.proef', testPassword)).token;
    expect((await call('PATCH', '/api/admin/users/pim.proef', pim, { role: 'beheerder' })).status).toBe(403);
    expect((await call('PATCH', '/api/admin/orgs/om', pim, { name: 'X' })).status).toBe(403);
    expect(await call('PATCH', '/api/admin/users/pim.proef', admin, { role: 'waarnemer', org: 'om', name: 'Test  pim.proef ' }))
      .toEqual({ status: 200, body: { changed: ['role', 'org'] } });
    expect(await call('PATCH', '/api/admin/users/pim.proef', admin, { role: 'waarnemer' })).toEqual({ status: 200, body: { changed: [] } });
    expect((await call('GET', '/api/me', pim)).body?.user).toEqual({ username: 'pim.proef', name: 'Test pim.proef', org: 'om', role: 'waarnemer' });
    expect(await call('PATCH', '/api/admin/users/pim.proef', admin, { org: 'nergens' })).toEqual({ status: 400, body: { error: 'unknown_org' } });
    expect(await call('PATCH', '/api/admin/users/pim.proef', admin, { role: 'koning' })).toEqual({ status: 400, body: { error: 'invalid' } });
    expect(await call('PATCH', '/api/admin/users/niemand', admin, { role: 'deelnemer' })).toEqual({ status: 404, body: { error: 'unknown_user' } });
    expect(await call('PATCH', '/api/admin/users/bea.beheer', admin, { role: 'deelnemer' })).toEqual({ status: 400, body: { error: 'self' } });
    const entries = (await t.admin.auditList({ user: 'bea.beheer' })).filter((entry) => entry.event === 'org-rename' || entry.event === 'user-update');
    expect(entries.map((entry) => [entry.event, entry.target, entry.detail])).toEqual([
      ['org-rename', null, { org: 'om' }],
      ['user-update', 'pim.proef', { fields: 'role,org', role: 'waarnemer', org: 'om', fromRole: 'procesregisseur', fromOrg: 'zvh' }],
    ]);
  });
});
