/**
 * The live session against the real sync server: real sockets (ws), real vaults
 * (fake-indexeddb), real Y.Docs through the doc manager.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addTestUser, newServer, testPassword, waitFor, type TestServer } from '../../../../sync-server/test/helpers';
import { initCaseDoc, readCaseMeta, updateCaseMeta } from '../../collab/caseHeader';
import type { Room } from '../../domain/ids';
import { startLiveSession, type LiveSession } from './liveSession';
import { signIn } from './signIn';
import { signedIn } from './testing/signedIn';
import { isSignInError } from './signInError';
import { fakeProfile } from './testing/vaults';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWithUsers(options: Parameters<typeof newServer>[0] = {}): Promise<TestServer> {
  const server = await newServer(options);
  cleanups.push(() => server.close());
  await addTestUser(server.admin, 'pr.fictief', 'procesregisseur', 'zvh');
  await addTestUser(server.admin, 'dn.fictief', 'deelnemer', 'vt');
  return server;
}

async function live(
  server: { url: string },
  username: string,
  profile = fakeProfile(),
  extra: { fetch?: typeof fetch } = {},
): Promise<LiveSession> {
  const opened = await signedIn(signIn({ server: server.url, username, password: testPassword }, { ...profile, ...extra }));
  const session = await startLiveSession({
    opened,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    pollMs: 100,
    maxBackoffMs: 200,
    ...extra,
    onError: () => {},
  });
  cleanups.push(() => session.close());
  return session;
}

// The region's measures board is listed for every case role; these tests look at case rooms.
const rooms = (session: LiveSession): string[] => session.rooms.getSnapshot().entries.map((entry) => entry.room).filter((room) => !room.startsWith('measures:'));
const state = (session: LiveSession) => session.connection.getSnapshot().state;

describe('live session', () => {
  it('creates a case, keeps it open and synced, and a partner sees it once access is granted', async () => {
    const server = await serverWithUsers();
    const chair = await live(server, 'pr.fictief');
    await waitFor(() => chair.rooms.getSnapshot().source === 'server', 5000, 'rooms from server');
    await waitFor(() => state(chair) === 'online', 5000, 'online (the measures board synced)');

    const entry = await chair.createRoom('case');
    expect(rooms(chair)).toEqual([entry.room]);
    const handle = chair.docManager.open(entry.room);
    await handle.whenLoaded;
    initCaseDoc(handle.doc, { label: 'Casus 2026-001', type: 'ex-partnerstalking', status: 'aangemeld' }, { username: 'pr.fictief' });
    handle.release();
    await waitFor(() => chair.docManager.roomStatus(entry.room)?.state === 'online' && state(chair) === 'online', 5000, 'room online');

    const partner = await live(server, 'dn.fictief');
    await waitFor(() => partner.rooms.getSnapshot().source === 'server', 5000, 'partner rooms');
    expect(rooms(partner)).toEqual([]);
    await chair.api.setMember(entry.room, 'dn.fictief', 'view');
    await waitFor(() => rooms(partner).includes(entry.room), 5000, 'granted room in partner list');
    expect(partner.accessOf(entry.room)).toEqual({ room: entry.room, access: 'view', manage: false });
    const seen = partner.docManager.open(entry.room);
    await waitFor(() => readCaseMeta(seen.doc)?.label === 'Casus 2026-001', 5000, 'partner sees the header');
    seen.release();
    expect(partner.directory.getSnapshot().orgs.map((org) => org.id).sort()).toEqual(['vt', 'zvh']);
  });

  it('a revoked room leaves the list and the vault of the partner', async () => {
    const server = await serverWithUsers();
    const chair = await live(server, 'pr.fictief');
    const entry = await chair.createRoom('case');
    const handle = chair.docManager.open(entry.room);
    initCaseDoc(handle.doc, { label: 'Casus 2026-002', type: 'huiselijk-geweld', status: 'aangemeld' }, { username: 'pr.fictief' });
    await chair.api.setMember(entry.room, 'dn.fictief', 'edit');

    const partner = await live(server, 'dn.fictief');
    await waitFor(() => rooms(partner).includes(entry.room), 5000, 'granted');
    const seen = partner.docManager.open(entry.room);
    await waitFor(() => readCaseMeta(seen.doc) !== null, 5000, 'synced');
    await partner.docManager.flush();
    expect(await partner.vault.listRooms()).toEqual([entry.room]);

    await chair.api.removeMember(entry.room, 'dn.fictief');
    await waitFor(() => !rooms(partner).includes(entry.room), 5000, 'revoked room gone from the list');
    seen.release();
    await expect.poll(() => partner.vault.listRooms(), { timeout: 5000 }).toEqual([]);
    handle.release();
  });

  it('a room revoked while it holds unsent changes is dropped and reported (number, count, time), until acknowledged', async () => {
    const server = await serverWithUsers();
    const chair = await live(server, 'pr.fictief');
    const entry = await chair.createRoom('case');
    const handle = chair.docManager.open(entry.room);
    initCaseDoc(handle.doc, { label: 'Casus 2026-005', caseNumber: '2026-005', type: 'huiselijk-geweld', status: 'aangemeld' }, { username: 'pr.fictief' });
    await chair.api.setMember(entry.room, 'dn.fictief', 'edit');

    const profile = fakeProfile();
    const partner = await live(server, 'dn.fictief', profile);
    await waitFor(() => rooms(partner).includes(entry.room), 5000, 'granted');
    const seen = partner.docManager.open(entry.room);
    await waitFor(() => readCaseMeta(seen.doc) !== null && partner.docManager.roomStatus(entry.room)?.state === 'online', 5000, 'synced');
    // A synced room leaves nothing to report.
    expect(await partner.vault.loadPending(entry.room)).toBeNull();

    partner.setBrowserOnline(false);
    const before = Date.now();
    updateCaseMeta(seen.doc, { status: 'in-behandeling' });
    await partner.docManager.flush();
    await chair.api.removeMember(entry.room, 'dn.fictief');
    seen.release();
    partner.setBrowserOnline(true);
    await waitFor(() => partner.dropped.getSnapshot().length === 1, 5000, 'reported');
    const [notice] = partner.dropped.getSnapshot();
    expect(notice).toMatchObject({ room: entry.room, kind: 'case', name: '2026-005', changes: 1 });
    expect(notice?.firstAt).toBeGreaterThanOrEqual(before);
    expect(rooms(partner)).toEqual([]);
    await expect.poll(() => partner.vault.listRooms(), { timeout: 5000 }).toEqual([]);
    expect(await partner.vault.loadPending(entry.room)).toBeNull();

    // The notice survives a restart, and goes once acknowledged.
    await partner.close();
    const again = await live(server, 'dn.fictief', profile);
    expect(again.dropped.getSnapshot()).toEqual([notice]);
    await again.acknowledgeDropped(entry.room);
    expect(again.dropped.getSnapshot()).toEqual([]);
    await again.close();
    const third = await live(server, 'dn.fictief', profile);
    expect(third.dropped.getSnapshot()).toEqual([]);
    handle.release();
  });

  it('offline sign-in shows the cached rooms and says offline; what is typed meanwhile syncs when the server is back', async () => {
    const server = await serverWithUsers();
    const profile = fakeProfile();
    const first = await live(server, 'pr.fictief', profile);
    const entry = await first.createRoom('case');
    const handle = first.docManager.open(entry.room);
    initCaseDoc(handle.doc, { label: 'Casus 2026-003', type: 'anders', status: 'aangemeld' }, { username: 'pr.fictief' });
    handle.release();
    await waitFor(() => state(first) === 'online', 5000, 'first online');
    await first.close();

    // The server stops (same address, same data): the real unreachable case, HTTP and sockets.
    const port = Number(new URL(server.url).port);
    await server.server.close();
    const offline = await live(server, 'pr.fictief', profile);
    expect(offline.connection.getSnapshot()).toMatchObject({ state: 'offline', startedOffline: true });
    expect(rooms(offline)).toEqual([entry.room]);
    const reopened = offline.docManager.open(entry.room);
    await reopened.whenLoaded;
    expect(readCaseMeta(reopened.doc)?.label).toBe('Casus 2026-003');
    updateCaseMeta(reopened.doc, { status: 'in-behandeling' });
    await waitFor(() => false, 300).catch(() => {});
    expect(state(offline)).toBe('offline');

    const restarted = await newServer({ dataDir: server.dataDir, port });
    cleanups.push(() => restarted.server.close());
    await waitFor(() => state(offline) === 'online', 10_000, 'back online');
    reopened.release();
    const check = await live(restarted, 'pr.fictief');
    const seen = check.docManager.open(entry.room);
    await waitFor(() => readCaseMeta(seen.doc)?.status === 'in-behandeling', 5000, 'offline edit reached the server');
    seen.release();
  });

  it('an expired token keeps local work going, asks for a login, and a new login resumes syncing', async () => {
    const server = await serverWithUsers({ sessionTtlMs: 1500 });
    const chair = await live(server, 'pr.fictief');
    const entry = await chair.createRoom('case');
    const handle = chair.docManager.open(entry.room);
    initCaseDoc(handle.doc, { label: 'Casus 2026-004', type: 'anders', status: 'aangemeld' }, { username: 'pr.fictief' });
    await waitFor(() => chair.connection.getSnapshot().needsLogin, 8000, 'needs login');
    expect(state(chair)).toBe('unauthorized');
    await expect(chair.reauthenticate('fout-wachtwoord')).rejects.toSatisfy((error) => isSignInError(error) && error.code === 'invalid-credentials');
    await chair.reauthenticate(testPassword);
    expect(chair.connection.getSnapshot().needsLogin).toBe(false);
    // Same doc object: nothing was reopened.
    expect(chair.docManager.open(entry.room).doc).toBe(handle.doc);
    await waitFor(() => chair.connection.getSnapshot().state === 'online', 5000, 'online again');
    handle.release();
  });

  it('sign-out with logout ends the token on the server and locks the vault', async () => {
    const server = await serverWithUsers();
    const session = await live(server, 'pr.fictief');
    const token = (await session.vault.loadSession())?.token ?? '';
    await session.close({ logout: true });
    expect(session.vault.unlocked).toBe(false);
    const me = await fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    expect(() => session.docManager.open('case:abcdefgh12345678' satisfies Room)).toThrow();
  });
});
