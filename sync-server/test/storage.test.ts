/**
 * Storage: the update log is compacted into a snapshot of the server's own doc (GC on,
 * so deleted text is really gone), idle rooms are unloaded, and a restart restores every room.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentCipher } from '../src/storage/content-cipher';
import { sqliteSql } from '../src/storage/sql';
import { keyFileName } from '../src/storage/data-key';
import { databaseFile } from '../src/storage/database';
import { createRoomStore } from '../src/storage/room-store';
import { memoryLogger, silentLogger } from '../src/log';
import { startServer } from '../src/server';
import { addTestUser, login, newClient, newServer, testPassword, waitFor, type TestServer } from './helpers';

const rooms = ['case:storagetest00001', 'case:storagetest00002', 'meeting:storagetest0001'];
const deleted = 'FICTIEF-verkeerd-adres-Dorpsweg-12';

describe('storage, compaction and unloading', () => {
  let t: TestServer;
  const logger = memoryLogger();
  const rows = (sql: string): unknown[] => {
    const db = new Database(join(t.dataDir, databaseFile), { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    logger.lines.length = 0;
    t = await newServer({ compactAfterUpdates: 10, idleUnloadMs: 150, logger });
    await addTestUser(t.admin, 'anna');
    for (const r of rooms) await t.admin.grant(r, 'anna', 'edit');
  });
  afterEach(() => t.close());

  it('compacts into a snapshot without deleted text, unloads when idle, restores after restart', async () => {
    const { token } = await login(t.url, 'anna', testPassword);
    const clients = rooms.map((r) => newClient(t.wsUrl, r, token));
    await Promise.all(clients.map((c) => c.synced));
    const [first] = clients;
    const text = first?.doc.getText('plan');
    for (const ch of deleted) text?.insert(text.length, ch);
    text?.delete(0, text.length);
    text?.insert(0, 'juist adres volgt (fictief)');
    clients.forEach((c, i) => { for (let k = 0; k < 25; k++) c.doc.getMap('m').set(`k${k}`, i * 100 + k); });
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Compaction ran: few log rows left, one snapshot per room.
    const snapshots = rows('SELECT room, data FROM snapshots') as { room: string; data: Buffer }[];
    expect(snapshots.map((s) => s.room).sort()).toEqual([...rooms].sort());
    expect((rows('SELECT COUNT(*) AS n FROM updates')[0] as { n: number }).n).toBeLessThan(3 * 10);

    // The snapshot of the server's doc no longer holds the deleted text (GC on).
    const cipher = createContentCipher(Buffer.from(readFileSync(join(t.dataDir, keyFileName), 'utf8').trim(), 'base64'));
    clients.forEach((c) => c.destroy());
    await waitFor(() => logger.lines.filter((l) => l.includes('room-unloaded')).length === 3, 3000, 'rooms unloaded');
    const snapshot = (rows(`SELECT data FROM snapshots WHERE room = '${rooms[0]}'`)[0] as { data: Buffer }).data;
    const plain = Buffer.from(cipher.decrypt(snapshot, `snapshot\0${rooms[0]}`));
    expect(plain.includes(Buffer.from('juist adres'))).toBe(true);
    expect(plain.includes(Buffer.from(deleted.slice(0, 8)))).toBe(false);
    expect((rows('SELECT COUNT(*) AS n FROM updates')[0] as { n: number }).n).toBe(0);

    await t.server.close();
    const restarted = await startServer({ dataDir: t.dataDir, port: 0, logger: silentLogger, requireMfa: false });
    try {
      const token2 = (await login(restarted.url, 'anna', testPassword)).token;
      for (const [i, r] of rooms.entries()) {
        const c = newClient(restarted.wsUrl, r, token2);
        await c.synced;
        expect(c.doc.getMap('m').get('k24')).toBe(i * 100 + 24);
        if (i === 0) expect(c.doc.getText('plan').toString()).toBe('juist adres volgt (fictief)');
        c.destroy();
      }
    } finally {
      await restarted.close();
    }
  });

  it('sets an altered stored value aside in the quarantine, opens the room without it and keeps serving other rooms', async () => {
    const { token } = await login(t.url, 'anna', testPassword);
    for (const r of rooms.slice(0, 2)) {
      const c = newClient(t.wsUrl, r, token);
      await c.synced;
      for (let k = 0; k < 12; k++) c.doc.getMap('m').set(`k${k}`, r);
      await new Promise((resolve) => setTimeout(resolve, 100));
      c.destroy();
    }
    await t.server.close();
    const db = new Database(join(t.dataDir, databaseFile));
    // Copy room 1's snapshot over room 0's: authenticated encryption binds values to their room.
    db.prepare('UPDATE snapshots SET data = (SELECT data FROM snapshots WHERE room = ?) WHERE room = ?').run(rooms[1], rooms[0]);
    // And an update stored after the snapshot, which must survive.
    const cipher = createContentCipher(Buffer.from(readFileSync(join(t.dataDir, keyFileName), 'utf8').trim(), 'base64'));
    const later = new Y.Doc();
    later.getMap('m').set('after', 'na de snapshot');
    await createRoomStore(sqliteSql(db), cipher).append(rooms[0] ?? '', [Y.encodeStateAsUpdate(later)]);
    db.close();
    const log = memoryLogger();
    const restarted = await startServer({ dataDir: t.dataDir, port: 0, logger: log, requireMfa: false });
    try {
      const token2 = (await login(restarted.url, 'anna', testPassword)).token;
      const opened = newClient(restarted.wsUrl, rooms[0] ?? '', token2);
      await opened.synced;
      // The snapshot is set aside; the update stored after it is still there.
      expect(opened.doc.getMap('m').get('after')).toBe('na de snapshot');
      expect(opened.doc.getMap('m').get('k0')).toBeUndefined();
      opened.destroy();
      expect(log.lines.some((l) => l.includes('room-value-quarantined') && l.includes(rooms[0] ?? '-') && l.includes('SealError'))).toBe(true);
      expect(log.lines.join('\n')).not.toContain('na de snapshot');
      const fine = newClient(restarted.wsUrl, rooms[1] ?? '', token2);
      await fine.synced;
      expect(fine.doc.getMap('m').get('k0')).toBe(rooms[1]);
      fine.destroy();
    } finally {
      await restarted.close();
    }
    const quarantined = rows('SELECT room, source, error FROM quarantine') as { room: string; source: string; error: string }[];
    expect(quarantined).toEqual([{ room: rooms[0], source: 'snapshot', error: 'SealError' }]);
  });
});
