/** The session state machine against the real sync server and vaults on fake-indexeddb. */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addTestUser, newServer, testPassword, type TestServer } from '../../../../sync-server/test/helpers';
import { createSessionController, type SessionController } from './sessionController';
import { isSignInError } from './signInError';
import { fakeProfile } from './testing/vaults';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

async function setup(): Promise<{ server: TestServer; storage: Storage; profile: ReturnType<typeof fakeProfile>; controller: () => SessionController }> {
  const server = await newServer();
  cleanups.push(() => server.close());
  await addTestUser(server.admin, 'pr.fictief', 'procesregisseur', 'zvh');
  const storage = memoryStorage();
  const profile = fakeProfile();
  const controller = (): SessionController => {
    const created = createSessionController({
      openVault: profile.openVault,
      storage,
      live: { WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, pollMs: 200, onError: () => {} },
    });
    cleanups.push(() => created.signOut());
    return created;
  };
  return { server, storage, profile, controller };
}

describe('session controller', () => {
  it('a disabled account: unlocking at the next start wipes the vault and signs out, saying why; a relogin in a running session too', async () => {
    const { server, controller, profile } = await setup();
    const names = async (): Promise<number> => (await profile.indexedDB.databases()).length;
    const first = controller();
    await first.signIn({ server: server.url, username: 'pr.fictief', password: testPassword });
    const running = first.phase.getSnapshot();
    if (running.phase !== 'signed-in') throw new Error('not signed in');
    await running.live.close();
    expect(await names()).toBe(1);

    await server.admin.disableUser('pr.fictief');
    const reloaded = controller();
    await expect(reloaded.unlock(testPassword)).rejects.toSatisfy((error) => isSignInError(error) && error.code === 'account-disabled');
    expect(reloaded.phase.getSnapshot()).toEqual({
      phase: 'signed-out', reason: 'account-disabled', remembered: { serverUrl: server.url, username: 'pr.fictief', signedIn: false },
    });
    expect(await names()).toBe(0);

    // Disabled while signed in: the next login of the session (after its token ended) wipes too.
    await addTestUser(server.admin, 'dn.fictief', 'deelnemer', 'vt');
    const second = controller();
    await second.signIn({ server: server.url, username: 'dn.fictief', password: testPassword });
    const live = second.phase.getSnapshot();
    if (live.phase !== 'signed-in') throw new Error('not signed in');
    await server.admin.disableUser('dn.fictief');
    await expect(live.live.reauthenticate(testPassword)).rejects.toSatisfy((error) => isSignInError(error) && error.code === 'account-disabled');
    expect(second.phase.getSnapshot()).toMatchObject({ phase: 'signed-out', reason: 'account-disabled' });
    expect(await names()).toBe(0);
  });

  it('signs in, and after a "reload" asks only for the password of the remembered user', async () => {
    const { server, storage, controller } = await setup();
    const first = controller();
    expect(first.phase.getSnapshot()).toEqual({ phase: 'signed-out', remembered: null });
    await first.signIn({ server: server.url, username: 'pr.fictief', password: testPassword });
    const signedIn = first.phase.getSnapshot();
    expect(signedIn.phase).toBe('signed-in');
    // The remembered login holds no password or token.
    expect(storage.getItem('themakamer.login')).not.toContain(testPassword);
    expect(JSON.parse(storage.getItem('themakamer.login') ?? '{}')).toEqual({ serverUrl: server.url, username: 'pr.fictief', signedIn: true });

    // A reload: a new controller on the same storage and IndexedDB, the old one gone without signing out.
    if (signedIn.phase === 'signed-in') await signedIn.live.close();
    const reloaded = controller();
    expect(reloaded.phase.getSnapshot()).toEqual({ phase: 'locked', remembered: { serverUrl: server.url, username: 'pr.fictief', signedIn: true } });
    await expect(reloaded.unlock('fout-wachtwoord')).rejects.toSatisfy((error) => isSignInError(error) && error.code === 'invalid-credentials');
    expect(reloaded.phase.getSnapshot().phase).toBe('locked');
    await reloaded.unlock(testPassword);
    expect(reloaded.phase.getSnapshot().phase).toBe('signed-in');
  });

  it('signing out locks the vault, forgets the open session and offers the full form with the last server and user', async () => {
    const { server, controller } = await setup();
    const session = controller();
    await session.signIn({ server: server.url, username: 'pr.fictief', password: testPassword });
    const current = session.phase.getSnapshot();
    if (current.phase !== 'signed-in') throw new Error('not signed in');
    await session.signOut();
    expect(session.phase.getSnapshot()).toEqual({ phase: 'signed-out', remembered: { serverUrl: server.url, username: 'pr.fictief', signedIn: false } });
    expect(current.live.vault.unlocked).toBe(false);
    expect(controller().phase.getSnapshot().phase).toBe('signed-out');
  });

  it('the idle lock closes the vault but does not sign out on the server; the password unlocks it', async () => {
    const { server, storage, controller } = await setup();
    const session = controller();
    await session.signIn({ server: server.url, username: 'pr.fictief', password: testPassword });
    const before = session.phase.getSnapshot();
    if (before.phase !== 'signed-in') throw new Error('not signed in');
    const token = (await before.live.vault.loadSession())?.token;
    await session.lock();
    expect(session.phase.getSnapshot()).toEqual({ phase: 'locked', remembered: { serverUrl: server.url, username: 'pr.fictief', signedIn: true }, reason: 'idle' });
    expect(before.live.vault.unlocked).toBe(false);
    expect(JSON.parse(storage.getItem('themakamer.login') ?? '{}')).toMatchObject({ signedIn: true });
    // Not signed out on the server: the same session resumes.
    const me = await fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    await session.unlock(testPassword);
    expect(session.phase.getSnapshot().phase).toBe('signed-in');
    // Locking twice, or while locked, does nothing.
    await session.lock();
    await session.lock();
    expect(session.phase.getSnapshot().phase).toBe('locked');
  });

  it('"switch user" from the unlock screen goes to the full form', async () => {
    const { server, storage, controller } = await setup();
    storage.setItem('themakamer.login', JSON.stringify({ serverUrl: server.url, username: 'pr.fictief', signedIn: true }));
    const session = controller();
    session.switchUser();
    expect(session.phase.getSnapshot()).toMatchObject({ phase: 'signed-out', remembered: { username: 'pr.fictief', signedIn: false } });
  });

  it('a damaged remembered record counts as none', async () => {
    const { storage, controller } = await setup();
    storage.setItem('themakamer.login', '{"serverUrl":5');
    expect(controller().phase.getSnapshot()).toEqual({ phase: 'signed-out', remembered: null });
  });
});
