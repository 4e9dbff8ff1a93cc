/**
 * Binding an organisation to its identity provider, as an operator does it with the admin CLI
 * (its own process, the client secret on stdin) and as a `beheerder` does it in the Beheer
 * screen (the API): one server code, audited, the secret never shown again.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, login, newServer, testPassword, type TestServer } from './helpers';

const secret = 'fictief-client-secret-9f8e7d';

describe('binding an organisation to its identity provider', () => {
  let t: TestServer;
  const admin = (args: string[], input = '', env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', t.dataDir, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const passwordStatus = async (username: string): Promise<number> => (await fetch(`${t.url}/api/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: testPassword }),
  })).status;

  beforeAll(async () => {
    t = await newServer({ publicUrl: 'https://themakamer.test' });
    await addTestUser(t.admin, 'test.agent', 'deelnemer', 'politie');
    await addTestUser(t.admin, 'test.officier', 'deelnemer', 'om');
    await addTestUser(t.admin, 'test.beheer', 'beheerder', 'zvh');
  });
  afterAll(() => t.close());

  it('binds with the CLI, secret from stdin; lists without the secret; password sign-in is refused until removed', async () => {
    const bound = admin(['org', 'oidc', 'politie', '--issuer', 'https://login.politie.test/realms/zvh', '--client-id', 'themakamer'], `${secret}\n`);
    expect(bound).toMatchObject({ status: 0 });
    expect(bound.stdout).toContain('Organisatie politie logt nu in via https://login.politie.test/realms/zvh');
    const listed = admin(['org', 'oidc-list']);
    expect(listed.stdout).toBe('politie\thttps://login.politie.test/realms/zvh\tthemakamer\tpreferred_username\n');
    expect(listed.stdout + bound.stdout + bound.stderr).not.toContain(secret);
    expect(await (await fetch(`${t.url}/api/oidc/orgs`)).json()).toEqual({ orgs: [{ id: 'politie', name: 'Test POLITIE' }] });
    expect(await passwordStatus('test.agent')).toBe(403);
    expect(await passwordStatus('test.officier')).toBe(200);

    expect(admin(['org', 'oidc-remove', 'politie'])).toMatchObject({ status: 0 });
    expect(await passwordStatus('test.agent')).toBe(200);
    const events = (await t.admin.auditList()).filter((entry) => entry.event.startsWith('org-oidc')).map((entry) => [entry.event, entry.actor, entry.detail?.org]);
    expect(events).toEqual([['org-oidc-bind', '@admin', 'politie'], ['org-oidc-unbind', '@admin', 'politie']]);
    expect(JSON.stringify(await t.admin.auditList())).not.toContain(secret);
  });

  it('explains refusals in Dutch: http issuer, unknown organisation, no secret, bad claim, nothing to remove', () => {
    const http = admin(['org', 'oidc', 'politie', '--issuer', 'http://login.politie.test', '--client-id', 'x'], `${secret}\n`);
    expect(http.status).toBe(1);
    expect(http.stderr).toContain('https');
    expect(admin(['org', 'oidc', 'onbekend', '--issuer', 'https://login.test', '--client-id', 'x'], `${secret}\n`).stderr).toContain('Organisatie onbekend bestaat niet');
    expect(admin(['org', 'oidc', 'politie', '--issuer', 'https://login.test', '--client-id', 'x'], '').status).not.toBe(0);
    expect(admin(['org', 'oidc', 'politie', '--issuer', 'https://login.test', '--client-id', 'x', '--claim', 'sub'], `${secret}\n`).status).toBe(2);
    expect(admin(['org', 'oidc-remove', 'om']).stderr).toContain('niet gekoppeld');
  });

});

// Its own server: a keep-alive socket left idle by the slow CLI tests above may be closed by the
// server just as fetch reuses it (ECONNRESET), which says nothing about the API.
describe('binding an organisation in the Beheer API', () => {
  let t: TestServer;
  const api = async (token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${t.url}${path}`, {
      method, headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  };
  beforeAll(async () => {
    t = await newServer({ publicUrl: 'https://themakamer.test' });
    await addTestUser(t.admin, 'test.officier', 'deelnemer', 'om');
    await addTestUser(t.admin, 'test.beheer', 'beheerder', 'zvh');
  });
  afterAll(() => t.close());

  it('binds and unbinds (beheerder only), never answering with the secret', async () => {
    const { token } = await login(t.url, 'test.beheer', testPassword);
    const { token: other } = await login(t.url, 'test.officier', testPassword);
    const binding = { issuer: 'https://login.om.test', clientId: 'themakamer-om', clientSecret: secret, claim: 'email' };
    expect((await api(other, 'PUT', '/api/admin/orgs/om/oidc', binding)).status).toBe(403);
    expect(await api(token, 'PUT', '/api/admin/orgs/om/oidc', binding)).toEqual({ status: 204, body: null });
    // The OM user's password session ended with the binding.
    expect((await api(other, 'GET', '/api/me')).status).toBe(401);
    const listed = await api(token, 'GET', '/api/admin/oidc');
    expect(listed).toEqual({ status: 200, body: { available: true, bindings: [{ org: 'om', orgName: 'Test OM', issuer: 'https://login.om.test', clientId: 'themakamer-om', claim: 'email', updatedAt: expect.any(String) }] } });
    expect((await api(token, 'PUT', '/api/admin/orgs/om/oidc', { ...binding, issuer: 'ftp://x' })).body).toEqual({ error: 'invalid_issuer' });
    expect((await api(token, 'PUT', '/api/admin/orgs/nergens/oidc', binding)).status).toBe(404);
    expect((await api(token, 'DELETE', '/api/admin/orgs/om/oidc')).status).toBe(204);
    expect((await api(token, 'DELETE', '/api/admin/orgs/om/oidc')).body).toEqual({ error: 'not_bound' });
    const bind = (await t.admin.auditList()).find((entry) => entry.event === 'org-oidc-bind' && entry.actor === 'test.beheer');
    expect(bind?.detail).toEqual({ org: 'om', issuer: 'https://login.om.test', claim: 'email' });
  });
});
