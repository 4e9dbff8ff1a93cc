/**
 * Closing a case and deleting it after its retention period, with a running server and the
 * admin CLI in its own process: only the case's manager closes it; `retention run` deletes only
 * closed cases past their type's period whose document still says afgesloten, writes a deletion
 * record without content, and leaves none of the room's ciphertext in any file of the data dir,
 * also once the room still loaded in the server is unloaded (compaction into a deleted room is
 * dropped).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { adminActor, createAuditLog } from '../src/storage/audit';
import { createContentCipher } from '../src/storage/content-cipher';
import { databaseFile, openDatabase } from '../src/storage/database';
import { createRoomStore } from '../src/storage/room-store';
import { sqliteSql } from '../src/storage/sql';
import { createRetention } from '../src/privacy/retention';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, waitFor, type TestServer } from './helpers';

describe('closing cases and retention', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  const admin = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', t.dataDir, ...args], { encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const post = async (who: string, path: string, body: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens[who] ?? 'none'}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  /** Writes a fictional case into `room` as `who`, in several updates (so there are rows and a snapshot). */
  const writeCase = async (who: string, room: string, caseNumber: string, type = 'ex-partnerstalking'): Promise<void> => {
    const client = newClient(t.wsUrl, room, tokens[who] ?? '');
    await client.synced;
    client.doc.transact(() => {
      const meta = client.doc.getMap('meta');
      meta.set('label', `Casus ${caseNumber} (fictief)`);
      meta.set('caseNumber', caseNumber);
      meta.set('type', type);
      meta.set('status', 'in-behandeling');
    });
    for (let i = 0; i < 6; i++) client.doc.getMap('notes').set(`n${i}`, `Fictieve notitie ${i} over ${caseNumber}: ${'x'.repeat(200)}`);
    const check = newClient(t.wsUrl, room, tokens[who] ?? '');
    await check.synced;
    await waitFor(() => check.doc.getMap('notes').get('n5') !== undefined, 5000, 'case stored');
    check.destroy();
    client.destroy();
  };
  const statusOf = async (room: string): Promise<unknown> => {
    const client = newClient(t.wsUrl, room, tokens.regie ?? '');
    await client.synced;
    const status = client.doc.getMap('meta').get('status');
    client.destroy();
    return status;
  };
  /** The stored ciphertexts of a room (update rows, snapshot, quarantine, frozen copies). */
  const ciphertexts = (room: string): Buffer[] => {
    // A fresh connection right after the server's connection truncated the WAL can read a stale
    // WAL index (SQLITE_IOERR_SHORT_READ); a new connection a moment later reads the current state.
    for (let attempt = 0; ; attempt++) {
      const db = new Database(join(t.dataDir, databaseFile));
      try {
        return [...['updates', 'snapshots', 'quarantine', 'frozen']
          .flatMap((table) => (db.prepare(`SELECT data FROM ${table} WHERE room = ?`).all(room) as { data: Buffer }[]).map((row) => row.data)),
        // The monitor's index of the case is derived from its content and goes with it.
        ...(db.prepare('SELECT facts FROM monitor_index WHERE room = ?').all(room) as { facts: Buffer }[]).map((row) => row.facts)];
      } catch (error) {
        // Under load the same race shows as another SQLITE_IOERR_* or SQLITE_BUSY: retry after a pause.
        const code = (error as { code?: string }).code ?? '';
        if (!/^SQLITE_(IOERR|BUSY)/.test(code) || attempt >= 20) throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
      } finally {
        db.close();
      }
    }
  };
  const dataDirBytes = async (): Promise<Buffer[]> => {
    const files = (await readdir(t.dataDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    return Promise.all(files.map((entry) => readFile(join(entry.parentPath, entry.name))));
  };

  beforeEach(async () => {
    t = await newServer({ idleUnloadMs: 200, compactAfterUpdates: 3 });
    await addTestUser(t.admin, 'regie', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'agent', 'deelnemer', 'politie');
    for (const user of ['regie', 'agent']) tokens[user] = (await login(t.url, user, testPassword)).token;
  });
  afterEach(() => t.close());

  it('lets only the case manager close a case, with a known reason, and records it', async () => {
    const room = 'case:retentieclose0001';
    await t.admin.grant(room, 'regie', 'edit');
    await t.admin.grant(room, 'agent', 'edit');
    await writeCase('regie', room, 'ZVH-R-001');
    const path = `/api/rooms/${encodeURIComponent(room)}/close`;
    expect((await post('agent', path, { reason: 'doel-bereikt' })).status).toBe(403);
    expect((await post('regie', path, { reason: 'vrije tekst' })).status).toBe(400);
    expect((await post('regie', `/api/rooms/${encodeURIComponent('meeting:retentieclose01')}/close`, { reason: 'overig' })).status).toBe(403);
    const closed = await post('regie', path, { reason: 'doel-bereikt' });
    expect(closed).toMatchObject({ status: 200, body: { status: 'afgesloten', closedAt: expect.any(String) } });
    expect(await statusOf(room)).toBe('afgesloten');
    expect((await t.admin.auditList({ room })).filter((e) => e.event === 'case-close')).toMatchObject([{ actor: 'regie', detail: { reason: 'doel-bereikt' } }]);
    expect((await post('regie', `/api/rooms/${encodeURIComponent(room)}/reopen`, {})).status).toBe(200);
    expect(await statusOf(room)).toBe('in-behandeling');
  });

  it('tells whoever may open the case when it was closed and from when it will be deleted, under its type’s rule', async () => {
    const room = 'case:retentieinfo0001';
    await t.admin.grant(room, 'regie', 'edit');
    await t.admin.grant(room, 'agent', 'view');
    await writeCase('regie', room, 'ZVH-R-002');
    expect(admin(['retention', 'set', 'ex-partnerstalking', '18']).status).toBe(0);
    const closurePath = `/api/rooms/${encodeURIComponent(room)}/closure`;
    const get = async (who: string, path: string): Promise<{ status: number; body: unknown }> => {
      const response = await fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${tokens[who] ?? 'none'}` } });
      return { status: response.status, body: await response.json() };
    };
    expect(await get('agent', closurePath)).toEqual({ status: 200, body: { closure: null } });
    const closed = await post('regie', `/api/rooms/${encodeURIComponent(room)}/close`, { reason: 'overgedragen' });
    const closedAt = (closed.body as { closedAt: string }).closedAt;
    const deleteFrom = new Date(closedAt);
    deleteFrom.setUTCMonth(deleteFrom.getUTCMonth() + 18);
    expect(closed.body).toEqual({ status: 'afgesloten', closedAt, reason: 'overgedragen', months: 18, deleteFrom: deleteFrom.toISOString() });
    expect(await get('agent', closurePath)).toEqual({ status: 200, body: { closure: { closedAt, reason: 'overgedragen', months: 18, deleteFrom: deleteFrom.toISOString() } } });
    // Someone without access to the case learns nothing of it.
    await addTestUser(t.admin, 'buiten', 'deelnemer', 'vt');
    tokens.buiten = (await login(t.url, 'buiten', testPassword)).token;
    expect((await get('buiten', closurePath)).status).toBe(403);
    expect((await post('regie', `/api/rooms/${encodeURIComponent(room)}/reopen`, {})).status).toBe(200);
    expect(await get('agent', closurePath)).toEqual({ status: 200, body: { closure: null } });
  });

  it('deletes closed cases past their period, keeps the others, and leaves no ciphertext of them in the data dir', async () => {
    const due = 'case:retentiedue00001';
    const young = 'case:retentiejong0001';
    const reopenedInDoc = 'case:retentieopen0001';
    const open = 'case:retentielopend01';
    for (const room of [due, young, reopenedInDoc, open]) {
      await t.admin.grant(room, 'regie', 'edit');
      await t.admin.grant(room, 'agent', 'edit');
    }
    await writeCase('regie', due, 'ZVH-R-100', 'ex-partnerstalking');
    await writeCase('regie', young, 'ZVH-R-101', 'huiselijk-geweld');
    await writeCase('regie', reopenedInDoc, 'ZVH-R-102', 'ex-partnerstalking');
    await writeCase('regie', open, 'ZVH-R-103', 'ex-partnerstalking');
    for (const room of [due, young, reopenedInDoc]) expect((await post('regie', `/api/rooms/${encodeURIComponent(room)}/close`, { reason: 'overgedragen' })).status).toBe(200);
    // Someone sets the status back by hand: the case is in use again, the closure record notwithstanding.
    const editor = newClient(t.wsUrl, reopenedInDoc, tokens.agent ?? '');
    await editor.synced;
    editor.doc.getMap('meta').set('status', 'monitoring');
    await new Promise((resolve) => setTimeout(resolve, 200));
    editor.destroy();

    expect(admin(['retention', 'set', 'ex-partnerstalking', '6']).status).toBe(0);
    expect(admin(['retention', 'set', 'huiselijk-geweld', '60']).status).toBe(0);
    expect(admin(['retention', 'set', 'Fout Type', '6']).status).toBe(1);
    expect(admin(['retention', 'set', 'anders', 'zes']).status).toBe(2);
    expect(admin(['retention', 'list']).stdout).toContain('ex-partnerstalking\t6 maanden');

    // Agent keeps the due case open in the server while it is deleted.
    const live = newClient(t.wsUrl, due, tokens.agent ?? '');
    await live.synced;
    await waitFor(() => live.doc.getMap('notes').get('n5') !== undefined, 5000, 'live client synced');
    const liveClosed = new Promise<number>((resolve) => live.provider.on('connection-close', (event) => resolve((event as { code: number }).code)));
    // One more update, stored as a row after the snapshot: both kinds of ciphertext are checked.
    live.doc.getMap('notes').set('live', `Fictieve notitie terwijl de casus open staat: ${'y'.repeat(200)}`);
    expect(admin(['monitor', 'rebuild'])).toMatchObject({ status: 0, stderr: '' });
    // Snapshot, update row and the monitor index's row.
    await waitFor(() => ciphertexts(due).length >= 3, 5000, 'an update row next to the snapshot');
    // A restricted part of the due case (its own room), written by the police: it goes with the case.
    const created = await post('regie', `/api/rooms/${encodeURIComponent(due)}/parts`, { title: 'Politie-informatie', orgs: ['politie'] });
    expect(created.status).toBe(201);
    const part = (created.body as { room: string }).room;
    const partClient = newClient(t.wsUrl, part, tokens.agent ?? '');
    await partClient.synced;
    for (let i = 0; i < 5; i++) partClient.doc.getMap('notes').set(`p${i}`, `Fictieve politie-informatie ${i}: ${'z'.repeat(200)}`);
    await waitFor(() => ciphertexts(part).length >= 1, 5000, 'the part stored');
    const partClosed = new Promise<number>((resolve) => partClient.provider.on('connection-close', (event) => resolve((event as { code: number }).code)));
    const secrets = [...ciphertexts(due), ...ciphertexts(part)];
    // The check below must be able to fail: the bytes are in the data dir now.
    const before = await dataDirBytes();
    expect(secrets.every((secret) => before.some((file) => file.includes(secret)))).toBe(true);

    // Five months after closing: nothing is due yet.
    const soon = new Date(Date.now() + 150 * 86_400_000).toISOString();
    const notYet = admin(['retention', 'run', '--now', soon]);
    expect(notYet).toMatchObject({ status: 0 });
    expect(notYet.stdout).toContain('0 casus(sen) verwijderd');

    const later = new Date(Date.now() + 200 * 86_400_000).toISOString();
    const run = admin(['retention', 'run', '--now', later]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Verwijderd\t${due}\tZVH-R-100\tex-partnerstalking: 6 maanden na afsluiten`);
    expect(run.stdout).toContain('1 casus(sen) verwijderd');

    // The live socket is closed (no grant left); the room unloads and its compaction is dropped.
    expect(await liveClosed).toBe(4410);
    expect(await partClosed).toBe(4410);
    live.destroy();
    partClient.destroy();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await rawSocket(t.wsUrl, due, tokens.regie ?? '').closed).code).toBe(4403);
    expect((await rawSocket(t.wsUrl, part, tokens.agent ?? '').closed).code).toBe(4403);
    expect(ciphertexts(due)).toEqual([]);
    expect(ciphertexts(part)).toEqual([]);
    const after = await dataDirBytes();
    for (const secret of secrets) expect(after.some((file) => file.includes(secret))).toBe(false);
    // Not even a 32-byte stretch of any of them.
    for (const secret of secrets) {
      for (let offset = 0; offset + 32 <= secret.length; offset += 32) {
        const piece = secret.subarray(offset, offset + 32);
        expect(after.some((file) => file.includes(piece)), `bytes ${offset}…${offset + 32}`).toBe(false);
      }
    }

    // The others stay: not closed, not yet due under their type's rule, or reopened in the document.
    for (const room of [young, reopenedInDoc, open]) expect(ciphertexts(room).length).toBeGreaterThan(0);

    const listed = admin(['deletions', 'list']);
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split('\n').filter((line) => !line.includes('\tpart:'));
    expect(lines).toHaveLength(1);
    // The part is recorded too (so a late write to it is dropped), named after its case.
    expect(listed.stdout).toContain(`\t${part}\tZVH-R-100\t`);
    expect(listed.stdout).not.toContain('Politie-informatie');
    expect(lines[0]).toMatch(new RegExp(`^${later.replace(/[.]/gu, '\\.')}\\t${due}\\tZVH-R-100\\tex-partnerstalking\\tafgesloten \\d{4}-\\d{2}-\\d{2}T[^\\t]+\\tex-partnerstalking: 6 maanden na afsluiten$`, 'u'));
    expect(listed.stdout).not.toContain('Casus ZVH-R-100 (fictief)');
    // The audit log keeps who opened the case, and records the deletion.
    const events = (await t.admin.auditList({ room: due })).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['room-open', 'case-close', 'case-delete']));
    // A grant to a deleted case opens nothing.
    await t.admin.grant(due, 'agent', 'edit');
    expect((await rawSocket(t.wsUrl, due, tokens.agent ?? '').closed).code).toBe(4403);
    // Running again deletes nothing more.
    expect(admin(['retention', 'run', '--now', later]).stdout).toContain('0 casus(sen) verwijderd');
  });
});

describe('retention scrubs the WAL', () => {
  it('leaves no ciphertext of a deleted room in the WAL that still held it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'themakamer-retention-'));
    const db = openDatabase(dir);
    // No automatic checkpoint: the WAL keeps every frame until the deletion scrubs it.
    db.pragma('wal_autocheckpoint = 0');
    const sql = sqliteSql(db);
    try {
      const store = createRoomStore(sql, createContentCipher(randomBytes(32)));
      const retention = createRetention(sql, store, createAuditLog(sql));
      const room = 'case:walscrubtest0001';
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      doc.transact(() => {
        doc.getMap('meta').set('caseNumber', 'ZVH-W-001');
        doc.getMap('meta').set('type', 'anders');
        doc.getMap('meta').set('status', 'afgesloten');
      });
      // Small enough that each row fits in its page (no overflow chain splitting its bytes).
      for (let i = 0; i < 5; i++) doc.getMap('notes').set(`n${i}`, `Fictieve notitie ${i}: ${'z'.repeat(400)}`);
      await store.append(room, updates);
      // Other rooms' rows after it, so the deleted room's frames sit in the middle of the WAL.
      for (let i = 0; i < 20; i++) await store.append('case:walscrubfiller01', [randomBytes(2000)]);
      await sql.run('INSERT INTO case_closures (room, closed_at, closed_by, reason) VALUES ($1, $2, $3, $4)', [room, '2020-01-01T00:00:00.000Z', 'regie', 'overig']);
      const secrets = (db.prepare('SELECT data FROM updates WHERE room = ?').all(room) as { data: Buffer }[]).map((row) => row.data);
      expect(secrets).toHaveLength(6);
      const files = async (): Promise<Buffer[]> => Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name))));
      // The check below must be able to fail: every one of them is in a file now (the WAL).
      const before = await files();
      expect(secrets.every((secret) => before.some((file) => file.includes(secret)))).toBe(true);

      const made = await retention.run(new Date('2030-01-01T00:00:00Z'), adminActor);
      expect(made.map((record) => [record.room, record.caseNumber, record.rule])).toEqual([[room, 'ZVH-W-001', 'anders: 24 maanden na afsluiten']]);
      const after = await files();
      for (const secret of secrets) {
        for (let offset = 0; offset + 32 <= secret.length; offset += 32) expect(after.some((file) => file.includes(secret.subarray(offset, offset + 32)))).toBe(false);
      }
      // The filler room is untouched.
      expect((db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get('case:walscrubfiller01') as { n: number }).n).toBe(20);
    } finally {
      await sql.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
