/**
 * The server deletes closed cases past their period by itself (no cron job): on SQLite a
 * running server with a short interval and a clock set 25 months ahead deletes a case closed
 * over the API; on PostgreSQL two instances on one database run each interval once between
 * them (the claim on the meta row), so one deletion record is written, not two.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openAdmin, type Admin } from '../src/cli/admin';
import { memoryLogger } from '../src/log';
import { addMonths } from '../src/privacy/retention';
import { claimRetentionRun, retentionRunKey } from '../src/privacy/retention-timer';
import { startServer, type RunningServer } from '../src/server';
import { startPostgres, type TestPostgres } from './backends';
import { addTestUser, login, newClient, newServer, testPassword, waitFor, type TestServer } from './helpers';

/** A case with a number and type in `room`, written over a socket as `token`'s user. */
async function writeCase(wsUrl: string, room: string, token: string, caseNumber: string): Promise<void> {
  const client = newClient(wsUrl, room, token);
  await client.synced;
  client.doc.transact(() => {
    const meta = client.doc.getMap('meta');
    meta.set('label', `Casus ${caseNumber} (fictief)`);
    meta.set('caseNumber', caseNumber);
    meta.set('type', 'ex-partnerstalking');
    meta.set('status', 'in-behandeling');
  });
  const check = newClient(wsUrl, room, token);
  await check.synced;
  await waitFor(() => check.doc.getMap('meta').get('caseNumber') === caseNumber, 5000, 'case stored');
  check.destroy();
  client.destroy();
}

const api = async (url: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${url}${path}`, {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
};

const runLines = (lines: string[]): string[] => lines.filter((line) => line.includes('"retention-run'));

describe('the retention timer on SQLite', () => {
  let t: TestServer;
  afterEach(() => t.close());

  it('deletes a closed case once its period has passed on the server’s clock, and not before', async () => {
    const logger = memoryLogger();
    let clock = new Date();
    t = await newServer({ retentionIntervalMs: 100, retentionNow: () => clock, logger });
    await addTestUser(t.admin, 'regie', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'pieter', 'privacyfunctionaris', 'zvh');
    const room = 'case:retentietimer001';
    await t.admin.grant(room, 'regie', 'edit');
    const regie = (await login(t.url, 'regie', testPassword)).token;
    const pieter = (await login(t.url, 'pieter', testPassword)).token;
    await writeCase(t.wsUrl, room, regie, 'ZVH-T-001');
    const closed = await api(t.url, regie, 'POST', `/api/rooms/${encodeURIComponent(room)}/close`, { reason: 'doel-bereikt' });
    expect(closed.status).toBe(200);
    const closedAt = (closed.body as { closedAt: string }).closedAt;

    // 23 months on: kept, however often the timer looks.
    clock = addMonths(closedAt, 23);
    await waitFor(() => runLines(logger.lines).length >= 2, 5000, 'a run at 23 months');
    expect((await api(t.url, pieter, 'GET', '/api/access-log/deletions')).body).toEqual({ deletions: [] });

    // 25 months on: deleted by the timer, once.
    clock = addMonths(closedAt, 25);
    await waitFor(() => logger.lines.some((line) => line.includes('"deleted":1')), 5000, 'the deletion');
    const deletions = ((await api(t.url, pieter, 'GET', '/api/access-log/deletions')).body as { deletions: unknown[] }).deletions;
    expect(deletions).toMatchObject([{ room, caseNumber: 'ZVH-T-001', caseType: 'ex-partnerstalking', closedAt, deletedAt: clock.toISOString() }]);
    expect((await t.admin.auditList({ room })).filter((entry) => entry.event === 'case-delete')).toMatchObject([{ actor: '@retentie' }]);
    expect(logger.lines.filter((line) => line.includes('retention-run-failed'))).toEqual([]);
    // The access log still names the deleted case by its number (from its deletion record), and finds it by that number.
    const log = (await api(t.url, pieter, 'GET', '/api/access-log?caseNumber=zvh-t-001')).body as { entries: { event: string; caseNumber: string | null; room: string | null }[] };
    expect(log.entries.map((entry) => entry.event)).toEqual(expect.arrayContaining(['case-delete', 'case-close', 'room-open']));
    expect(log.entries.every((entry) => entry.room === room && entry.caseNumber === 'ZVH-T-001')).toBe(true);
    // The case number is not in the log.
    expect(logger.lines.join('\n')).not.toContain('ZVH-T-001');
  });

  it('is off with an interval of 0', async () => {
    const logger = memoryLogger();
    t = await newServer({ retentionIntervalMs: 0, logger });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runLines(logger.lines)).toEqual([]);
  });
});

describe('the retention timer on PostgreSQL with two instances', () => {
  let postgres: TestPostgres | null = null;
  const open: { close(): Promise<void> }[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const item of open.reverse()) await item.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    await postgres?.stop();
  });

  it('runs each interval on one instance only: one deletion record, not two', async () => {
    postgres = await startPostgres();
    const databaseUrl = await postgres.database();
    const dataKey = randomBytes(32).toString('base64');
    const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-retention-pg-'));
    dirs.push(dataDir);
    // One clock for both: fixed, so each instance sees the other's claim as current.
    let clock = new Date();
    const loggers = [memoryLogger(), memoryLogger()];
    const servers: RunningServer[] = [];
    for (const logger of loggers) {
      const server = await startServer({
        dataDir, databaseUrl, dataKey, port: 0, logger, accessPollMs: 50, requireMfa: false,
        retentionIntervalMs: 80, retentionNow: () => clock,
      });
      open.push(server);
      servers.push(server);
    }
    const admin: Admin = await openAdmin({ dataDir, databaseUrl });
    open.push(admin);
    await addTestUser(admin, 'regie', 'procesregisseur', 'zvh');
    await addTestUser(admin, 'pieter', 'privacyfunctionaris', 'zvh');
    const room = 'case:retentietimerpg01';
    await admin.grant(room, 'regie', 'edit');
    const [first, second] = servers as [RunningServer, RunningServer];
    const regie = (await login(first.url, 'regie', testPassword)).token;
    await writeCase(first.wsUrl, room, regie, 'ZVH-T-002');
    const closed = await api(second.url, regie, 'POST', `/api/rooms/${encodeURIComponent(room)}/close`, { reason: 'overgedragen' });
    expect(closed.status).toBe(200);
    const allLines = (): string[] => loggers.flatMap((logger) => logger.lines);
    await waitFor(() => runLines(allLines()).length >= 1, 5000, 'the first run');

    clock = addMonths((closed.body as { closedAt: string }).closedAt, 25);
    await waitFor(() => allLines().some((line) => line.includes('"deleted":1')), 5000, 'the deletion');
    // Many more ticks on both instances at the same clock: nothing more runs.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(runLines(allLines())).toHaveLength(2);
    expect(allLines().filter((line) => line.includes('retention-run-failed'))).toEqual([]);
    const pieter = (await login(second.url, 'pieter', testPassword)).token;
    expect(((await api(second.url, pieter, 'GET', '/api/access-log/deletions')).body as { deletions: unknown[] }).deletions).toMatchObject([{ room, caseNumber: 'ZVH-T-002' }]);
    expect((await admin.auditList({ room })).filter((entry) => entry.event === 'case-delete')).toHaveLength(1);
  }, 60_000);
});

describe('claimRetentionRun', () => {
  it('claims once per interval, whoever asks, and again after a clock set back', async () => {
    const t = await newServer({ retentionIntervalMs: 0 });
    try {
      const { openStorage } = await import('../src/storage/open');
      const { sql } = await openStorage({ dataDir: t.dataDir });
      try {
        const hour = 60 * 60_000;
        const at = new Date('2030-01-01T00:00:00Z');
        expect(await claimRetentionRun(sql, at, hour)).toBe(true);
        expect(await claimRetentionRun(sql, at, hour)).toBe(false);
        expect(await claimRetentionRun(sql, new Date(at.getTime() + 30 * 60_000), hour)).toBe(false);
        expect(await claimRetentionRun(sql, new Date(at.getTime() + hour), hour)).toBe(true);
        expect(await claimRetentionRun(sql, new Date('2029-01-01T00:00:00Z'), hour)).toBe(true);
        expect(await sql.get('SELECT value FROM meta WHERE key = $1', [retentionRunKey])).toEqual({ value: '2029-01-01T00:00:00.000Z' });
      } finally {
        await sql.close();
      }
    } finally {
      await t.close();
    }
  });
});
