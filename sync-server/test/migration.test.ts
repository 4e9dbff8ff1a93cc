/**
 * Schema migrations: a database as the previous release wrote it opens, and every room loads
 * with the same content.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createContentCipher } from '../src/storage/content-cipher';
import { sqliteSql } from '../src/storage/sql';
import { databaseFile, openDatabase } from '../src/storage/database';
import { silentLogger } from '../src/log';
import { loadRoomDoc } from '../src/rooms/room-loader';
import { createRoomStore } from '../src/storage/room-store';

/** The room tables of schema version 1 (one rowid over all rooms' updates). */
const version1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE rooms (room TEXT PRIMARY KEY, created_by TEXT, created_at TEXT NOT NULL);
CREATE TABLE updates (id INTEGER PRIMARY KEY, room TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX updates_by_room ON updates(room, id);
CREATE TABLE snapshots (room TEXT PRIMARY KEY, data BLOB NOT NULL, upto INTEGER NOT NULL, updated_at TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('schema_version', '1');
`;

describe('schema migration 1 → 2', () => {
  it('numbers every room\'s updates 1…n after its snapshot and keeps every room\'s content', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'themakamer-migrate-'));
    try {
      const cipher = createContentCipher(Buffer.alloc(32, 3));
      const rooms = ['case:migrate000000001', 'case:migrate000000002'];
      const docs = rooms.map(() => new Y.Doc());
      const old = new Database(join(dir, databaseFile));
      old.exec(version1);
      const insert = old.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
      // Room 0 was compacted once (its snapshot, then rows after it); the rooms' rows interleave.
      docs[0]!.getMap('m').set('snap', 'in de snapshot');
      old.prepare('INSERT INTO snapshots (room, data, upto, updated_at) VALUES (?, ?, 4, ?)').run(rooms[0], cipher.encrypt(Y.encodeStateAsUpdate(docs[0]!), `snapshot\0${rooms[0]}`), new Date().toISOString());
      docs.forEach((doc) => doc.on('update', (update: Uint8Array) => insert.run(rooms[docs.indexOf(doc)], cipher.encrypt(update, `update\0${rooms[docs.indexOf(doc)]}`))));
      for (let i = 0; i < 5; i++) docs.forEach((doc, r) => doc.getMap('m').set(`k${i}`, `${r}-${i}`));
      old.close();

      const db = openDatabase(dir);
      try {
        expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: '7' });
        expect(db.prepare('SELECT room, head FROM rooms ORDER BY room').all()).toEqual(rooms.map((room) => ({ room, head: 5 })));
        expect(db.prepare('SELECT seq FROM updates WHERE room = ? ORDER BY seq').all(rooms[0]).map((r) => (r as { seq: number }).seq)).toEqual([1, 2, 3, 4, 5]);
        const store = createRoomStore(sqliteSql(db), cipher);
        for (const [r, name] of rooms.entries()) {
          const loaded = await loadRoomDoc(store, name, silentLogger);
          expect(loaded.doc.getMap('m').toJSON()).toEqual(docs[r]!.getMap('m').toJSON());
          expect(loaded.quarantined).toBe(0);
        }
        // New updates continue the numbering.
        expect(await store.append(rooms[1]!, [Y.encodeStateAsUpdate(new Y.Doc())])).toBe(6);
      } finally {
        db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('schema migration 2 → 3', () => {
  it('adds the two-factor tables; existing users keep their accounts and have no second factor yet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'themakamer-migrate-'));
    try {
      // A version 2 database: today's schema without the two-factor tables.
      const made = openDatabase(dir);
      made.exec(`
        DROP TABLE two_factor; DROP TABLE recovery_codes;
        UPDATE meta SET value = '2' WHERE key = 'schema_version';
        INSERT INTO orgs (id, name) VALUES ('zvh', 'Test ZVH');
        INSERT INTO users (username, name, org, role, password_hash, disabled, created_at) VALUES ('anna', 'Test anna', 'zvh', 'deelnemer', 'scrypt$x', 0, '2026-01-01T00:00:00.000Z');
      `);
      made.close();

      const db = openDatabase(dir);
      try {
        expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: '7' });
        expect(db.prepare('SELECT username FROM users').all()).toEqual([{ username: 'anna' }]);
        expect(db.prepare('SELECT COUNT(*) AS n FROM two_factor').get()).toEqual({ n: 0 });
        db.prepare('INSERT INTO recovery_codes (username, code_hash, used_at) VALUES (?, ?, NULL)').run('anna', 'ab'.repeat(32));
        expect(db.prepare('SELECT COUNT(*) AS n FROM recovery_codes').get()).toEqual({ n: 1 });
      } finally {
        db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('schema migration 4 → current', () => {
  it('adds the OIDC tables; organisations keep password sign-in until bound', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'themakamer-migrate-'));
    try {
      const made = openDatabase(dir);
      made.exec(`
        DROP TABLE org_oidc; DROP TABLE oidc_handoff;
        UPDATE meta SET value = '4' WHERE key = 'schema_version';
        INSERT INTO orgs (id, name) VALUES ('zvh', 'Test ZVH');
      `);
      made.close();

      const db = openDatabase(dir);
      try {
        expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: '7' });
        expect(db.prepare('SELECT id FROM orgs').all()).toEqual([{ id: 'zvh' }]);
        expect(db.prepare('SELECT COUNT(*) AS n FROM org_oidc').get()).toEqual({ n: 0 });
        expect(db.prepare('SELECT COUNT(*) AS n FROM oidc_handoff').get()).toEqual({ n: 0 });
      } finally {
        db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
