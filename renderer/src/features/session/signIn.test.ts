/** Sign-in against the real sync server, with real (fake-indexeddb) vaults. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, newServer, testPassword, type TestServer } from '../../../../sync-server/test/helpers';
import { signIn, type SignInInput } from './signIn';
import { vaultName } from '../../vault';
import { signedIn } from './testing/signedIn';
import { isSignInError, type SignInErrorCode } from './signInError';
import { fakeProfile } from './testing/vaults';

let server: TestServer;
let deadUrl: string;

beforeAll(async () => {
  server = await newServer();
  await addTestUser(server.admin, 'pr.fictief', 'procesregisseur', 'zvh');
  await addTestUser(server.admin, 'dn.fictief', 'deelnemer', 'vt');
  const dead = await newServer();
  deadUrl = dead.url;
  await dead.close();
});
afterAll(() => server.close());

async function codeOf(promise: Promise<unknown>): Promise<SignInErrorCode | 'signed-in'> {
  try {
    await promise;
    return 'signed-in';
  } catch (error) {
    if (isSignInError(error)) return error.code;
    throw error;
  }
}

const input = (over: Partial<SignInInput> = {}): SignInInput => ({ server: server.url, username: 'pr.fictief', password: testPassword, ...over });

describe('signIn', () => {
  it('online: logs in, unlocks a new vault with the same password and remembers the session in it', async () => {
    const profile = fakeProfile();
    const opened = await signedIn(signIn(input({ username: ' PR.Fictief ' }), profile));
    expect(opened.mode).toBe('online');
    expect(opened.session.user).toMatchObject({ username: 'pr.fictief', org: 'zvh', role: 'procesregisseur' });
    expect(opened.vault.unlocked).toBe(true);
    expect((await opened.vault.loadSession())?.token).toBe(opened.session.token);
    await opened.vault.close();
  });

  it('a disabled account: the right password wipes its whole vault on this device, a wrong one touches nothing', async () => {
    await addTestUser(server.admin, 'gb.fictief', 'deelnemer', 'vt');
    const profile = fakeProfile();
    const names = async (): Promise<string[]> => (await profile.indexedDB.databases()).map((info) => info.name ?? '');
    const other = await signedIn(signIn(input(), profile));
    await other.vault.close();
    const opened = await signedIn(signIn(input({ username: 'gb.fictief' }), profile));
    await opened.vault.appendUpdate('case:disabledtest00001', new Uint8Array([1, 2, 3]));
    await opened.vault.close();
    const disabledVault = await vaultName(server.url, 'gb.fictief');
    expect(await names()).toContain(disabledVault);

    await server.admin.disableUser('gb.fictief');
    expect(await codeOf(signIn(input({ username: 'gb.fictief', password: 'fout-wachtwoord' }), profile))).toBe('invalid-credentials');
    expect(await names()).toContain(disabledVault);
    expect(await codeOf(signIn(input({ username: 'gb.fictief' }), profile))).toBe('account-disabled');
    expect(await names()).not.toContain(disabledVault);
    // Another user's vault on the same device stays.
    expect(await names()).toContain(await vaultName(server.url, 'pr.fictief'));
  });

  it('offline: the same password unlocks the vault of an earlier online session; a wrong one gets the same message as online', async () => {
    const profile = fakeProfile();
    const online = await signedIn(signIn(input(), profile));
    await online.vault.close();

    // The same server address with no network: the fetch fails as a browser's does.
    const unreachable = { ...profile, fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch };
    const resumed = await signedIn(signIn(input(), unreachable));
    expect(resumed.mode).toBe('offline');
    expect(resumed.session.token).toBe(online.session.token);
    expect(resumed.session.user.username).toBe('pr.fictief');
    await resumed.vault.close();

    expect(await codeOf(signIn(input({ password: 'fout-wachtwoord' }), unreachable))).toBe('invalid-credentials');
    expect(await codeOf(signIn(input({ password: 'fout-wachtwoord' }), profile))).toBe('invalid-credentials');
  });

  it('offline without an earlier session on this device: says so and leaves no empty vault behind', async () => {
    const profile = fakeProfile();
    expect(await codeOf(signIn(input({ server: deadUrl }), profile))).toBe('offline-no-vault');
    expect((await profile.indexedDB.databases()).length).toBe(0);
  });

  it('refuses empty fields and a bad server address before asking anyone', async () => {
    const profile = fakeProfile();
    expect(await codeOf(signIn(input({ server: 'ftp://x' }), profile))).toBe('server-url-invalid');
    expect(await codeOf(signIn(input({ username: '  ' }), profile))).toBe('username-missing');
    expect(await codeOf(signIn(input({ password: '' }), profile))).toBe('password-missing');
  });

  it('password changed on the server: says the vault needs the old one, and a reset starts a fresh vault', async () => {
    const profile = fakeProfile();
    const first = await signedIn(signIn(input({ username: 'dn.fictief' }), profile));
    await first.vault.appendUpdate('case:fictief00000001', new Uint8Array([0, 0]));
    await first.vault.close();
    await server.admin.setPassword('dn.fictief', 'nieuw-wachtwoord-fictief');
    const changed = input({ username: 'dn.fictief', password: 'nieuw-wachtwoord-fictief' });
    expect(await codeOf(signIn(changed, profile))).toBe('vault-password-mismatch');
    const fresh = await signedIn(signIn({ ...changed, resetVault: true }, profile));
    expect(await fresh.vault.listRooms()).toEqual([]);
    await fresh.vault.close();
  });
});
