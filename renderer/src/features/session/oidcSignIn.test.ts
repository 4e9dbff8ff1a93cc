/**
 * The app's side of signing in with the organisation's identity provider, against the real
 * sync server and real (fake-indexeddb) vaults: the fragment on the way back, a refused
 * password for a bound user, the device's vault password (new, then again after a reload).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcBindings } from '../../../../sync-server/src/access/oidc-bindings';
import { adminActor, createAuditLog } from '../../../../sync-server/src/storage/audit';
import { openKeyedStore } from '../../../../sync-server/src/storage/keyed-data-dir';
import { addTestUser, login, newServer, testPassword, type TestServer } from '../../../../sync-server/test/helpers';
import type { OidcSignInRequest, OidcSignInResult } from '../../../../electron/contract';
import { oidcReturnOf, startOidcSignIn } from './oidcSignIn';
import { hasVault, openOidcSession, signIn } from './signIn';
import { isSignInError } from './signInError';
import { fakeProfile } from './testing/vaults';

let server: TestServer;

beforeAll(async () => {
  server = await newServer();
  await addTestUser(server.admin, 'test.agent', 'deelnemer', 'politie');
});
afterAll(() => server.close());

const codeOf = async (promise: Promise<unknown>): Promise<string> => promise.then(() => 'ok', (error: unknown) => (isSignInError(error) ? error.code : 'other'));

describe('sign-in with the organisation', () => {
  it('reads the way back from the fragment: a one-time code or a reason, nothing else', () => {
    const code = 'A'.repeat(43);
    expect(oidcReturnOf(`#oidc=${code}`)).toEqual({ kind: 'code', code });
    expect(oidcReturnOf('#oidc-error=unknown-user')).toEqual({ kind: 'error', reason: 'unknown-user' });
    expect(oidcReturnOf('#oidc=kort')).toBeNull();
    expect(oidcReturnOf('#/casussen')).toBeNull();
  });

  it('starts in the system browser when the desktop offers it, otherwise sends the page to the start URL', async () => {
    const went: string[] = [];
    const go = (url: string): void => void went.push(url);
    // Web build: no desktop method, the page goes to the server's start route.
    expect(await startOidcSignIn({}, 'https://themakamer.zvh-testregio.test', 'politie', go)).toBeNull();
    expect(went).toEqual(['https://themakamer.zvh-testregio.test/api/oidc/start?org=politie']);

    // Desktop: the preload's method is asked, the page stays where it is.
    went.length = 0;
    const asked: OidcSignInRequest[] = [];
    const desktop = (answer: OidcSignInResult | Error) => ({
      signInWithOrganisation: async (request: OidcSignInRequest) => {
        asked.push(request);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    const code = 'B'.repeat(43);
    expect(await startOidcSignIn(desktop({ ok: true, code }), server.url, 'politie', go)).toEqual({ kind: 'code', code });
    expect(asked).toEqual([{ serverUrl: server.url, org: 'politie' }]);
    expect(await startOidcSignIn(desktop({ ok: false, error: 'unknown-user' }), server.url, 'politie', go)).toEqual({ kind: 'error', reason: 'unknown-user' });
    expect(await startOidcSignIn(desktop({ ok: false, error: 'cancelled' }), server.url, 'politie', go)).toBeNull();
    expect(await startOidcSignIn(desktop(new Error('ipc-invalid-request')), server.url, 'politie', go)).toEqual({ kind: 'error', reason: 'failed' });
    expect(went).toEqual([]);
  });

  it('refuses the password of a bound user, then opens a new device vault with a chosen password and resumes it after a reload', async () => {
    // A session as the exchange gives it (made here with the password, before the binding).
    const session = await login(server.url, 'test.agent', testPassword);
    const { sql, cipher } = await openKeyedStore({ dataDir: server.dataDir }, null);
    await createOidcBindings(sql, cipher, createAuditLog(sql)).bind({ org: 'politie', issuer: 'https://login.politie.test', clientId: 'x', clientSecret: 'fictief' }, adminActor);
    await sql.close();

    const profile = fakeProfile();
    expect(await codeOf(signIn({ server: server.url, username: 'test.agent', password: testPassword }, profile))).toBe('oidc-required');
    expect(await hasVault(server.url, 'test.agent', profile)).toBe(false);
    expect(await codeOf(openOidcSession(server.url, session, 'kort', 'kort', false, profile))).toBe('vault-password-short');
    expect(await codeOf(openOidcSession(server.url, session, 'apparaat-wachtwoord', 'iets anders!', false, profile))).toBe('vault-password-repeat');
    const opened = await openOidcSession(server.url, session, 'apparaat-wachtwoord', 'apparaat-wachtwoord', false, profile);
    expect(opened.session.user.username).toBe('test.agent');
    await opened.vault.close();
    expect(await hasVault(server.url, 'test.agent', profile)).toBe(true);

    // After a reload: the device password unlocks the vault and its session, though the server takes no password.
    const resumed = await signIn({ server: server.url, username: 'test.agent', password: 'apparaat-wachtwoord' }, profile, { resumeStoredSession: true });
    expect('vault' in resumed && resumed.session.token).toBe(session.token);
    if ('vault' in resumed) await resumed.vault.close();
    expect(await codeOf(signIn({ server: server.url, username: 'test.agent', password: 'verkeerd-wachtwoord' }, profile, { resumeStoredSession: true }))).toBe('vault-password-mismatch');
    // Remembered as signed in via the organisation: the device password never goes to the server.
    const calls: string[] = [];
    const watched = { ...profile, fetch: ((url: string, init?: RequestInit) => (calls.push(String(url)), fetch(url, init))) as typeof fetch };
    const again = await signIn({ server: server.url, username: 'test.agent', password: 'apparaat-wachtwoord', viaOrganisation: true }, watched, { resumeStoredSession: true });
    if ('vault' in again) await again.vault.close();
    expect(calls).toEqual([]);
  });
});
