/**
 * Issue 12: no client update can break a room or stall the server. Every attack goes over
 * real sockets against a real server; after each one the offender is closed, nothing it sent
 * is stored or relayed, the room keeps syncing and storing, and other rooms keep answering.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createContentCipher } from '../src/storage/content-cipher';
import { sqliteSql } from '../src/storage/sql';
import { keyFileName } from '../src/storage/data-key';
import { databaseFile, openDatabase } from '../src/storage/database';
import { memoryLogger, silentLogger } from '../src/log';
import { loadRoomDoc } from '../src/rooms/room-loader';
import { createRoomStore } from '../src/storage/room-store';
import { startServer } from '../src/server';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, waitFor, type TestClient, type TestServer } from './helpers';
import { deepDoc, siblingsUpdate } from './attack-updates';
import { raw as message, syncUpdate } from '../../scripts/fuzz/messages';

const room = 'case:hardening00000001';
const legacyRoom = 'case:hardening00000002';
const otherRoom = 'case:hardening00000003';


/** An update that only deletes one item (as an attacker writes it by hand: no structs, one delete range). */
function deleteUpdate(id: Y.ID): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, id.client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, id.clock);
    encoding.writeVarUint(e, 1);
  });
}

async function timedHealthz(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/healthz`);
  expect(response.status).toBe(200);
  return performance.now() - started;
}

describe('Yjs itself', () => {
  it('cannot delete a map nested 3,000 levels deep: the doc stops emitting updates (why the depth bound exists)', () => {
    const doc = deepDoc(3000);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(() => doc.transact(() => doc.getMap('m').delete('deep'))).toThrow(RangeError);
    const before = updates;
    doc.getMap('m').set('after', 1);
    // If this starts failing, Yjs fixed its recursive cleanup; the depth bound stays as defence.
    expect(updates).toBe(before);
  });
});

describe('hardened sync server', () => {
  let t: TestServer;
  let token: string;
  let bystander: TestClient;
  const logger = memoryLogger();
  const storedRows = (name: string): number => {
    const db = new Database(join(t.dataDir, databaseFile), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get(name) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  async function admitted(name: string): Promise<{ socket: WebSocket; closed: Promise<{ code: number }> }> {
    const raw = rawSocket(t.wsUrl, name, token);
    await new Promise((resolve) => raw.socket.once('message', resolve));
    return raw;
  }

  /** An edit in another room reaches its peer, and /healthz answers. */
  async function expectServed(): Promise<void> {
    const value = Math.random().toString(36);
    const peer = newClient(t.wsUrl, otherRoom, token);
    await peer.synced;
    peer.doc.getMap('m').set('v', value);
    await waitFor(() => bystander.doc.getMap('m').get('v') === value, 3000, 'other room still served');
    peer.destroy();
    await timedHealthz(t.url);
  }

  beforeAll(async () => {
    t = await newServer({ logger });
    await addTestUser(t.admin, 'anna');
    for (const r of [room, legacyRoom, otherRoom]) await t.admin.grant(r, 'anna', 'edit');
    token = (await login(t.url, 'anna', testPassword)).token;
    bystander = newClient(t.wsUrl, otherRoom, token);
    await bystander.synced;
  });
  afterAll(async () => {
    bystander.destroy();
    await t.close();
  });

  it('refuses nesting deeper than the schema bound before storing or relaying it', async () => {
    const peer = newClient(t.wsUrl, room, token);
    await peer.synced;
    const rowsBefore = storedRows(room);
    const attacker = await admitted(room);
    attacker.socket.send(syncUpdate(Y.encodeStateAsUpdate(deepDoc(65))));
    expect((await attacker.closed).code).toBe(4400);
    expect(logger.lines.some((l) => l.includes('too-deep') && l.includes(room))).toBe(true);
    expect(storedRows(room)).toBe(rowsBefore);
    expect(peer.doc.getMap('m').has('deep')).toBe(false);
    // The schema's own depth passes.
    const fine = newClient(t.wsUrl, room, token);
    await fine.synced;
    const nested = deepDoc(64);
    Y.applyUpdate(fine.doc, Y.encodeStateAsUpdate(nested));
    await waitFor(() => peer.doc.getMap('m').has('deep'), 3000, '64 levels relayed');
    fine.destroy();
    peer.destroy();
    await expectServed();
  });

  it('a delete that breaks Yjs leaves the room exactly as it was, still syncing and storing, and loadable after restart', async () => {
    // A room stored before the depth bound existed: 3,000 levels, written straight into the store.
    const legacy = deepDoc(3000);
    const cipher = createContentCipher(Buffer.from(readFileSync(join(t.dataDir, keyFileName), 'utf8').trim(), 'base64'));
    const db = openDatabase(t.dataDir);
    await createRoomStore(sqliteSql(db), cipher).append(legacyRoom, [Y.encodeStateAsUpdate(legacy)]);
    db.close();
    const deepItem = (legacy.getMap('m') as unknown as { _map: Map<string, Y.Item> })._map.get('deep')!;

    const peer = newClient(t.wsUrl, legacyRoom, token);
    await peer.synced;
    expect(peer.doc.getMap('m').has('deep')).toBe(true);
    const rowsBefore = storedRows(legacyRoom);
    const attacker = await admitted(legacyRoom);
    attacker.socket.send(syncUpdate(deleteUpdate(deepItem.id)));
    expect((await attacker.closed).code).toBe(4400);
    expect(storedRows(legacyRoom)).toBe(rowsBefore);

    // The room reloaded: edits are stored and relayed again, and the deep map is still there.
    peer.doc.getMap('m').set('after', 'na de aanval');
    const late = newClient(t.wsUrl, legacyRoom, token);
    await late.synced;
    await waitFor(() => late.doc.getMap('m').get('after') === 'na de aanval', 3000, 'edit after the attack relayed');
    expect(late.doc.getMap('m').has('deep')).toBe(true);
    await waitFor(() => storedRows(legacyRoom) > rowsBefore, 3000, 'edit after the attack stored');
    late.destroy();
    peer.destroy();
    await expectServed();
    expect(logger.lines.join('\n')).not.toContain('na de aanval');

    // A fresh server on the same data loads the room, without quarantining anything.
    const copy = await mkdtemp(join(tmpdir(), 'themakamer-hardening-'));
    try {
      const source = new Database(join(t.dataDir, databaseFile), { readonly: true });
      await source.backup(join(copy, databaseFile));
      source.close();
      const { copyFile } = await import('node:fs/promises');
      await copyFile(join(t.dataDir, keyFileName), join(copy, keyFileName));
      const log = memoryLogger();
      const restarted = await startServer({ dataDir: copy, port: 0, logger: log, requireMfa: false });
      try {
        const again = newClient(restarted.wsUrl, legacyRoom, (await login(restarted.url, 'anna', testPassword)).token);
        await again.synced;
        expect(again.doc.getMap('m').get('after')).toBe('na de aanval');
        expect(again.doc.getMap('m').has('deep')).toBe(true);
        again.destroy();
        expect(log.lines.filter((l) => l.includes('room-value-quarantined'))).toEqual([]);
      } finally {
        await restarted.close();
      }
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('refuses a flood of inserts at one origin while /healthz and other rooms keep answering', async () => {
    const peer = newClient(t.wsUrl, room, token);
    await peer.synced;
    const rowsBefore = storedRows(room);
    const first = await admitted(room);
    const second = await admitted(room);
    first.socket.send(syncUpdate(siblingsUpdate(10_000)));
    second.socket.send(syncUpdate(siblingsUpdate(10_000)));
    const healthz = timedHealthz(t.url);
    expect((await first.closed).code).toBe(4400);
    expect((await second.closed).code).toBe(4400);
    await healthz;
    expect(logger.lines.some((l) => l.includes('too-many-siblings'))).toBe(true);
    expect(storedRows(room)).toBe(rowsBefore);
    expect(peer.doc.getArray('a').length).toBe(0);
    peer.destroy();
    await expectServed();
  });

  it('applies a burst of conflicting inserts from one user at a bounded rate, keeping other rooms served', async () => {
    // Each update stays under the per-update bound, but every one conflicts with all earlier
    // ones (Yjs's quadratic case): the per-user budget spreads the work over time.
    const peer = newClient(t.wsUrl, room, token);
    await peer.synced;
    const attacker = await admitted(room);
    const updates = Array.from({ length: 60 }, () => siblingsUpdate(200));
    for (const update of updates) attacker.socket.send(syncUpdate(update));
    const served = expectServed();
    await served;
    // Whatever the server accepted reaches the peer and is the same on both sides.
    attacker.socket.close();
    await attacker.closed;
    peer.destroy();
    await expectServed();
  });

  it('refuses a WebSocket upgrade from a foreign Origin and admits the app', async () => {
    const attempt = (origin: string | null): Promise<number> => new Promise((resolve) => {
      const socket = new WebSocket(`${t.wsUrl}/${encodeURIComponent(room)}?token=${encodeURIComponent(token)}`, origin ? { headers: { Origin: origin } } : {});
      socket.on('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); socket.terminate(); });
      socket.on('open', () => { resolve(101); socket.close(); });
      socket.on('error', () => {});
    });
    expect(await attempt('https://evil.example')).toBe(403);
    expect(await attempt('null')).toBe(403);
    expect(await attempt(null)).toBe(101);
    expect(await attempt('app://themakamer')).toBe(101);
    expect(await attempt(t.url)).toBe(101);
  });
});

describe('loading a room with a poisoned stored update', () => {
  it('quarantines it and loads everything before and after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'themakamer-poison-'));
    const db = openDatabase(dir);
    try {
      const cipher = createContentCipher(Buffer.alloc(32, 7));
      const store = createRoomStore(sqliteSql(db), cipher);
      const name = 'case:poisoned000000001';
      const author = deepDoc(3000);
      const before = Y.encodeStateAsUpdate(author);
      const deepItem = (author.getMap('m') as unknown as { _map: Map<string, Y.Item> })._map.get('deep')!;
      const sv = Y.encodeStateVector(author);
      author.getMap('m').set('after', 'erna');
      const after = Y.encodeStateAsUpdate(author, sv);
      // Row 2 makes Yjs throw halfway (after touching the doc), row 3 does not decode at all.
      await store.append(name, [before, deleteUpdate(deepItem.id), Uint8Array.of(255, 255, 255), after]);
      const loaded = await loadRoomDoc(store, name, silentLogger);
      expect(loaded.quarantined).toBe(2);
      expect(loaded.doc.getMap('m').has('deep')).toBe(true);
      expect(loaded.doc.getMap('m').get('after')).toBe('erna');
      const entries = await store.listQuarantine(name);
      expect(entries.map((e) => [e.source, e.sourceId])).toEqual([['update', 2], ['update', 3]]);
      expect(entries[0]?.error).toBe('RangeError');
      const opened = await store.openQuarantined(entries[1]!.id);
      expect([...opened!.data]).toEqual([255, 255, 255]);
      // Loading again finds nothing more to set aside.
      expect((await loadRoomDoc(store, name, silentLogger)).quarantined).toBe(0);
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
