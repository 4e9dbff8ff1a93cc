/** The first run over real HTTP: a server without users takes its one-time setup link, once. */
import { afterEach, describe, expect, it } from 'vitest';
import { addTestUser, newServer, type TestServer } from './helpers';

const setup = (t: TestServer, body: Record<string, unknown>) =>
  fetch(`${t.url}/api/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const pending = async (t: TestServer): Promise<unknown> => ((await (await fetch(`${t.url}/api/setup`)).json()) as { pending: boolean }).pending;

describe('first run', () => {
  let t: TestServer;
  afterEach(() => t.close());

  it('creates the first beheerder with the printed token, once; that account must enrol its second factor', async () => {
    t = await newServer({ requireMfa: true });
    const token = t.server.setupToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await pending(t)).toBe(true);
    const form = { token, region: 'Regio Voorbeeldstad (fictief)', orgName: 'Zorg- en Veiligheidshuis Voorbeeldstad', name: 'Bea Beheer (fictief)', username: 'bea.beheer', password: 'eerste-wachtwoord-1' };

    expect((await setup(t, { ...form, token: 'x'.repeat(43) })).status).toBe(403);
    const badName = await setup(t, { ...form, username: 'Bea Beheer!' });
    expect(badName.status).toBe(400);
    expect(await badName.json()).toEqual({ error: 'invalid_field', field: 'username' });
    expect(await (await setup(t, { ...form, password: 'kort' })).json()).toEqual({ error: 'invalid_field', field: 'password' });
    expect(await (await setup(t, { ...form, region: '  ' })).json()).toEqual({ error: 'invalid_field', field: 'region' });

    expect((await setup(t, form)).status).toBe(204);
    expect(await pending(t)).toBe(false);
    expect((await setup(t, form)).status).toBe(409);
    expect(await t.admin.listUsers()).toEqual([{ username: 'bea.beheer', name: 'Bea Beheer (fictief)', org: 'zvh', role: 'beheerder', disabled: false }]);
    expect(await t.admin.listOrgs()).toEqual([{ id: 'zvh', name: 'Zorg- en Veiligheidshuis Voorbeeldstad' }]);
    const login = await fetch(`${t.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bea.beheer', password: form.password }) });
    expect(((await login.json()) as { secondFactor: string }).secondFactor).toBe('enrol');
    const audit = await t.admin.auditList();
    expect(audit.some((entry) => entry.event === 'setup' && entry.target === 'bea.beheer')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(token ?? '-');
  });

  it('is over as soon as a user exists (added with the admin CLI); a server started with users has no token', async () => {
    t = await newServer();
    const token = t.server.setupToken;
    await addTestUser(t.admin, 'anna');
    expect(await pending(t)).toBe(false);
    expect((await setup(t, { token, region: 'R', orgName: 'O', name: 'N', username: 'nog.een', password: 'wachtwoord-lang-1' })).status).toBe(409);
    await t.server.close();
    const restarted = await newServer({ dataDir: t.dataDir });
    try {
      expect(restarted.server.setupToken).toBeNull();
    } finally {
      await restarted.server.close();
      await restarted.admin.close();
    }
  });
});
