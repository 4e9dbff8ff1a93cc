/**
 * Migrate, backup and restore on real stores: embedded SQLite and a real PostgreSQL started
 * for this file. A populated store (rooms with edits and snapshots, a quarantined value,
 * users, grants, sessions, audit entries and a row in every other table) is backed up and
 * restored into an empty store of each backend, migrated from SQLite to PostgreSQL, and
 * every room is opened and compared with its source; a backup taken while a writer writes
 * is one consistent snapshot.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '../src/access/directory';
import { createGrants } from '../src/access/grants';
import { createSessions } from '../src/access/sessions';
import { adminActor, createAuditLog } from '../src/storage/audit';
import { createContentCipher, type ContentCipher } from '../src/storage/content-cipher';
import { verifyDataKey } from '../src/storage/keyed-data-dir';
import { openStorage, type StorageTarget } from '../src/storage/open';
import { createRoomStore, type StoredRoom } from '../src/storage/room-store';
import type { Sql } from '../src/storage/sql';
import { StoreInUseError, takeTransferLock } from '../src/storage/store-lock';
import { transferredTables } from '../src/storage/transfer';
import { backup, CopyError, migrate, restore } from '../src/storage/transfer';
import { silentLogger } from '../src/log';
import { startServer } from '../src/server';
import { startPostgres, type TestPostgres } from './backends';
import { login, newClient } from './helpers';

let postgres: TestPostgres;
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'themakamer-transfer-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const keyText = randomBytes(32).toString('base64');
const cipher = createContentCipher(Buffer.from(keyText, 'base64'));
const roomName = (i: number): string => `case:room${String(i).padStart(5, '0')}`;

/** Edits to a room's document, as the updates a client would send. */
function edits(seed: number, count: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  doc.clientID = 1000 + seed;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) {
    doc.getText('notes').insert(0, `regel ${seed}.${i} `);
    doc.getMap('meta').set('stap', i);
  }
  return { updates, doc };
}

/** Fills a store with something in every table. */
async function populate(sql: Sql, key: ContentCipher = cipher, rooms = 8): Promise<void> {
  expect(await verifyDataKey(sql, key, true)).toBe('ok');
  const audit = createAuditLog(sql);
  const directory = createDirectory(sql, audit);
  const grants = createGrants(sql, audit);
  await directory.addOrg('zvh-test', 'ZVH Testregio', adminActor);
  for (const username of ['pr.bakker', 'sec.visser', 'dn.smit']) {
    await directory.addUser({ username, org: 'zvh-test', role: 'deelnemer', password: 'fictief-wachtwoord-123' }, adminActor);
  }
  await createSessions(sql, 3_600_000).create('pr.bakker');
  const store = createRoomStore(sql, key);
  for (let i = 0; i < rooms; i++) {
    const room = roomName(i);
    const { updates, doc } = edits(i, 6);
    await store.append(room, updates.slice(0, 3));
    // Half the rooms are compacted: a snapshot and updates after it.
    if (i % 2 === 0) await store.compact(room, Y.encodeStateAsUpdate(doc), 3);
    await store.append(room, updates.slice(3));
    await grants.grant(room, 'sec.visser', i % 3 === 0 ? 'view' : 'edit', adminActor);
    doc.destroy();
  }
  // A stored value that does not load, set aside in the quarantine.
  const head = await store.append(roomName(1), [new Uint8Array([0, 1, 2])]);
  await store.quarantine(roomName(1), 'update', head, 'Error');
  const now = new Date().toISOString();
  await sql.run('INSERT INTO two_factor (username, secret, last_step, enrolled_at) VALUES ($1, $2, $3, $4)', ['pr.bakker', key.encrypt(Buffer.from('fictief'), 'totp\0pr.bakker'), 42, now]);
  await sql.run('INSERT INTO recovery_codes (username, code_hash, used_at) VALUES ($1, $2, NULL)', ['pr.bakker', 'a'.repeat(64)]);
  await sql.run('INSERT INTO frozen (id, room, meeting, version, created_at, sha256, data) VALUES ($1, $2, $3, $4, $5, $6, $7)', ['frozen-1', roomName(0), 'meeting:meet0001', 1, now, 'b'.repeat(64), key.encrypt(Buffer.from([1, 2]), 'frozen')]);
  await sql.run('INSERT INTO org_smtp (org, host, port, username, password, sender, app_url, frequency, last_sent_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9)',
    ['zvh-test', 'smtp.example.test', 587, 'mailer', key.encrypt(Buffer.from('geheim'), 'smtp'), 'noreply@example.test', 'https://zvh.example.test', 'weekly', now]);
  await sql.run('INSERT INTO org_oidc (org, issuer, client_id, client_secret, claim, updated_at) VALUES ($1, $2, $3, $4, $5, $6)', ['zvh-test', 'https://login.zvh.example/realms/test', 'themakamer', key.encrypt(Buffer.from('fictief-geheim'), 'oidc\0zvh-test'), 'preferred_username', now]);
  await sql.run('INSERT INTO oidc_handoff (code_hash, username, expires_at) VALUES ($1, $2, $3)', ['c'.repeat(64), 'pr.bakker', Date.now() + 60_000]);
  await sql.run('INSERT INTO user_mail (username, address) VALUES ($1, $2)', ['sec.visser', 'sec.visser@example.test']);
  await sql.run('INSERT INTO user_digest (username, choice, last_sent_at) VALUES ($1, $2, NULL)', ['sec.visser', 'weekly']);
  await sql.run('INSERT INTO case_index (room, case_number, case_type, head, read_at) VALUES ($1, $2, $3, $4, $5)', [roomName(0), 'ZVH-2026-001', 'huiselijk-geweld', 6, now]);
  await sql.run('INSERT INTO monitor_index (room, kind, head, updated_at, facts) VALUES ($1, $2, $3, $4, $5)', [roomName(0), 'case', 6, now, key.encrypt(Buffer.from('{}'), 'monitor')]);
  await sql.run('INSERT INTO partner_figures (org, figure, year, quarter, value, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', ['zvh-test', 'om.stalkingzaken', 2026, 1, 12, 'pr.bakker', now]);
  await sql.run('INSERT INTO restricted_parts (room, case_room, title, orgs, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)', ['part:testpart01', roomName(0), 'Politie-informatie', '["zvh-test"]', 'pr.bakker', now]);
  await sql.run('INSERT INTO case_closures (room, closed_at, closed_by, reason) VALUES ($1, $2, $3, $4)', [roomName(2), now, 'pr.bakker', 'doel-bereikt']);
  await sql.run('INSERT INTO retention_rules (case_type, months, set_at, set_by) VALUES ($1, $2, $3, $4)', ['huiselijk-geweld', 24, now, adminActor]);
  await sql.run('INSERT INTO deletions (room, case_number, case_type, closed_at, deleted_at, rule) VALUES ($1, $2, $3, $4, $5, $6)', ['case:gone0001', 'ZVH-2020-009', 'overig', now, now, 'overig:12']);
  await sql.run("INSERT INTO meta (key, value) VALUES ('region_name', 'Testregio')");
}

const buildDoc = (stored: StoredRoom): Y.Doc => {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.open());
  for (const row of stored.rows) Y.applyUpdate(doc, row.open());
  return doc;
};

/** Every room of `restored` opens and equals the same room of `original`; the audit chain verifies. */
async function expectSameStore(original: Sql, restored: Sql, key: ContentCipher = cipher): Promise<void> {
  const [a, b] = [createRoomStore(original, key), createRoomStore(restored, key)];
  const rooms = await a.listRooms();
  expect(rooms.length).toBeGreaterThan(0);
  expect(await b.listRooms()).toEqual(rooms);
  for (const room of rooms) {
    const [docA, docB] = [buildDoc(await a.read(room)), buildDoc(await b.read(room))];
    expect(Buffer.from(Y.encodeStateVector(docB))).toEqual(Buffer.from(Y.encodeStateVector(docA)));
    expect(Buffer.from(Y.encodeStateAsUpdate(docB))).toEqual(Buffer.from(Y.encodeStateAsUpdate(docA)));
    expect(docB.getText('notes').toString()).toBe(docA.getText('notes').toString());
  }
  const [verdictA, verdictB] = [await createAuditLog(original).verify(), await createAuditLog(restored).verify()];
  expect(verdictA.ok && verdictB.ok).toBe(true);
  // The copied chain, then the restore or migrate entry; the original may have its backup entry after the snapshot.
  const [entriesA, entriesB] = [await createAuditLog(original).list(), await createAuditLog(restored).list()];
  expect(entriesB.length).toBeGreaterThan(5);
  expect(['restore', 'migrate']).toContain(entriesB.at(-1)!.event);
  expect(entriesB.at(-1)!.actor).toBe(adminActor);
  const copied = entriesB.slice(0, -1);
  expect(copied).toEqual(entriesA.slice(0, copied.length));
  expect(entriesA.slice(copied.length).map((entry) => entry.event)).toEqual(entriesB.at(-1)!.event === 'restore' ? ['backup'] : []);
  for (const table of transferredTables.filter((name) => name !== 'audit')) {
    const count = async (sql: Sql): Promise<number> => Number((await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);
    expect(await count(restored), table).toBe(await count(original));
  }
  // The quarantine's sequence moved on: a new entry gets a fresh id.
  const head = await b.append(roomName(3), [new Uint8Array([9, 9])]);
  await b.quarantine(roomName(3), 'update', head, 'Error');
  expect((await b.listQuarantine()).map((entry) => entry.id)).toEqual([1, 2]);
}

interface Store { target: StorageTarget; sql: Sql }
const backends = [
  { name: 'sqlite', open: async (): Promise<Store> => { const target = { dataDir: tempDir() }; return { target, sql: (await openStorage(target)).sql }; } },
  { name: 'postgres', open: async (): Promise<Store> => { const target = { dataDir: '', databaseUrl: await postgres.database() }; return { target, sql: (await openStorage(target)).sql }; } },
];

/** A populated SQLite region, closed, and its backup file. */
async function populatedSqliteBackup(): Promise<{ source: Store; file: string }> {
  const source = await backends[0]!.open();
  await populate(source.sql);
  await source.sql.close();
  const file = join(tempDir(), 'region.jsonl.gz');
  await backup(source.target, file);
  return { source, file };
}

describe('the copier covers the schema', () => {
  it('copies every table the schema has', async () => {
    const { sql, db } = await openStorage({ dataDir: tempDir() });
    const tables = db!.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((row) => row.name);
    await sql.close();
    expect([...transferredTables].sort()).toEqual(tables);
  });
});

describe.each(backends)('backup and restore from $name', (from) => {
  it.each(backends)('restores into an empty $name store, every room equal, audit chain intact', async (to) => {
    const source = await from.open();
    await populate(source.sql);
    const file = join(tempDir(), 'backup.jsonl.gz');
    const made = await backup(source.target, file);
    expect(made.rooms).toBe(8);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const table of transferredTables) expect(made.rows[table], table).toBeGreaterThan(0);
    // Sealed content stays sealed in the file: no plain text of a room is in it.
    const { gunzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).not.toContain('regel 0.');
    expect(text).not.toContain('geheim');

    const target = await to.open();
    const restored = await restore(file, target.target, keyText);
    expect(restored.rooms).toBe(8);
    expect(restored.rows).toEqual(made.rows);
    await expectSameStore(source.sql, target.sql);

    // Only into an empty store.
    await expect(restore(file, target.target, keyText)).rejects.toThrow(/niet leeg/);
    await Promise.all([source.sql.close(), target.sql.close()]);
  }, 60_000);
});

describe.each(backends)('restore on $name refuses', (to) => {
  it('a wrong key, a truncated or altered file, and leaves the store empty', async () => {
    const source = await backends[0]!.open();
    await populate(source.sql);
    const file = join(tempDir(), 'backup.jsonl.gz');
    await backup(source.target, file);
    await source.sql.close();
    const target = await to.open();
    await expect(restore(file, target.target, randomBytes(32).toString('base64'))).rejects.toThrow(/datasleutel past niet/);
    const { gunzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const truncated = join(tempDir(), 'truncated.jsonl.gz');
    writeFileSync(truncated, gzipSync(lines.slice(0, -1).join('\n') + '\n'));
    await expect(restore(truncated, target.target, keyText)).rejects.toThrow(/onvolledig/);
    // One stored update altered in the file: its rows no longer match the digest at the end.
    const at = lines.findIndex((line) => line.startsWith('{"kind":"table","name":"updates"')) + 1;
    const columns = (JSON.parse(lines[at - 1]!) as { columns: string[] }).columns;
    const row = JSON.parse(lines[at]!) as ({ b: string } | string | number)[];
    const data = Buffer.from((row[columns.indexOf('data')] as { b: string }).b, 'base64');
    data.writeUInt8(data.readUInt8(data.length - 1) ^ 1, data.length - 1);
    row[columns.indexOf('data')] = { b: data.toString('base64') };
    const altered = join(tempDir(), 'altered.jsonl.gz');
    writeFileSync(altered, gzipSync([...lines.slice(0, at), JSON.stringify(row), ...lines.slice(at + 1)].join('\n') + '\n'));
    await expect(restore(altered, target.target, keyText)).rejects.toThrow(/updates: de rijen in het doel verschillen/);
    // Nothing was left behind: a full restore still works.
    expect((await restore(file, target.target, keyText)).rooms).toBe(8);
    await target.sql.close();
  }, 60_000);
});

describe.each(backends)('a backup of $name taken while a writer writes', (backend) => {
  it('is one consistent snapshot: every room head matches its updates', async () => {
    const source = await backend.open();
    await populate(source.sql);
    const store = createRoomStore(source.sql, cipher);
    let stop = false;
    let written = 0;
    const writer = (async () => {
      const { updates, doc } = edits(77, 4000);
      doc.destroy();
      for (let i = 0; !stop && i < updates.length; i++) {
        // Two rooms per step: a backup reading rooms before updates (not one snapshot) would see heads behind.
        await store.append(roomName(i % 2 === 0 ? 4 : 5), [updates[i]!]);
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const file = join(tempDir(), 'live.jsonl.gz');
    const before = written;
    await backup(source.target, file);
    const during = written - before;
    stop = true;
    await writer;
    expect(during).toBeGreaterThan(0);
    const target = await backends[0]!.open();
    await restore(file, target.target, keyText);
    const mismatched = await target.sql.all<{ room: string }>(
      `SELECT r.room FROM rooms r LEFT JOIN (SELECT room, MAX(seq) AS last FROM updates GROUP BY room) u ON u.room = r.room
       LEFT JOIN snapshots s ON s.room = r.room WHERE r.room IN ($1, $2) AND r.head <> COALESCE(u.last, s.upto, 0)`,
      [roomName(4), roomName(5)],
    );
    expect(mismatched).toEqual([]);
    await Promise.all([source.sql.close(), target.sql.close()]);
  }, 60_000);
});

describe('migrate from SQLite to PostgreSQL', () => {
  it('moves every table, every room equal to its source; refuses a non-empty target and a wrong key', async () => {
    const source = await backends[0]!.open();
    await populate(source.sql);
    const url = await postgres.database();
    await expect(migrate({ fromDataDir: source.target.dataDir, toDatabaseUrl: url, dataKey: null })).rejects.toThrow(/THEMAKAMER_DATA_KEY/);
    await expect(migrate({ fromDataDir: source.target.dataDir, toDatabaseUrl: url, dataKey: randomBytes(32).toString('base64') })).rejects.toThrow(/niet de datasleutel/);
    const result = await migrate({ fromDataDir: source.target.dataDir, toDatabaseUrl: url, dataKey: keyText });
    expect(result.rooms).toBe(8);
    for (const table of transferredTables) expect(result.rows[table], table).toBeGreaterThan(0);
    const target = (await openStorage({ dataDir: '', databaseUrl: url })).sql;
    await expect(migrate({ fromDataDir: source.target.dataDir, toDatabaseUrl: url, dataKey: keyText })).rejects.toThrow(CopyError);
    await expect(migrate({ fromDataDir: source.target.dataDir, toDatabaseUrl: url, dataKey: keyText })).rejects.toThrow(/niet leeg/);
    await expectSameStore(source.sql, target);
    await Promise.all([source.sql.close(), target.close()]);
  }, 60_000);

  it('npm run admin -- migrate, backup and restore print counts, no names', async () => {
    const source = await backends[0]!.open();
    await populate(source.sql);
    await source.sql.close();
    const url = await postgres.database();
    const admin = (args: string[]): { status: number | null; stdout: string; stderr: string } =>
      spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, THEMAKAMER_DATA_KEY: keyText } });
    const migrated = admin(['migrate', '--from-data-dir', source.target.dataDir, '--to-database-url', url]);
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/8 kamers, \d+ auditregels \(keten intact\)/);
    expect(migrated.stdout).not.toMatch(/pr\.bakker|ZVH Testregio|Testregio/);
    const file = join(tempDir(), 'cli.jsonl.gz');
    const made = admin(['--database-url', url, 'backup', '--to', file]);
    expect(made.status).toBe(0);
    const restoredDir = tempDir();
    const restored = admin(['--data-dir', restoredDir, 'restore', '--from', file]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/postgres-back-up .* 8 kamers/);
    const again = admin(['--data-dir', restoredDir, 'restore', '--from', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/niet leeg/);
  }, 120_000);
});

describe('a restore into an empty data dir', () => {
  const admin = (args: string[], dataKey: string | null): { status: number | null; stdout: string; stderr: string } => {
    const env: NodeJS.ProcessEnv = { ...process.env, THEMAKAMER_DATA_KEY: dataKey ?? undefined };
    if (dataKey === null) delete env.THEMAKAMER_DATA_KEY;
    return spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', ...args], { encoding: 'utf8', env });
  };

  it('gets the backup\'s key as its data.key: the server starts on it alone, a user signs in and reads a room over a WebSocket', async () => {
    const source = await backends[0]!.open();
    await populate(source.sql);
    // populate's org signs in through OIDC: a password user in a second org reads the room.
    const audit = createAuditLog(source.sql);
    await createDirectory(source.sql, audit).addOrg('ggd-test', 'GGD Testregio', adminActor);
    await createDirectory(source.sql, audit).addUser({ username: 'ggd.jansen', org: 'ggd-test', role: 'deelnemer', password: 'fictief-wachtwoord-123' }, adminActor);
    await createGrants(source.sql, audit).grant(roomName(2), 'ggd.jansen', 'view', adminActor);
    await source.sql.close();
    const file = join(tempDir(), 'region.jsonl.gz');
    expect(admin(['--data-dir', source.target.dataDir, 'backup', '--to', file], null).status).toBe(0);

    const restoredDir = join(tempDir(), 'restored');
    const restored = admin(['--data-dir', restoredDir, 'restore', '--from', file], keyText);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const keyFile = join(restoredDir, 'data.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64').equals(Buffer.from(keyText, 'base64'))).toBe(true);

    // No THEMAKAMER_DATA_KEY: the server runs on the data dir's own key file.
    const server = await startServer({ dataDir: restoredDir, port: 0, logger: silentLogger, requireMfa: false });
    try {
      const { token } = await login(server.url, 'ggd.jansen', 'fictief-wachtwoord-123');
      const client = newClient(server.wsUrl, roomName(2), token);
      try {
        await client.synced;
        const expected = edits(2, 6).doc;
        expect(client.doc.getText('notes').toString()).toBe(expected.getText('notes').toString());
        expect(client.doc.getText('notes').toString()).toContain('regel 2.5');
        expected.destroy();
      } finally {
        client.destroy();
      }
    } finally {
      await server.close();
    }
  }, 120_000);

  it('is refused when the dir holds a data.key with another key, and writes nothing', async () => {
    const { file } = await populatedSqliteBackup();
    const dir = tempDir();
    writeFileSync(join(dir, 'data.key'), randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
    const refused = admin(['--data-dir', dir, 'restore', '--from', file], keyText);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/data\.key met een andere sleutel/);
    expect(existsSync(join(dir, 'themakamer.sqlite'))).toBe(false);
    // A wrong THEMAKAMER_DATA_KEY into an empty dir: refused, and no key file is left behind.
    const empty = join(tempDir(), 'leeg');
    const wrong = admin(['--data-dir', empty, 'restore', '--from', file], randomBytes(32).toString('base64'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/datasleutel past niet/);
    expect(existsSync(join(empty, 'data.key'))).toBe(false);
  }, 120_000);
});

describe('migrate and restore next to a running server', () => {
  const cli = (args: string[]): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, THEMAKAMER_DATA_KEY: keyText } });
  const refusedAsRunning = (result: { status: number | null; stderr: string }, command: string): void => {
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Er draait een Themakamer-server/);
    expect(result.stderr).toMatch(new RegExp(`A Themakamer server \\(or another migrate/restore\\) is running on .*Stop every server on it and run ${command} again`));
  };

  /** The real server (`npm start`'s entry) in its own process, until it prints that it listens. */
  async function serverProcess(args: string[]): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/cli.ts', '--port', '0', ...args], {
      env: { ...process.env, THEMAKAMER_DATA_KEY: keyText }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (data: Buffer) => {
        out += data.toString();
        if (out.includes('listening on')) resolve();
      });
      child.stderr!.on('data', (data: Buffer) => void (err += data.toString()));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
    });
    return child;
  }
  const crash = async (child: ChildProcess): Promise<void> => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  const tableRows = async (url: string): Promise<number> => {
    const sql = (await openStorage({ dataDir: '', databaseUrl: url })).sql;
    try {
      return Number((await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM users'))!.n);
    } finally {
      await sql.close();
    }
  };

  it('SQLite: migrate refuses while a server runs on the source data dir, also after a crashed one it goes ahead', async () => {
    const source = await backends[0]!.open();
    await populate(source.sql);
    await source.sql.close();
    const url = await postgres.database();
    // A server in this process, then one in its own process killed with SIGKILL (its lock file stays behind).
    const inProcess = await startServer({ dataDir: source.target.dataDir, dataKey: keyText, port: 0, logger: silentLogger, requireMfa: false });
    refusedAsRunning(cli(['migrate', '--from-data-dir', source.target.dataDir, '--to-database-url', url]), 'migrate');
    await expect(migrate({ fromDataDir: source.target.dataDir, toDatabaseUrl: url, dataKey: keyText })).rejects.toBeInstanceOf(StoreInUseError);
    await inProcess.close();
    const child = await serverProcess(['--data-dir', source.target.dataDir]);
    refusedAsRunning(cli(['migrate', '--from-data-dir', source.target.dataDir, '--to-database-url', url]), 'migrate');
    // Nothing was written to the target meanwhile.
    expect(await tableRows(url)).toBe(0);
    await crash(child);
    expect(existsSync(join(source.target.dataDir, 'server.lock'))).toBe(true);
    const migrated = cli(['migrate', '--from-data-dir', source.target.dataDir, '--to-database-url', url]);
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
  }, 120_000);

  it('SQLite: restore refuses while a server runs on the target data dir; a server does not start while a restore runs', async () => {
    const { file } = await populatedSqliteBackup();
    const dir = join(tempDir(), 'doel');
    const child = await serverProcess(['--data-dir', dir]);
    try {
      refusedAsRunning(cli(['--data-dir', dir, 'restore', '--from', file]), 'restore');
    } finally {
      await crash(child);
    }
    // With the server gone the dir is no longer in use, and is refused because the server filled it.
    expect(cli(['--data-dir', dir, 'restore', '--from', file]).stderr).toMatch(/niet leeg/);

    const empty = join(tempDir(), 'leeg');
    const restoring = await takeTransferLock({ dataDir: empty }, 'restore');
    await expect(startServer({ dataDir: empty, dataKey: keyText, port: 0, logger: silentLogger })).rejects.toThrow(/A migrate or restore is copying data dir/);
    await restoring.release();
    const server = await startServer({ dataDir: empty, dataKey: keyText, port: 0, logger: silentLogger });
    await server.close();
  }, 120_000);

  it('PostgreSQL: restore and migrate refuse while an instance runs on the target database; a crashed instance holds nothing', async () => {
    const { source, file } = await populatedSqliteBackup();
    const url = await postgres.database();
    const [first, second] = [
      await startServer({ dataDir: tempDir(), databaseUrl: url, dataKey: keyText, port: 0, logger: silentLogger }),
      await serverProcess(['--database-url', url]),
    ];
    refusedAsRunning(cli(['--database-url', url, 'restore', '--from', file]), 'restore');
    await expect(restore(file, { dataDir: '', databaseUrl: url }, keyText)).rejects.toBeInstanceOf(StoreInUseError);
    refusedAsRunning(cli(['migrate', '--from-data-dir', source.target.dataDir, '--to-database-url', url]), 'migrate');
    await first.close();
    // One instance left (in its own process): still refused.
    refusedAsRunning(cli(['--database-url', url, 'restore', '--from', file]), 'restore');
    await crash(second);
    // PostgreSQL ends the killed process's session at once: the target is free (and, being filled by the servers, refused as not empty).
    let after = cli(['--database-url', url, 'restore', '--from', file]);
    for (let i = 0; i < 20 && /Er draait/.test(after.stderr); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = cli(['--database-url', url, 'restore', '--from', file]);
    }
    expect(after.status).toBe(1);
    expect(after.stderr).toMatch(/niet leeg/);

    // A restore running on an empty database: no instance starts on it meanwhile, and it completes.
    const empty = await postgres.database();
    const restoring = await takeTransferLock({ dataDir: '', databaseUrl: empty }, 'restore');
    await expect(startServer({ dataDir: tempDir(), databaseUrl: empty, dataKey: keyText, port: 0, logger: silentLogger })).rejects.toThrow(/A migrate or restore is copying this database/);
    await restoring.release();
    expect((await restore(file, { dataDir: '', databaseUrl: empty }, keyText)).rooms).toBe(8);
    const server = await startServer({ dataDir: tempDir(), databaseUrl: empty, dataKey: keyText, port: 0, logger: silentLogger });
    await server.close();
  }, 120_000);

  it('PostgreSQL: an instance whose lock session is ended (a database restart) takes the lock again', async () => {
    const { file } = await populatedSqliteBackup();
    const url = await postgres.database();
    const server = await startServer({ dataDir: tempDir(), databaseUrl: url, dataKey: keyText, port: 0, logger: silentLogger });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const holders = async (): Promise<number[]> => (await client.query<{ pid: number }>(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND mode = 'ShareLock' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      )).rows.map((row) => row.pid);
      const [held] = await holders();
      expect(held).toBeDefined();
      await client.query('SELECT pg_terminate_backend($1)', [held]);
      // Taken again within the server's retry (5 s), on a new session.
      let again: number[] = [];
      for (let i = 0; i < 80 && !(again.length === 1 && again[0] !== held); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        again = await holders();
      }
      expect(again).toHaveLength(1);
      expect(again[0]).not.toBe(held);
      refusedAsRunning(cli(['--database-url', url, 'restore', '--from', file]), 'restore');
    } finally {
      await client.end();
      await server.close();
    }
  }, 60_000);
});
