/** Login: one body for every failure, rate limits per username and per address, disabled users. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTestUser, login, newServer, testPassword, type TestServer } from './helpers';

async function attempt(url: string, username: string, password: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return { status: response.status, body: await response.json() };
}

describe('login', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await newServer({ limits: { loginAttemptsPerUser: 3, loginAttemptsPerIp: 6 } });
    await addTestUser(t.admin, 'anna', 'procesregisseur', 'zvh');
  });
  afterEach(() => t.close());

  it('returns a token, its expiry and the user', async () => {
    const result = await login(t.url, 'anna', testPassword);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(result.expiresAt)).toBeGreaterThan(Date.now());
    expect(result.user).toEqual({ username: 'anna', name: 'Test anna', org: 'zvh', role: 'procesregisseur' });
    const me = await fetch(`${t.url}/api/me`, { headers: { Authorization: `Bearer ${result.token}` } });
    expect(await me.json()).toEqual({ user: result.user });
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrong = await attempt(t.url, 'anna', 'niet-het-wachtwoord');
    const unknown = await attempt(t.url, 'niemand', 'niet-het-wachtwoord');
    expect(wrong).toEqual({ status: 401, body: { error: 'invalid_credentials' } });
    expect(unknown).toEqual(wrong);
  });

  it('tells only the right password that the account is disabled (its app wipes the vault), and ends its sessions', async () => {
    const { token } = await login(t.url, 'anna', testPassword);
    await t.admin.disableUser('anna');
    expect(await attempt(t.url, 'anna', testPassword)).toEqual({ status: 403, body: { error: 'account_disabled' } });
    // A wrong password learns nothing: the same answer as for anyone.
    expect(await attempt(t.url, 'anna', 'niet-het-wachtwoord')).toEqual({ status: 401, body: { error: 'invalid_credentials' } });
    expect((await fetch(`${t.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('rate-limits failures per username (also for the right password afterwards)', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt(t.url, 'anna', `fout-${i}-wachtwoord`)).status).toBe(401);
    const limited = await attempt(t.url, 'anna', testPassword);
    expect(limited).toEqual({ status: 429, body: { error: 'rate_limited' } });
    // The same for a name that does not exist: the limit is no oracle.
    for (let i = 0; i < 3; i++) await attempt(t.url, 'niemand', `fout-${i}-wachtwoord`);
    expect((await attempt(t.url, 'niemand', 'wat-dan-ook-1')).status).toBe(429);
  });

  it('rate-limits failures per address over many usernames', async () => {
    for (let i = 0; i < 6; i++) expect((await attempt(t.url, `gok${i}`, 'fout-wachtwoord')).status).toBe(401);
    expect((await attempt(t.url, 'anna', testPassword)).status).toBe(429);
  });

  it('rejects malformed bodies with 400/415 and wrong methods with 405', async () => {
    const notJson = await fetch(`${t.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(notJson.status).toBe(415);
    const badJson = await fetch(`${t.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(await badJson.json()).toEqual({ error: 'invalid_json' });
    const missing = await fetch(`${t.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"anna"}' });
    expect(missing.status).toBe(400);
    expect((await fetch(`${t.url}/api/login`)).status).toBe(405);
  });

  it('ends the session on logout', async () => {
    const { token } = await login(t.url, 'anna', testPassword);
    const out = await fetch(`${t.url}/api/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(out.status).toBe(204);
    expect((await fetch(`${t.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('audits success and failure without the password or token', async () => {
    const { token } = await login(t.url, 'anna', testPassword);
    await attempt(t.url, 'anna', 'fout-wachtwoord-x');
    const entries = (await t.admin.auditList({ user: 'anna' }));
    expect(entries.map((e) => e.event)).toEqual(expect.arrayContaining(['login-success', 'login-failure']));
    const text = JSON.stringify((await t.admin.auditList()));
    expect(text).not.toContain(testPassword);
    expect(text).not.toContain('fout-wachtwoord-x');
    expect(text).not.toContain(token);
  });
});
