/**
 * Sign-in with the organisation's own identity provider, end to end over real HTTP: a real
 * OpenID Connect provider (oidc-provider) in-process for the fictional organisation "Politie
 * Testregio", the server's start and callback routes followed like a browser does (cookies
 * per origin, redirects by hand), the one-time code redeemed for a session. The ID token is
 * tampered with and re-signed with a wrong audience and a past expiry at the provider's token
 * endpoint to prove the server checks signature, audience and expiry itself.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allowHttpIssuerEnv, checkIssuer, createOidcBindings, type NewOidcBinding } from '../src/access/oidc-bindings';
import { adminActor, createAuditLog } from '../src/storage/audit';
import { openKeyedStore } from '../src/storage/keyed-data-dir';
import { databaseFile } from '../src/storage/database';
import { signInThroughBrowser } from '../../electron/main/loopback-redirect';
import { freePort } from './backends';
import { addTestUser, newServer, testPassword, type TestServer } from './helpers';
import { startTestIdp, type TestIdp } from './oidc-provider';

/** A tiny browser: one cookie jar per origin, redirects followed by hand. */
function browser() {
  const jars = new Map<string, Map<string, string>>();
  const jar = (url: URL): Map<string, string> => {
    let found = jars.get(url.host);
    if (!found) jars.set(url.host, (found = new Map()));
    return found;
  };
  const request = async (href: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> => {
    const url = new URL(href);
    const cookies = [...jar(url)].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...(cookies ? { Cookie: cookies } : {}),
        ...(init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...value] = pair.trim().split('=');
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (expired || value.join('=') === '') jar(url).delete(name);
      else jar(url).set(name, value.join('='));
    }
    return response;
  };
  return { request, jar };
}

/**
 * Starts at the app's start route, signs in at the provider as `login` and follows redirects
 * until the browser is back at the app; returns the app URL's fragment.
 */
async function signIn(appUrl: string, org: string, login: string, b = browser()): Promise<string> {
  let location = `${appUrl}/api/oidc/start?org=${org}`;
  for (let hop = 0; hop < 12; hop++) {
    if (location.startsWith(`${appUrl}/#`)) return new URL(location).hash.slice(1);
    const response = await b.request(location);
    if (response.status === 200 && /\/interaction\//.test(location)) {
      const posted = await b.request(location, { method: 'POST', form: { login } });
      expect(posted.status).toBe(303);
      location = new URL(posted.headers.get('location')!, location).href;
      continue;
    }
    expect([302, 303], `${response.status} at ${new URL(location).pathname}`).toContain(response.status);
    location = new URL(response.headers.get('location')!, location).href;
  }
  throw new Error('too many redirects');
}

async function exchange(url: string, code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/oidc/exchange`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Binds an organisation as the admin CLI does (the data dir's own key). */
async function bind(t: TestServer, binding: NewOidcBinding): Promise<void> {
  const { sql, cipher } = await openKeyedStore({ dataDir: t.dataDir }, null);
  try {
    await createOidcBindings(sql, cipher, createAuditLog(sql)).bind(binding, adminActor);
  } finally {
    await sql.close();
  }
}

const claimsOf = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const withClaims = (jwt: string, change: Record<string, unknown>): string => {
  const [header, , signature] = jwt.split('.');
  return `${header}.${Buffer.from(JSON.stringify({ ...claimsOf(jwt), ...change })).toString('base64url')}.${signature}`;
};

describe('sign-in with the organisation\'s identity provider', () => {
  let t: TestServer;
  let idp: TestIdp;
  let appUrl: string;
  let port: number;

  beforeAll(() => {
    process.env[allowHttpIssuerEnv] = '1';
  });
  afterAll(() => {
    delete process.env[allowHttpIssuerEnv];
  });

  beforeEach(async () => {
    port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    idp = await startTestIdp({
      redirectUri: `${appUrl}/api/oidc/callback`,
      accounts: [
        { sub: 'p-1001', preferred_username: 'test.agent', name: 'Test Agent', email: 'agent@politie.test', email_verified: true },
        { sub: 'p-1002', preferred_username: 'test.chef', name: 'Test Chef' },
        { sub: 'p-1003', preferred_username: 'niemand.bekend' },
        { sub: 'p-1004', preferred_username: 'test.officier' },
      ],
    });
    t = await newServer({ port, publicUrl: appUrl, requireMfa: true });
    await addTestUser(t.admin, 'test.agent', 'deelnemer', 'politie');
    await addTestUser(t.admin, 'test.chef', 'procesregisseur', 'politie');
    await addTestUser(t.admin, 'test.officier', 'deelnemer', 'om');
    await addTestUser(t.admin, 'test.beheer', 'beheerder', 'zvh');
    await bind(t, { org: 'politie', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret });
  });
  afterEach(async () => {
    await t.close();
    await idp.close();
  });

  it('signs in at the provider and redeems the one-time code once for a normal session, without a second factor of ours', async () => {
    const fragment = await signIn(appUrl, 'politie', 'test.agent');
    expect(fragment).toMatch(/^oidc=[A-Za-z0-9_-]{43}$/);
    const code = fragment.slice('oidc='.length);
    const first = await exchange(t.url, code);
    expect(first.status).toBe(200);
    expect(first.body.user).toEqual({ username: 'test.agent', name: 'Test test.agent', org: 'politie', role: 'deelnemer' });
    expect(first.body.secondFactor).toBeUndefined();
    const me = await fetch(`${t.url}/api/me`, { headers: { Authorization: `Bearer ${first.body.token as string}` } });
    expect(me.status).toBe(200);
    // Once only.
    expect(await exchange(t.url, code)).toEqual({ status: 401, body: { error: 'invalid_code' } });

    const entries = await t.admin.auditList();
    const success = entries.find((entry) => entry.event === 'login-success' && entry.actor === 'test.agent');
    expect(success?.detail).toEqual({ method: 'oidc', org: 'politie' });
    // Neither the code nor the session token is in the audit chain.
    const text = JSON.stringify(entries);
    expect(text).not.toContain(code);
    expect(text).not.toContain(first.body.token as string);
  });

  it('lists only bound organisations, publicly, with ids and names', async () => {
    const response = await fetch(`${t.url}/api/oidc/orgs`);
    expect(await response.json()).toEqual({ orgs: [{ id: 'politie', name: 'Test POLITIE' }] });
  });

  it('keeps the flow in a sealed, HttpOnly, SameSite=Lax cookie and sends PKCE S256, state and nonce', async () => {
    const response = await fetch(`${t.url}/api/oidc/start?org=politie`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^themakamer_oidc=[A-Za-z0-9_-]+; Path=\/api\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/);
    const target = new URL(response.headers.get('location')!);
    expect(target.origin).toBe(idp.issuer);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('redirect_uri')).toBe(`${appUrl}/api/oidc/callback`);
    for (const name of ['state', 'nonce', 'code_challenge']) expect(target.searchParams.get(name)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // The cookie holds none of them in the clear.
    for (const name of ['state', 'nonce']) expect(cookie).not.toContain(target.searchParams.get(name));
  });

  it('refuses an ID token whose claims were changed after signing (the signature is checked)', async () => {
    // Signed for test.agent, changed to name test.chef: without a signature check this is a takeover.
    idp.idTokenHook = (jwt) => withClaims(jwt, { preferred_username: 'test.chef' });
    expect(await signIn(appUrl, 'politie', 'test.agent')).toBe('oidc-error=token-rejected');
    const failure = (await t.admin.auditList()).find((entry) => entry.event === 'login-failure');
    expect(failure?.detail).toMatchObject({ method: 'oidc', org: 'politie', reason: 'token-rejected' });
  });

  it('accepts a token re-signed by the provider with the same claims (the hook itself breaks nothing)', async () => {
    idp.idTokenHook = (jwt) => idp.sign(claimsOf(jwt));
    const fragment = await signIn(appUrl, 'politie', 'test.agent');
    expect(fragment).toMatch(/^oidc=/);
  });

  it('refuses a validly signed ID token for another audience', async () => {
    idp.idTokenHook = (jwt) => idp.sign({ ...claimsOf(jwt), aud: 'een-andere-client' });
    expect(await signIn(appUrl, 'politie', 'test.agent')).toBe('oidc-error=token-rejected');
  });

  it('refuses a validly signed ID token that has expired', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    idp.idTokenHook = (jwt) => idp.sign({ ...claimsOf(jwt), iat: past - 600, exp: past });
    expect(await signIn(appUrl, 'politie', 'test.agent')).toBe('oidc-error=token-rejected');
  });

  it('refuses a validly signed ID token from another issuer', async () => {
    idp.idTokenHook = (jwt) => idp.sign({ ...claimsOf(jwt), iss: 'https://idp.elders.test' });
    expect(await signIn(appUrl, 'politie', 'test.agent')).toBe('oidc-error=token-rejected');
  });

  it('refuses a validly signed ID token with another nonce (a replayed token)', async () => {
    idp.idTokenHook = (jwt) => idp.sign({ ...claimsOf(jwt), nonce: 'nonce-van-een-andere-aanmelding' });
    expect(await signIn(appUrl, 'politie', 'test.agent')).toBe('oidc-error=token-rejected');
  });

  it('refuses an unknown user, a disabled user and a user of another organisation, and audits why', async () => {
    expect(await signIn(appUrl, 'politie', 'niemand.bekend')).toBe('oidc-error=unknown-user');
    await t.admin.disableUser('test.chef');
    expect(await signIn(appUrl, 'politie', 'test.chef')).toBe('oidc-error=disabled');
    // test.officier exists, but at the OM: the police's provider cannot sign them in.
    expect(await signIn(appUrl, 'politie', 'test.officier')).toBe('oidc-error=other-org');
    const reasons = (await t.admin.auditList()).filter((entry) => entry.event === 'login-failure').map((entry) => [entry.actor, entry.detail?.reason]);
    expect(reasons).toEqual([[null, 'unknown-user'], ['test.chef', 'disabled'], ['test.officier', 'other-org']]);
  });

  it('refuses a callback without the flow cookie or with another state', async () => {
    const b = browser();
    const start = await b.request(`${appUrl}/api/oidc/start?org=politie`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const wrongState = await b.request(`${appUrl}/api/oidc/callback?code=x&state=${state}x`);
    expect(wrongState.headers.get('location')).toBe(`${appUrl}/#oidc-error=state-mismatch`);
    const noCookie = await fetch(`${appUrl}/api/oidc/callback?code=x&state=${state}`, { redirect: 'manual' });
    expect(noCookie.headers.get('location')).toBe(`${appUrl}/#oidc-error=flow-expired`);
  });

  it('refuses password sign-in for users of a bound organisation with oidc_required, and not for others', async () => {
    const post = (username: string) => fetch(`${t.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: testPassword }) });
    const refused = await post('test.agent');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'oidc_required' });
    const other = await post('test.officier');
    expect(other.status).toBe(200);
    expect((await other.json()).secondFactor).toBe('enrol');
  });

  it('matches by e-mail when the binding says so', async () => {
    await bind(t, { org: 'politie', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, claim: 'email' });
    // No address set yet: unknown.
    expect(await signIn(appUrl, 'politie', 'test.agent')).toBe('oidc-error=unknown-user');
    const db = new Database(join(t.dataDir, databaseFile));
    db.prepare('INSERT INTO user_mail (username, address) VALUES (?, ?)').run('test.agent', 'Agent@Politie.test');
    db.close();
    const fragment = await signIn(appUrl, 'politie', 'test.agent');
    expect((await exchange(t.url, fragment.slice('oidc='.length))).body.user).toMatchObject({ username: 'test.agent' });
  });

  it('stores the client secret sealed and refuses a plain-http issuer without the test switch', async () => {
    const db = new Database(join(t.dataDir, databaseFile), { readonly: true });
    const row = db.prepare('SELECT client_secret FROM org_oidc WHERE org = ?').get('politie') as { client_secret: Buffer };
    db.close();
    expect(row.client_secret.includes(Buffer.from(idp.clientSecret))).toBe(false);
    delete process.env[allowHttpIssuerEnv];
    try {
      expect(() => checkIssuer(idp.issuer)).toThrow(/https/);
      expect(checkIssuer('https://login.politie.test/realms/zvh')).toBe('https://login.politie.test/realms/zvh');
    } finally {
      process.env[allowHttpIssuerEnv] = '1';
    }
  });

  it('hands the sign-in to the desktop app\'s loopback listener (RFC 8252) with its own state, and refuses other return addresses', async () => {
    const b = browser();
    // The "system browser": follows the start URL through provider and server until the loopback.
    const systemBrowser = async (url: string): Promise<void> => {
      let location = url;
      for (let hop = 0; hop < 12; hop++) {
        if (location.startsWith('http://127.0.0.1:') && new URL(location).pathname === '/callback' && !location.startsWith(appUrl)) {
          await fetch(location);
          return;
        }
        const response = await b.request(location);
        if (response.status === 200 && /\/interaction\//.test(location)) {
          const posted = await b.request(location, { method: 'POST', form: { login: 'test.agent' } });
          location = new URL(posted.headers.get('location')!, location).href;
          continue;
        }
        location = new URL(response.headers.get('location')!, location).href;
      }
      throw new Error('too many redirects');
    };
    const query = await signInThroughBrowser({
      signInUrl: (redirectUri, state) => `${appUrl}/api/oidc/start?org=politie&return=${encodeURIComponent(redirectUri)}&return_state=${state}`,
      open: systemBrowser,
      timeoutMs: 20_000,
    });
    const code = query.get('oidc') ?? '';
    expect((await exchange(t.url, code)).body.user).toMatchObject({ username: 'test.agent' });

    const start = (query: string) => fetch(`${t.url}/api/oidc/start?org=politie&${query}`, { redirect: 'manual' });
    const state = 'A'.repeat(43);
    for (const bad of ['https://evil.test/callback', 'http://localhost:5555/callback', 'http://127.0.0.1:5555/elders', 'http://127.0.0.1:80/callback']) {
      expect((await start(`return=${encodeURIComponent(bad)}&return_state=${state}`)).status).toBe(400);
    }
    expect((await start(`return=${encodeURIComponent('http://127.0.0.1:5555/callback')}&return_state=kort`)).status).toBe(400);
    // An unknown organisation still answers the loopback, so the desktop does not wait for nothing.
    const unbound = await fetch(`${t.url}/api/oidc/start?org=om&return=${encodeURIComponent('http://127.0.0.1:5555/callback')}&return_state=${state}`, { redirect: 'manual' });
    expect(unbound.headers.get('location')).toBe(`http://127.0.0.1:5555/callback?oidc-error=not-bound&state=${state}`);
  });
});
