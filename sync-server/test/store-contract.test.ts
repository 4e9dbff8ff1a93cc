/**
 * One contract for the storage seam, run against both backends: embedded SQLite and a real
 * PostgreSQL started for this file. Whatever a store promises (gapless seqs, consistent
 * reads, compaction never going back, one audit chain across writers, access changes
 * announced to listeners) must hold on each.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessChannel, createDirectory } from '../src/access/directory';
import { createGrants } from '../src/access/grants';
import { createSessions } from '../src/access/sessions';
import { createOidcBindings } from '../src/access/oidc-bindings';
import { createOidcLogin } from '../src/access/oidc-login';
import { createHash } from 'node:crypto';
import { createAuditLog } from '../src/storage/audit';
import { createContentCipher } from '../src/storage/content-cipher';
import { openStorage } from '../src/storage/open';
import { createRoomStore } from '../src/storage/room-store';
import { createMonitorIndex } from '../src/monitor/monitor-index';
import * as Y from 'yjs';
import type { Sql } from '../src/storage/sql';
import { startPostgres, type TestPostgres } from './backends';

interface Backend {
  name: 'sqlite' | 'postgres';
  /**
   * A fresh, empty store; `again()` is another process's view of the same store: a second
   * pool on PostgreSQL. On SQLite it is the same connection, since better-sqlite3 waits for
   * another connection's lock synchronously, which within one process would deadlock;
   * SQLite across processes is covered by the admin CLI tests.
   */
  fresh(): Promise<{ sql: Sql; again(): Promise<Sql>; observer(): Promise<Sql> }>;
}

let postgres: TestPostgres;
const dirs: string[] = [];
const opened: Sql[] = [];
const track = (sql: Sql): Sql => (opened.push(sql), sql);

const backends: Backend[] = [
  {
    name: 'sqlite',
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'themakamer-contract-'));
      dirs.push(dataDir);
      const sql = track((await openStorage({ dataDir })).sql);
      // A second connection only reads (data_version), so it cannot deadlock.
      return { sql, again: async () => sql, observer: async () => track((await openStorage({ dataDir })).sql) };
    },
  },
  {
    name: 'postgres',
    async fresh() {
      const databaseUrl = await postgres.database();
      const open = async (): Promise<Sql> => track((await openStorage({ dataDir: '', databaseUrl })).sql);
      return { sql: await open(), again: open, observer: open };
    },
  },
];

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(opened.map((sql) => sql.close()));
  await postgres?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const cipher = createContentCipher(randomBytes(32));
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe.each(backends)('storage contract on $name', (backend) => {
  it('appends with gapless seqs per room, reads back in order and lists rooms', async () => {
    const { sql } = await backend.fresh();
    const store = createRoomStore(sql, cipher);
    expect(await store.append('case:aaaaaaaa', [bytes(1), bytes(2)])).toBe(2);
    expect(await store.append('case:bbbbbbbb', [bytes(9)])).toBe(1);
    expect(await store.append('case:aaaaaaaa', [bytes(3)])).toBe(3);
    const read = await store.read('case:aaaaaaaa');
    expect(read.snapshot).toBeNull();
    expect(read.rows.map((row) => row.id)).toEqual([1, 2, 3]);
    expect(read.rows.map((row) => [...row.open()])).toEqual([[1], [2], [3]]);
    expect(await store.listRooms()).toEqual(['case:aaaaaaaa', 'case:bbbbbbbb']);
  });

  it('concurrent appends from two connections never share or skip a seq', async () => {
    const { sql, again } = await backend.fresh();
    const a = createRoomStore(sql, cipher);
    const b = createRoomStore(await again(), cipher);
    const heads = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).append('case:cccccccc', [bytes(i), bytes(i)])));
    expect(new Set(heads).size).toBe(40);
    const read = await a.read('case:cccccccc');
    expect(read.rows.map((row) => row.id)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  });

  it('compaction folds rows into a snapshot and never replaces a newer one', async () => {
    const { sql } = await backend.fresh();
    const store = createRoomStore(sql, cipher);
    await store.append('case:dddddddd', [bytes(1), bytes(2), bytes(3), bytes(4)]);
    await store.compact('case:dddddddd', bytes(7, 7), 3);
    let read = await store.read('case:dddddddd');
    expect(read.snapshot?.id).toBe(3);
    expect([...read.snapshot!.open()]).toEqual([7, 7]);
    expect(read.rows.map((row) => row.id)).toEqual([4]);
    // An older snapshot (an instance that was behind) changes nothing.
    await store.compact('case:dddddddd', bytes(1), 2);
    read = await store.read('case:dddddddd');
    expect(read.snapshot?.id).toBe(3);
    expect(read.rows.map((row) => row.id)).toEqual([4]);
    // Seqs continue after compaction.
    expect(await store.append('case:dddddddd', [bytes(5)])).toBe(5);
  });

  it('quarantines a stored update and keeps its sealed bytes for export', async () => {
    const { sql } = await backend.fresh();
    const store = createRoomStore(sql, cipher);
    await store.append('case:eeeeeeee', [bytes(1), bytes(2), bytes(3)]);
    await store.quarantine('case:eeeeeeee', 'update', 2, 'TypeError');
    await store.quarantine('case:eeeeeeee', 'update', 2, 'TypeError');
    expect((await store.read('case:eeeeeeee')).rows.map((row) => row.id)).toEqual([1, 3]);
    const [entry] = await store.listQuarantine();
    expect(entry).toMatchObject({ room: 'case:eeeeeeee', source: 'update', sourceId: 2, error: 'TypeError' });
    expect([...(await store.openQuarantined(entry!.id))!.data]).toEqual([2]);
  });

  it('writers on several connections append to one audit chain that verifies', async () => {
    const { sql, again } = await backend.fresh();
    const logs = [createAuditLog(sql), createAuditLog(await again()), createAuditLog(await again())];
    await Promise.all(Array.from({ length: 60 }, (_, i) => logs[i % 3]!.append({ event: 'login-success', actor: `user${i % 7}` })));
    const verdict = await logs[0]!.verify();
    expect(verdict).toMatchObject({ ok: true, entries: 60 });
    expect((await logs[1]!.list()).map((entry) => entry.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('users, grants and sessions, and a revoke is announced on the access channel', async () => {
    const { sql, observer } = await backend.fresh();
    const audit = createAuditLog(sql);
    const directory = createDirectory(sql, audit);
    const grants = createGrants(sql, audit);
    await directory.addOrg('politie', 'Politie', '@admin');
    await directory.addUser({ username: 'test.agent', org: 'politie', role: 'deelnemer', password: 'correct horse battery staple 1' }, '@admin');
    const room = await grants.createRoom('case', 'test.agent');
    await grants.grant(room, 'test.agent', 'edit', '@admin');
    expect(await grants.effectiveAccess('test.agent', room)).toBe('edit');
    const sessions = createSessions(sql, 60_000);
    const { token } = await sessions.create('test.agent');
    expect((await sessions.check(token))?.username).toBe('test.agent');

    // A second process listening: it hears of the revoke without polling for it.
    const other = await observer();
    let heard = 0;
    const stop = await other.listen(accessChannel, () => heard++, 50);
    const before = heard;
    const started = Date.now();
    await grants.revoke(room, 'test.agent', '@admin');
    while (heard === before && Date.now() - started < 3000) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).toBeGreaterThan(before);
    expect(Date.now() - started).toBeLessThan(1000);
    await stop();
    expect(await grants.effectiveAccess('test.agent', room)).toBeNull();
    await sessions.end(token);
    expect(await sessions.check(token)).toBeNull();
  });

  it('OIDC bindings keep the secret sealed; a bind ends the organisation\'s sessions; a one-time code is redeemed once', async () => {
    const { sql } = await backend.fresh();
    const audit = createAuditLog(sql);
    const directory = createDirectory(sql, audit);
    const sessions = createSessions(sql, 60_000);
    const bindings = createOidcBindings(sql, cipher, audit);
    await directory.addOrg('politie', 'Politie Testregio', '@admin');
    await directory.addUser({ username: 'test.agent', org: 'politie', role: 'deelnemer', password: 'correct horse battery staple 1' }, '@admin');
    const { token } = await sessions.create('test.agent');
    await bindings.bind({ org: 'politie', issuer: 'https://login.politie.test', clientId: 'themakamer', clientSecret: 'test-secret-1' }, '@admin');
    expect(await sessions.check(token)).toBeNull();
    await bindings.bind({ org: 'politie', issuer: 'https://login.politie.test/v2', clientId: 'themakamer', clientSecret: 'test-secret-2', claim: 'email' }, '@admin');
    expect(await bindings.list()).toEqual([{ org: 'politie', orgName: 'Politie Testregio', issuer: 'https://login.politie.test/v2', clientId: 'themakamer', claim: 'email', updatedAt: expect.any(String) }]);
    expect((await bindings.get('politie'))?.clientSecret).toBe('test-secret-2');
    const stored = await sql.get<{ client_secret: Buffer }>('SELECT client_secret FROM org_oidc');
    expect(Buffer.from(stored!.client_secret).includes(Buffer.from('test-secret-2'))).toBe(false);
    expect(await bindings.isBound('politie')).toBe(true);

    const login = createOidcLogin({ sql, cipher, audit, directory, sessions, bindings, publicUrl: 'https://themakamer.test' });
    const code = 'a'.repeat(43);
    await sql.run('INSERT INTO oidc_handoff (code_hash, username, expires_at) VALUES ($1, $2, $3)', [createHash('sha256').update(code).digest('hex'), 'test.agent', Date.now() + 60_000]);
    const results = await Promise.all([login.exchange(code, '127.0.0.1'), login.exchange(code, '127.0.0.1')]);
    expect(results.filter((result) => result !== null)).toHaveLength(1);

    await bindings.unbind('politie', '@admin');
    expect(await bindings.isBound('politie')).toBe(false);
    await expect(bindings.unbind('politie', '@admin')).rejects.toThrow(/niet gekoppeld/);
    expect((await audit.list()).map((entry) => entry.event).filter((event) => event.startsWith('org-oidc'))).toEqual(['org-oidc-bind', 'org-oidc-bind', 'org-oidc-unbind']);
  });

  it('the monitor index reads stored cases and meetings, seals its rows and re-reads only stale rooms', async () => {
    const { sql, again } = await backend.fresh();
    const store = createRoomStore(sql, cipher);
    const caseDoc = (name: string, municipality: string, doc = new Y.Doc()): Uint8Array => {
      doc.getMap('meta').set('type', 'huiselijk-geweld');
      doc.getMap('meta').set('municipality', municipality);
      doc.getMap('meta').set('caseNumber', 'ZVH-TEST-1');
      const person = new Y.Map<unknown>();
      person.set('role', 'slachtoffer');
      person.set('name', name);
      person.set('birthYear', 1990);
      doc.getMap('persons').set('person:aaaaaaaaaaaaaaaa', person);
      doc.getMap('risk').set('sash', { level: 'hoog', date: '2026-02-01' });
      return Y.encodeStateAsUpdate(doc);
    };
    const first = new Y.Doc();
    await store.append('case:aaaaaaaa', [caseDoc('Test Persoon', 'schiedam', first)]);
    await store.append('case:bbbbbbbb', [caseDoc('  test  persoon ', 'rotterdam')]);
    const meeting = new Y.Doc();
    meeting.getMap('meta').set('start', '2026-02-03T10:00:00.000Z');
    meeting.getArray('agenda').push(['case:aaaaaaaa', 'case:bbbbbbbb', 'case:aaaaaaaa']);
    await store.append('meeting:cccccccc', [Y.encodeStateAsUpdate(meeting)]);
    const index = createMonitorIndex(sql, cipher);
    expect(await index.refreshStale()).toBe(3);
    expect(await index.refreshStale()).toBe(0);
    const facts = await index.all();
    const [a, b] = [facts.get('case:aaaaaaaa'), facts.get('case:bbbbbbbb')];
    if (a?.kind !== 'case' || b?.kind !== 'case') throw new Error('cases missing');
    expect(a.municipality).toBe('schiedam');
    expect(a.risk).toEqual([{ kind: 'sash', level: 'hoog', date: '2026-02-01' }]);
    expect(a.persons[0]!.key).toBe(b.persons[0]!.key);
    expect(facts.get('meeting:cccccccc')).toEqual({ kind: 'meeting', type: null, start: '2026-02-03T10:00:00.000Z', cases: ['case:aaaaaaaa', 'case:bbbbbbbb'] });
    const raw = await sql.all<{ facts: Uint8Array }>('SELECT facts FROM monitor_index');
    for (const row of raw) expect(Buffer.from(row.facts).toString('latin1')).not.toMatch(/persoon|schiedam|ZVH-TEST/i);
    // A change moves the head: only that room is read again, also by another connection's index.
    const before = Y.encodeStateVector(first);
    first.getMap('meta').set('municipality', 'vlaardingen');
    await store.append('case:aaaaaaaa', [Y.encodeStateAsUpdate(first, before)]);
    const other = createMonitorIndex(await again(), cipher);
    expect(await other.refreshStale()).toBe(1);
    expect((await other.all()).get('case:aaaaaaaa')).toMatchObject({ municipality: 'vlaardingen' });
    expect(await index.rebuild()).toBe(3);
  });

  it('the monitor index refreshes a room by itself shortly after its updates were stored (debounced)', async () => {
    const { sql } = await backend.fresh();
    const store = createRoomStore(sql, cipher);
    const index = createMonitorIndex(sql, cipher, { debounceMs: 30 });
    const doc = new Y.Doc();
    doc.getMap('meta').set('type', 'anders');
    await store.append('case:dddddddd', [Y.encodeStateAsUpdate(doc)]);
    index.touch('case:dddddddd');
    index.touch('case:dddddddd');
    expect((await index.all()).size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await index.all()).get('case:dddddddd')).toMatchObject({ kind: 'case', type: 'anders' });
    await index.stop();
    index.touch('case:dddddddd');
  });
});
