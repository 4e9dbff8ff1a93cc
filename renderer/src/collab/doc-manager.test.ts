/**
 * The document manager against the real sync server (sync-server/test/helpers.ts),
 * real y-websocket over `ws`, and real vaults on fake-indexeddb.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  addTestUser, login, newServer, testPassword, waitFor, type TestServer,
} from '../../../sync-server/test/helpers';
import { readPeers } from './awareness';
import { createDocManager, DocManagerError, type DocManager, type DocManagerOptions } from './doc-manager';
import type { Vault } from '../vault';
import { containsMarker, dumpDatabase, newTestVault } from '../vault/test-support';

const roomA = 'case:dmtest00000000aa';
const roomB = 'case:dmtest00000000bb';
const noGrant = 'case:dmtest00000000cc';
const password = 'fictief-kluiswachtwoord';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Sends and vault writes in the order they happened, to check what went out when. */
type Event = { kind: 'stored' | 'sent'; bytes: Uint8Array };

function recordingWebSocket(events: Event[]): typeof globalThis.WebSocket {
  class Recording extends WebSocket {
    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      if (data instanceof Uint8Array) events.push({ kind: 'sent', bytes: new Uint8Array(data) });
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  return Recording as unknown as typeof globalThis.WebSocket;
}

interface Gate { open(): void; closed: boolean }

/** A vault whose writes are recorded and can be held back by a gate. */
function instrumentedVault(vault: Vault, events: Event[], gate?: { current: Promise<void> | null }): Vault {
  return {
    ...vault,
    loadRoom: (room) => vault.loadRoom(room),
    async appendUpdates(room, updates) {
      if (gate?.current) await gate.current;
      await vault.appendUpdates(room, updates);
      for (const update of updates) events.push({ kind: 'stored', bytes: update });
    },
  };
}

function newGate(holder: { current: Promise<void> | null }): Gate {
  let release = (): void => {};
  holder.current = new Promise<void>((resolve) => { release = resolve; });
  const gate = { closed: true, open: () => { gate.closed = false; holder.current = null; release(); } };
  return gate;
}

async function startServer(options: Parameters<typeof newServer>[0] = {}): Promise<TestServer> {
  const t = await newServer(options);
  for (const [username, org] of [['anna', 'politie'], ['bram', 'vt'], ['cees', 'om']] as const) {
    await addTestUser(t.admin, username, 'deelnemer', org);
  }
  for (const room of [roomA, roomB]) {
    await t.admin.grant(room, 'anna', 'edit');
    await t.admin.grant(room, 'bram', 'edit');
  }
  return t;
}

interface Session { manager: DocManager; vault: Vault; events: Event[]; indexedDB: IDBFactory; token: string }

async function session(
  t: { url: string }, username: string,
  extra: Partial<DocManagerOptions> & { gate?: { current: Promise<void> | null }; indexedDB?: IDBFactory; token?: string } = {},
): Promise<Session> {
  const token = extra.token ?? (await login(t.url, username, testPassword)).token;
  const made = await newTestVault({ password, username, serverUrl: t.url, ...(extra.indexedDB ? { indexedDB: extra.indexedDB } : {}) });
  const events: Event[] = [];
  const vault = instrumentedVault(made.vault, events, extra.gate);
  const manager = createDocManager({
    vault, serverUrl: t.url, token,
    user: { username, name: `Test ${username}`, org: username === 'anna' ? 'politie' : 'vt' },
    WebSocketImpl: recordingWebSocket(events), maxBackoffMs: 100,
    ...extra,
  });
  cleanups.push(async () => {
    await manager.close();
    await made.vault.close();
  });
  return { manager, vault: made.vault, events, indexedDB: made.indexedDB, token };
}

const text = (doc: Y.Doc): string => doc.getText('plan').toString();
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const includes = (hay: Uint8Array, needle: Uint8Array): boolean => Buffer.from(hay).includes(Buffer.from(needle));
const firstIndex = (events: Event[], kind: Event['kind'], marker: string): number =>
  events.findIndex((event) => event.kind === kind && includes(event.bytes, utf8(marker)));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('doc manager with the sync server', () => {
  it('syncs two users both ways, reports online only when confirmed, and shows presence', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna');
    const b = await session(t, 'bram');
    const ha = a.manager.open(roomA);
    const hb = b.manager.open(roomA);
    await waitFor(() => ha.status.getSnapshot().state === 'online' && hb.status.getSnapshot().state === 'online', 5000, 'online');
    expect(a.manager.status.getSnapshot().state).toBe('online');
    expect(a.manager.status.getSnapshot().lastSyncedAt).not.toBeNull();

    ha.doc.getText('plan').insert(0, 'Fictieve afspraak A. ');
    expect(ha.status.getSnapshot().state).toBe('syncing');
    expect(ha.status.getSnapshot().unconfirmed).toBe(1);
    await waitFor(() => text(hb.doc) === 'Fictieve afspraak A. ', 3000, 'a → b');
    await waitFor(() => ha.status.getSnapshot().state === 'online', 3000, 'a confirmed');
    expect(ha.status.getSnapshot().unconfirmed).toBe(0);

    hb.doc.getMap('meta').set('status', 'monitoring');
    await waitFor(() => ha.doc.getMap('meta').get('status') === 'monitoring', 3000, 'b → a');

    hb.setPresence({ section: 'situatie-en-risico' });
    await waitFor(() => readPeers(ha.awareness).some((peer) => peer.fields.section === 'situatie-en-risico'), 3000, 'presence');
    const [peer] = readPeers(ha.awareness);
    expect(peer?.user).toMatchObject({ username: 'bram', name: 'Test bram', org: 'vt' });
    expect(peer?.user.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('stores every local update in the vault before any byte of it is sent', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const gate = { current: null as Promise<void> | null };
    const a = await session(t, 'anna', { gate });
    const b = await session(t, 'bram');
    const ha = a.manager.open(roomA);
    const hb = b.manager.open(roomA);
    await waitFor(() => ha.status.getSnapshot().state === 'online' && hb.status.getSnapshot().state === 'online', 5000, 'online');

    // Live edit with a slow vault: nothing leaves until the write completes.
    const held = newGate(gate);
    ha.doc.getText('plan').insert(0, 'LIVE-MARKER-1');
    await sleep(50);
    ha.doc.getText('plan').insert(13, ' en');
    ha.doc.getText('plan').insert(16, ' meer');
    await sleep(250);
    expect(ha.status.getSnapshot().unconfirmed).toBe(3);
    expect(firstIndex(a.events, 'sent', 'LIVE-MARKER-1')).toBe(-1);
    expect(text(hb.doc)).toBe('');
    expect(ha.status.getSnapshot().state).toBe('syncing');
    held.open();
    await waitFor(() => text(hb.doc) === 'LIVE-MARKER-1 en meer', 3000, 'released edits');

    // Reconnect while an edit waits for the vault: the catch-up (sync step 2) waits too.
    await waitFor(() => ha.status.getSnapshot().state === 'online', 3000, 'confirmed');
    a.manager.setNetworkAvailable(false);
    await waitFor(() => ha.status.getSnapshot().state === 'offline', 3000, 'offline');
    const heldAgain = newGate(gate);
    ha.doc.getText('plan').insert(0, 'CATCHUP-MARKER-2 ');
    a.manager.setNetworkAvailable(true);
    await waitFor(() => a.manager.roomStatus(roomA)?.state === 'syncing', 3000, 'reconnected');
    await sleep(300);
    expect(firstIndex(a.events, 'sent', 'CATCHUP-MARKER-2')).toBe(-1);
    expect(text(hb.doc)).toBe('LIVE-MARKER-1 en meer');
    heldAgain.open();
    await waitFor(() => text(hb.doc) === 'CATCHUP-MARKER-2 LIVE-MARKER-1 en meer', 3000, 'catch-up');

    for (const marker of ['LIVE-MARKER-1', 'CATCHUP-MARKER-2']) {
      const stored = firstIndex(a.events, 'stored', marker);
      expect(stored).toBeGreaterThanOrEqual(0);
      expect(firstIndex(a.events, 'sent', marker)).toBeGreaterThan(stored);
    }
  });

  it('opens a room from the vault without storing its copy again, and stores and sends the next edit', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna');
    const b = await session(t, 'bram');
    const ha = a.manager.open(roomA);
    const hb = b.manager.open(roomA);
    ha.doc.getText('plan').insert(0, 'EERDER-OPGESLAGEN ');
    await waitFor(() => text(hb.doc) === 'EERDER-OPGESLAGEN ' && ha.status.getSnapshot().state === 'online', 5000, 'shared');
    await a.manager.flush();

    // A second session on the same vault (an app restart): the room comes from the vault.
    const a2 = await session(t, 'anna', { indexedDB: a.indexedDB, token: a.token });
    await a.manager.close();
    const ha2 = a2.manager.open(roomA);
    await ha2.whenLoaded;
    expect(text(ha2.doc)).toBe('EERDER-OPGESLAGEN ');
    await waitFor(() => ha2.status.getSnapshot().state === 'online', 5000, 'online after the restart');
    expect(a2.events.filter((event) => event.kind === 'stored')).toEqual([]);

    ha2.doc.getText('plan').insert(0, 'NA-HERSTART ');
    await waitFor(() => text(hb.doc) === 'NA-HERSTART EERDER-OPGESLAGEN ', 3000, 'the edit after the restart');
    const stored = firstIndex(a2.events, 'stored', 'NA-HERSTART');
    expect(stored).toBeGreaterThanOrEqual(0);
    expect(firstIndex(a2.events, 'sent', 'NA-HERSTART')).toBeGreaterThan(stored);
  });

  it('keeps a read copy of a case room and offers it to a view before the stored state is applied', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna', { readCopyDelayMs: 20 });
    const ha = a.manager.open(roomA);
    await ha.whenLoaded;
    ha.doc.getMap('meta').set('label', 'Casus KOPIE (fictief)');
    await waitFor(() => ha.status.getSnapshot().state === 'online', 5000, 'online');
    await a.manager.flush();
    expect((await a.vault.loadReadCopy(roomA))?.current).toBe(true);

    // Restart on the same vault: the view gets the copy, and the full state waits for it.
    const a2 = await session(t, 'anna', { indexedDB: a.indexedDB, token: a.token, readCopyWaitMs: 5_000 });
    await a.manager.close();
    const view = a2.manager.open(roomA);
    const copy = await view.readCopy();
    expect(copy?.getMap('meta').get('label')).toBe('Casus KOPIE (fictief)');
    let loaded = false;
    void view.whenLoaded.then(() => { loaded = true; });
    await sleep(150);
    expect(loaded).toBe(false);
    expect(view.doc.getMap('meta').get('label')).toBeUndefined();
    view.readCopyShown();
    await view.whenLoaded;
    expect(view.doc.getMap('meta').get('label')).toBe('Casus KOPIE (fictief)');
    // The copy is never part of the room: nothing of it was stored.
    expect(a2.events.filter((event) => event.kind === 'stored')).toEqual([]);
    expect(await view.readCopy()).toBeNull();
  });

  it('writes the read copy of a room that never falls quiet at the latest after the maximum delay', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna', { readCopyDelayMs: 300, readCopyMaxDelayMs: 1_500 });
    const ha = a.manager.open(roomA);
    await ha.whenLoaded;
    const typing = async (ms: number): Promise<void> => {
      const until = Date.now() + ms;
      for (let i = 0; Date.now() < until; i++) {
        ha.doc.getMap('meta').set('label', `Casus ${i} (fictief)`);
        await sleep(50);
      }
    };
    await typing(500);
    expect(await a.vault.loadReadCopy(roomA)).toBeNull(); // still typing, not past the maximum
    await typing(2_000);
    expect(await a.vault.loadReadCopy(roomA)).not.toBeNull();
  });

  it('never holds the stored state back for long: a view that does not show the copy, or leaves', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna', { readCopyDelayMs: 20 });
    const ha = a.manager.open(roomA);
    ha.doc.getMap('meta').set('label', 'Casus WACHT (fictief)');
    await a.manager.flush();
    await a.manager.close();

    const a2 = await session(t, 'anna', { indexedDB: a.indexedDB, token: a.token, readCopyWaitMs: 200 });
    const silent = a2.manager.open(roomA);
    const started = Date.now();
    expect(await silent.readCopy()).not.toBeNull();
    await silent.whenLoaded;
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    silent.release();
    await a2.manager.close();

    const a3 = await session(t, 'anna', { indexedDB: a.indexedDB, token: a.token, readCopyWaitMs: 60_000 });
    const leaving = a3.manager.open(roomA);
    const other = a3.manager.open(roomA);
    expect(await leaving.readCopy()).not.toBeNull();
    leaving.release();
    await other.whenLoaded;
    expect(other.doc.getMap('meta').get('label')).toBe('Casus WACHT (fictief)');
    other.release();
    await a3.manager.close();

    // Opened in the background first (as the session does at start): a view that asks
    // within the grace period still gets the copy painted before the full state.
    const a4 = await session(t, 'anna', { indexedDB: a.indexedDB, token: a.token, readCopyGraceMs: 60_000, readCopyWaitMs: 60_000 });
    a4.manager.keepInSync([roomA]);
    const late = a4.manager.open(roomA);
    await sleep(100);
    expect(late.doc.getMap('meta').get('label')).toBeUndefined();
    expect((await late.readCopy())?.getMap('meta').get('label')).toBe('Casus WACHT (fictief)');
    late.readCopyShown();
    await late.whenLoaded;
    expect(late.doc.getMap('meta').get('label')).toBe('Casus WACHT (fictief)');
  });

  it('keeps working with the server down: edits stay in the vault, a restart shows them, reconnect merges', async () => {
    const first = await startServer();
    const port = Number(new URL(first.url).port);
    const dataDir = first.dataDir;
    const a = await session(first, 'anna');
    const b = await session(first, 'bram');
    const ha = a.manager.open(roomA);
    const hb = b.manager.open(roomA);
    await waitFor(() => ha.status.getSnapshot().state === 'online' && hb.status.getSnapshot().state === 'online', 5000, 'online');
    ha.doc.getText('plan').insert(0, 'gedeeld ');
    await waitFor(() => text(hb.doc) === 'gedeeld ' && ha.status.getSnapshot().state === 'online', 3000, 'shared');

    await first.server.close();
    await first.admin.close();
    // B received the edit, so it was sent, so (by the send path) it is in A's vault: read it
    // with a second vault instance on the same IndexedDB, without asking A's manager to flush.
    const aCopy = await newTestVault({ password, username: 'anna', serverUrl: first.url, indexedDB: a.indexedDB });
    const fromVault = new Y.Doc();
    for (const update of await aCopy.vault.loadRoom(roomA)) Y.applyUpdate(fromVault, update);
    expect(text(fromVault)).toBe('gedeeld ');
    await aCopy.vault.close();
    await waitFor(() => a.manager.status.getSnapshot().state === 'offline' && b.manager.status.getSnapshot().state === 'offline', 5000, 'offline');
    const offlineSince = a.manager.status.getSnapshot().lastSyncedAt;
    expect(offlineSince).not.toBeNull();

    ha.doc.getText('plan').insert(0, 'OFFLINE-A ');
    hb.doc.getText('plan').insert(hb.doc.getText('plan').length, 'OFFLINE-B');
    hb.doc.getMap('meta').set('label', 'Casus 2026-014');
    expect(a.manager.status.getSnapshot()).toMatchObject({ state: 'offline', unconfirmed: 1, lastSyncedAt: offlineSince });

    // B "restarts" the app while the server is down: a new manager on the same vault shows everything.
    await b.manager.flush();
    const bIndexedDB = b.indexedDB;
    const b2 = await session(first, 'bram', { indexedDB: bIndexedDB, token: b.token });
    await b.manager.close();
    const hb2 = b2.manager.open(roomA);
    await hb2.whenLoaded;
    expect(text(hb2.doc)).toBe('gedeeld OFFLINE-B');
    expect(hb2.doc.getMap('meta').get('label')).toBe('Casus 2026-014');
    expect(hb2.status.getSnapshot()).toMatchObject({ loaded: true });

    const second = await newServer({ dataDir, port });
    cleanups.push(() => second.close());
    await waitFor(() => text(ha.doc) === text(hb2.doc) && text(ha.doc).includes('OFFLINE-A') && text(ha.doc).includes('OFFLINE-B'), 8000, 'merge');
    expect(ha.doc.getMap('meta').get('label')).toBe('Casus 2026-014');
    await waitFor(() => a.manager.status.getSnapshot().state === 'online' && b2.manager.status.getSnapshot().state === 'online', 5000, 'online again');
    expect(a.manager.status.getSnapshot().unconfirmed).toBe(0);
    expect(a.manager.status.getSnapshot().lastSyncedAt).toBeGreaterThan(offlineSince ?? 0);
  });

  it('notes unsent local changes until the server confirms them; a revoked room forgotten reports them', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna');
    const handle = a.manager.open(roomA);
    await waitFor(() => handle.status.getSnapshot().state === 'online', 5000, 'online');
    const pending = async (until: (value: unknown) => boolean, what: string): Promise<unknown> => {
      let value: unknown = null;
      for (let i = 0; i < 100; i++) {
        value = await a.vault.loadPending(roomA);
        if (until(value)) return value;
        await sleep(50);
      }
      throw new Error(`pending record never ${what}: ${JSON.stringify(value)}`);
    };

    a.manager.setNetworkAvailable(false);
    const before = Date.now();
    handle.doc.getText('plan').insert(0, 'offline-1 ');
    await a.manager.flush();
    handle.doc.getText('plan').insert(0, 'offline-2 ');
    await a.manager.flush();
    const noted = await a.vault.loadPending(roomA);
    expect(noted).toMatchObject({ changes: 2 });
    expect(noted?.firstAt).toBeGreaterThanOrEqual(before);
    expect(noted?.lastAt).toBeGreaterThanOrEqual(noted?.firstAt ?? Infinity);

    // Back online: the server confirms, the note goes.
    a.manager.setNetworkAvailable(true);
    await waitFor(() => handle.status.getSnapshot().state === 'online', 5000, 'online again');
    await pending((value) => value === null, 'cleared');

    // Offline again, an edit, then access ends before it could be sent: it stays noted.
    a.manager.setNetworkAvailable(false);
    handle.doc.getText('plan').insert(0, 'nooit-verstuurd ');
    await a.manager.flush();
    await t.admin.revoke(roomA, 'anna');
    a.manager.setNetworkAvailable(true);
    await waitFor(() => handle.status.getSnapshot().state === 'forbidden', 5000, '4403');
    expect(await a.vault.loadPending(roomA)).toMatchObject({ changes: 1 });
    handle.release();
    await a.manager.flush();
    expect(await a.vault.forgetRoom(roomA)).toMatchObject({ changes: 1 });
    expect(await a.vault.loadPending(roomA)).toBeNull();
    expect(await a.vault.listRooms()).not.toContain(roomA);
    expect(await a.vault.forgetRoom(roomA)).toBeNull();
  });

  it('stops on 4403 for a room without a grant and on 4410 when access is revoked', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna');
    const forbidden = a.manager.open(noGrant);
    const allowed = a.manager.open(roomB);
    await waitFor(() => forbidden.status.getSnapshot().state === 'forbidden', 5000, '4403');
    expect(forbidden.status.getSnapshot().closeCode).toBe(4403);
    expect(forbidden.doc.share.size).toBe(0);
    await waitFor(() => allowed.status.getSnapshot().state === 'online', 5000, 'allowed online');
    expect(a.manager.status.getSnapshot()).toMatchObject({ state: 'online', forbidden: [noGrant] });

    await t.admin.grant(noGrant, 'anna', 'edit');
    a.manager.reconnect(noGrant);
    await waitFor(() => forbidden.status.getSnapshot().state === 'online', 5000, 'granted');

    await t.admin.revoke(roomB, 'anna');
    await waitFor(() => allowed.status.getSnapshot().state === 'forbidden', 5000, '4410');
    expect(allowed.status.getSnapshot().closeCode).toBe(4410);
    await sleep(300);
    expect(allowed.status.getSnapshot().state).toBe('forbidden');
  });

  it('stops with refused when the server refuses our data (1009), instead of resending it forever', async () => {
    const t = await startServer({ limits: { maxMessageBytes: 4096 } });
    cleanups.push(() => t.close());
    const a = await session(t, 'anna');
    const handle = a.manager.open(roomA);
    await waitFor(() => handle.status.getSnapshot().state === 'online', 5000, 'online');
    handle.doc.getText('plan').insert(0, 'x'.repeat(10_000));
    await waitFor(() => handle.status.getSnapshot().state === 'refused', 5000, 'refused');
    expect(handle.status.getSnapshot()).toMatchObject({ closeCode: 1009, unconfirmed: 1 });
    expect(a.manager.status.getSnapshot().refused).toEqual([roomA]);
    const sends = a.events.filter((event) => event.kind === 'sent').length;
    await sleep(400);
    expect(a.events.filter((event) => event.kind === 'sent').length).toBe(sends);
  });

  it('reports unauthorized on 4401 and resumes with setToken without losing the open doc', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna', { token: 'x'.repeat(43) });
    const handle = a.manager.open(roomA);
    handle.doc.getText('plan').insert(0, 'voor het inloggen ');
    await waitFor(() => a.manager.status.getSnapshot().state === 'unauthorized', 5000, '4401');
    expect(handle.status.getSnapshot().closeCode).toBe(4401);

    a.manager.setToken((await login(t.url, 'anna', testPassword)).token);
    await waitFor(() => handle.status.getSnapshot().state === 'online', 5000, 'resumed');
    const b = await session(t, 'bram');
    const hb = b.manager.open(roomA);
    await waitFor(() => text(hb.doc) === 'voor het inloggen ', 5000, 'edit arrived');
  });

  it('shares one doc per room between views and closes it after the last release', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna');
    expect(() => a.manager.open('case:Bad Id')).toThrow(DocManagerError);
    const one = a.manager.open(roomA);
    const two = a.manager.open(roomA);
    expect(two.doc).toBe(one.doc);
    one.setPresence({ section: 'plan' });
    two.setPresence({ agendaItem: 'open-actions' });
    expect(one.awareness.getLocalState()).toMatchObject({ section: 'plan', agendaItem: 'open-actions', user: { username: 'anna' } });
    expect(() => one.setPresence({ cursor: 'x' })).toThrow(TypeError);
    one.release();
    expect(two.awareness.getLocalState()).not.toHaveProperty('section');
    one.doc.getText('plan').insert(0, 'blijft bewaard');
    two.release();
    await waitFor(() => a.manager.roomStatus(roomA) === null, 3000, 'closed');
    expect(one.doc.isDestroyed).toBe(true);

    const again = a.manager.open(roomA);
    expect(again.doc).not.toBe(one.doc);
    await again.whenLoaded;
    expect(text(again.doc)).toBe('blijft bewaard');
  });

  it('keeps a changing set of rooms in sync in the background', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna');
    const errors: string[] = [];
    const b = await session(t, 'bram', { onError: (_error, room) => errors.push(room) });
    b.manager.keepInSync([roomA, roomB, 'not-a-room']);
    expect(errors).toEqual(['not-a-room']);
    const ha = a.manager.open(roomB);
    ha.doc.getMap('actions').set('x', 'fictief');
    await waitFor(() => b.manager.roomStatus(roomB)?.state === 'online', 5000, 'background online');
    const view = b.manager.open(roomB);
    await waitFor(() => view.doc.getMap('actions').get('x') === 'fictief', 5000, 'background sync');
    view.release();
    b.manager.keepInSync([roomA]);
    await waitFor(() => b.manager.roomStatus(roomB) === null, 3000, 'dropped');
    expect(b.manager.roomStatus(roomA)).not.toBeNull();
  });

  it('leaves no plaintext of synced content in the vault', async () => {
    const t = await startServer();
    cleanups.push(() => t.close());
    const a = await session(t, 'anna');
    const b = await session(t, 'bram');
    const ha = a.manager.open(roomA);
    const hb = b.manager.open(roomA);
    const marker = 'FICTIEF-ADRES-MERK-9';
    ha.doc.getText('plan').insert(0, marker);
    ha.doc.getMap('persons').set('p1', { name: marker });
    await waitFor(() => text(hb.doc) === marker, 5000, 'synced');
    await a.manager.flush();
    await b.manager.flush();
    for (const s of [a, b]) {
      expect(await s.vault.loadReadCopy(roomA)).not.toBeNull();
      const dump = await dumpDatabase(s.indexedDB, s.vault.name);
      expect(dump.length).toBeGreaterThan(3);
      expect(containsMarker(dump, marker)).toBe(false);
    }
  });
});
