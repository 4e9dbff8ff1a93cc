/**
 * The desktop's 'oidc-sign-in' handler without Electron, end to end: a real sync server and a
 * real OpenID Connect provider (oidc-provider) in-process, the handler's loopback listener on
 * 127.0.0.1, and a stand-in for the system browser (the injected opener) that follows the
 * redirects with fetch and posts the provider's login form as a user would.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allowHttpIssuerEnv, createOidcBindings } from '../../sync-server/src/access/oidc-bindings';
import { adminActor, createAuditLog } from '../../sync-server/src/storage/audit';
import { openKeyedStore } from '../../sync-server/src/storage/keyed-data-dir';
import { freePort } from '../../sync-server/test/backends';
import { addTestUser, newServer, type TestServer } from '../../sync-server/test/helpers';
import { startTestIdp, type TestIdp } from '../../sync-server/test/oidc-provider';
import { systemBrowser } from '../test/system-browser';
import { createOidcSignIn, resultOf } from './oidc-sign-in';

async function exchange(serverUrl: string, code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${serverUrl}/api/oidc/exchange`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('oidc-sign-in handler against a real server and provider', () => {
  let t: TestServer;
  let idp: TestIdp;
  let appUrl: string;

  beforeAll(() => {
    process.env[allowHttpIssuerEnv] = '1';
  });
  afterAll(() => {
    delete process.env[allowHttpIssuerEnv];
  });
  beforeEach(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    idp = await startTestIdp({
      redirectUri: `${appUrl}/api/oidc/callback`,
      accounts: [
        { sub: 'p-1001', preferred_username: 'test.agent', name: 'Test Agent' },
        { sub: 'p-1003', preferred_username: 'niemand.bekend' },
      ],
    });
    t = await newServer({ port, publicUrl: appUrl });
    await addTestUser(t.admin, 'test.agent', 'deelnemer', 'politie');
    const { sql, cipher } = await openKeyedStore({ dataDir: t.dataDir }, null);
    try {
      await createOidcBindings(sql, cipher, createAuditLog(sql)).bind({ org: 'politie', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret }, adminActor);
    } finally {
      await sql.close();
    }
  });
  afterEach(async () => {
    await t.close();
    await idp.close();
  });

  it('opens the server\'s start route with the loopback return, and returns a one-time code the app redeems once', async () => {
    const opened: string[] = [];
    const handler = createOidcSignIn({ serverOrigin: appUrl, openExternal: systemBrowser(appUrl, 'test.agent', opened), timeoutMs: 20_000 });
    const result = await handler.signIn({ serverUrl: `${appUrl}/`, org: 'politie' });
    if (!result.ok) throw new Error(`sign-in failed: ${result.error}`);
    expect(result.code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(opened).toHaveLength(1);
    const start = new URL(opened[0]!);
    expect(start.origin + start.pathname).toBe(`${appUrl}/api/oidc/start`);
    expect(start.searchParams.get('org')).toBe('politie');
    expect(start.searchParams.get('return')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(start.searchParams.get('return_state')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const redeemed = await exchange(appUrl, result.code);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.user).toMatchObject({ username: 'test.agent', org: 'politie' });
    expect((await exchange(appUrl, result.code)).status).toBe(401);
    // Nothing left waiting.
    expect(await handler.cancel()).toBe(false);
  });

  it('passes on the server\'s reason when the provider\'s user has no account', async () => {
    const handler = createOidcSignIn({ serverOrigin: appUrl, openExternal: systemBrowser(appUrl, 'niemand.bekend', []), timeoutMs: 20_000 });
    expect(await handler.signIn({ serverUrl: appUrl, org: 'politie' })).toEqual({ ok: false, error: 'unknown-user' });
  });

  it('answers not-bound for an organisation without a provider, through the loopback too', async () => {
    const handler = createOidcSignIn({ serverOrigin: appUrl, openExternal: systemBrowser(appUrl, 'test.agent', []), timeoutMs: 20_000 });
    expect(await handler.signIn({ serverUrl: appUrl, org: 'om' })).toEqual({ ok: false, error: 'not-bound' });
  });
});

describe('oidc-sign-in handler', () => {
  const serverOrigin = 'https://themakamer.zvh-testregio.test';

  it('opens nothing for another server than the configured one', async () => {
    const opened: string[] = [];
    const handler = createOidcSignIn({ serverOrigin, openExternal: async (url) => void opened.push(url) });
    expect(await handler.signIn({ serverUrl: 'https://elders.test', org: 'politie' })).toEqual({ ok: false, error: 'other-server' });
    expect(opened).toEqual([]);
  });

  it('is cancelled on request, and a new attempt cancels the one before', async () => {
    const opened: string[] = [];
    const handler = createOidcSignIn({ serverOrigin, openExternal: async (url) => void opened.push(url), timeoutMs: 20_000 });
    const first = handler.signIn({ serverUrl: serverOrigin, org: 'politie' });
    await expect.poll(() => opened.length).toBe(1);
    const second = handler.signIn({ serverUrl: serverOrigin, org: 'politie' });
    expect(await first).toEqual({ ok: false, error: 'cancelled' });
    await expect.poll(() => opened.length).toBe(2);
    expect(await handler.cancel()).toBe(true);
    expect(await second).toEqual({ ok: false, error: 'cancelled' });
    expect(await handler.cancel()).toBe(false);
  });

  it('gives up at the timeout, and says so when the browser cannot be opened', async () => {
    const waiting = createOidcSignIn({ serverOrigin, openExternal: async () => undefined, timeoutMs: 100 });
    expect(await waiting.signIn({ serverUrl: serverOrigin, org: 'politie' })).toEqual({ ok: false, error: 'timeout' });
    const noBrowser = createOidcSignIn({ serverOrigin, openExternal: () => Promise.reject(new Error('no browser')) });
    expect(await noBrowser.signIn({ serverUrl: serverOrigin, org: 'politie' })).toEqual({ ok: false, error: 'open-failed' });
  });

  it('reads only a well-formed code or reason from the redirect', () => {
    const code = 'A'.repeat(43);
    expect(resultOf(new URLSearchParams({ oidc: code }))).toEqual({ ok: true, code });
    expect(resultOf(new URLSearchParams({ oidc: 'kort' }))).toEqual({ ok: false, error: 'failed' });
    expect(resultOf(new URLSearchParams({ 'oidc-error': 'disabled' }))).toEqual({ ok: false, error: 'disabled' });
    expect(resultOf(new URLSearchParams({ 'oidc-error': '<script>' }))).toEqual({ ok: false, error: 'failed' });
    expect(resultOf(new URLSearchParams())).toEqual({ ok: false, error: 'failed' });
  });
});
