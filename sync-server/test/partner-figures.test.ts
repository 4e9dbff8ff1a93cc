/**
 * Figures from partners (issue 16) over HTTP on SQLite and PostgreSQL: a partner's own users
 * enter their figures per quarter or import them from a CSV (with a dry run), the monitor shows
 * them with their source summed over the period, another organisation cannot enter them, bad
 * lines get Dutch messages, and every change is audited.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdmin, type Admin } from '../src/cli/admin';
import { startServer, type RunningServer } from '../src/server';
import { silentLogger } from '../src/log';
import { addTestUser, login, testPassword } from './helpers';
import { startPostgres, type TestPostgres } from './backends';

interface Figure { id: string; group: string; value: number | null | '< 5'; source?: string }
interface Setup { server: RunningServer; admin: Admin; tokens: Record<string, string>; close(): Promise<void> }

const users = [['test.regie', 'procesregisseur', undefined], ['test.om', 'deelnemer', 'om'], ['test.om-kijker', 'waarnemer', 'om'],
  ['test.vt', 'secretaris', 'vt'], ['test.politie', 'deelnemer', 'politie'], ['test.gemeente', 'management', 'gemeente']] as const;

async function setUp(databaseUrl: string | null): Promise<Setup> {
  const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-partner-'));
  const server = await startServer({
    dataDir, port: 0, logger: silentLogger, requireMfa: false,
    ...(databaseUrl ? { databaseUrl, dataKey: randomBytes(32).toString('base64') } : {}),
  });
  const admin = await openAdmin(databaseUrl ? { dataDir, databaseUrl } : { dataDir });
  const tokens: Record<string, string> = {};
  for (const [user, role, org] of users) {
    await addTestUser(admin, user, role, org);
    tokens[user] = (await login(server.url, user, testPassword)).token;
  }
  return {
    server, admin, tokens,
    async close() {
      await server.close();
      await admin.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const call = async (s: Setup, user: string, method: string, path: string, body?: unknown, type = 'application/json'): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${s.server.url}${path}`, {
    method, headers: { Authorization: `Bearer ${s.tokens[user]}`, ...(body === undefined ? {} : { 'Content-Type': type }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const monitor = async (s: Setup, user: string, query: string): Promise<Map<string, Figure>> =>
  new Map(((await call(s, user, 'GET', `/api/monitor?${query}`)).body.figures as Figure[]).filter((f) => f.group === 'partners').map((f) => [f.id, f]));

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

describe.each(['sqlite', 'postgres'] as const)('figures from partners on %s', (backend) => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(backend === 'postgres' ? await postgres.database() : null);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('are entered by the partner per quarter and shown in the monitor, summed over the period, with their source', async () => {
    expect((await monitor(s, 'test.regie', 'from=2025-01-01&to=2025-12-31')).get('partner.om.stalkingzaken')).toMatchObject({ value: null, source: '' });
    expect((await call(s, 'test.om', 'PUT', '/api/monitor/partner-figures', { period: '2025-K1', figures: { 'om.stalkingzaken': 12 } })).status).toBe(200);
    expect((await call(s, 'test.om', 'PUT', '/api/monitor/partner-figures', { period: '2025-K2', figures: { 'om.stalkingzaken': 7 } })).status).toBe(200);
    // Entered again: the value is replaced, not added.
    expect((await call(s, 'test.om', 'PUT', '/api/monitor/partner-figures', { period: '2025-K2', figures: { 'om.stalkingzaken': 8 } })).status).toBe(200);
    expect((await call(s, 'test.politie', 'PUT', '/api/monitor/partner-figures', { period: '2025-K1', figures: { 'huisverboden.opgelegd': 3 } })).status).toBe(200);
    const year = await monitor(s, 'test.regie', 'from=2025-01-01&to=2025-12-31');
    expect(year.get('partner.om.stalkingzaken')).toMatchObject({ value: 20, source: 'Test OM' });
    expect(year.get('partner.huisverboden.opgelegd')).toMatchObject({ value: 3, source: 'Test POLITIE' });
    expect(year.get('partner.vt.meldingen')).toMatchObject({ value: null });
    // Only quarters wholly inside the period count; a period with none entered is null.
    expect((await monitor(s, 'test.regie', 'from=2025-04-01&to=2025-06-30')).get('partner.om.stalkingzaken')?.value).toBe(8);
    expect((await monitor(s, 'test.regie', 'from=2025-01-01&to=2025-05-31')).get('partner.om.stalkingzaken')?.value).toBe(12);
    expect((await monitor(s, 'test.regie', 'from=2024-01-01&to=2024-12-31')).get('partner.om.stalkingzaken')?.value).toBeNull();
    // The "< 5" rule: in an export and outside the ZVH.
    expect((await monitor(s, 'test.regie', 'from=2025-01-01&to=2025-12-31&export=1')).get('partner.huisverboden.opgelegd')?.value).toBe('< 5');
    expect((await monitor(s, 'test.gemeente', 'from=2025-01-01&to=2025-12-31')).get('partner.huisverboden.opgelegd')?.value).toBe('< 5');
    expect((await monitor(s, 'test.gemeente', 'from=2025-01-01&to=2025-12-31')).get('partner.om.stalkingzaken')?.value).toBe(20);
    // The partner reads back its own values; the monitor roles read all.
    const own = await call(s, 'test.om', 'GET', '/api/monitor/partner-figures');
    expect(own.body.mine).toEqual(['om.stalkingzaken']);
    expect((own.body.values as { org: string }[]).map((v) => v.org)).toEqual(['om', 'om']);
    expect((await call(s, 'test.regie', 'GET', '/api/monitor/partner-figures')).body.values).toHaveLength(3);
  });

  it('cannot be entered by another organisation, a role without cases, or with bad values', async () => {
    expect(await call(s, 'test.vt', 'PUT', '/api/monitor/partner-figures', { period: '2025-K1', figures: { 'om.stalkingzaken': 99 } })).toEqual({ status: 403, body: { error: 'figure_not_allowed', field: 'om.stalkingzaken' } });
    expect((await call(s, 'test.om-kijker', 'PUT', '/api/monitor/partner-figures', { period: '2025-K1', figures: { 'om.stalkingzaken': 99 } })).status).toBe(403);
    expect((await call(s, 'test.regie', 'PUT', '/api/monitor/partner-figures', { period: '2025-K1', figures: { 'om.stalkingzaken': 99 } })).status).toBe(403);
    expect((await call(s, 'test.om', 'PUT', '/api/monitor/partner-figures', { period: '2025-K5', figures: { 'om.stalkingzaken': 1 } })).body).toEqual({ error: 'invalid_field', field: 'period' });
    expect((await call(s, 'test.om', 'PUT', '/api/monitor/partner-figures', { period: '2025-K3', figures: { 'om.stalkingzaken': -1 } })).body).toEqual({ error: 'invalid_field', field: 'om.stalkingzaken' });
    expect((await call(s, 'test.om', 'PUT', '/api/monitor/partner-figures', { period: '2025-K3', figures: { 'om.stalkingzaken': 1.5 } })).status).toBe(400);
    expect((await call(s, 'test.om-kijker', 'GET', '/api/monitor/partner-figures')).status).toBe(403);
    expect((await monitor(s, 'test.regie', 'from=2025-01-01&to=2025-12-31')).get('partner.om.stalkingzaken')?.value).toBe(20);
  });

  it('imports a CSV: the dry run changes nothing, bad lines get Dutch messages and block the file, a good file is applied', async () => {
    const good = 'periode;figuur;waarde\n2025-K3;vt.meldingen;140\n2025-K3;vt.adviezen;61\n2025-K4;vt.meldingen;150\n';
    const dry = await call(s, 'test.vt', 'POST', '/api/monitor/partner-figures/import?dryRun=1', good, 'text/csv');
    expect(dry.body).toMatchObject({ dryRun: true, applied: 0, errors: 0 });
    expect((dry.body.lines as unknown[])).toHaveLength(3);
    expect((await monitor(s, 'test.regie', 'from=2025-01-01&to=2025-12-31')).get('partner.vt.meldingen')?.value).toBeNull();

    const bad = '2025-K3;vt.meldingen;140\n2025-13;vt.adviezen;1\n2025-K3;om.stalkingzaken;4\n2025-K3;vt.interventies;veel\n2025-K3;onzin;1\n2025-K3;vt.meldingen\n2025-K3;vt.meldingen;141\n';
    const checked = await call(s, 'test.vt', 'POST', '/api/monitor/partner-figures/import', bad, 'text/csv');
    expect(checked.body).toMatchObject({ dryRun: false, applied: 0, errors: 6 });
    expect((checked.body.lines as { line: number; ok: boolean; message: string }[]).map((l) => [l.line, l.ok, l.message])).toEqual([
      [1, true, 'In orde.'],
      [2, false, 'Onbekende periode "2025-13": gebruik jaar en kwartaal, bijvoorbeeld 2025-K1.'],
      [3, false, 'Uw organisatie mag het figuur om.stalkingzaken niet opgeven.'],
      [4, false, 'Waarde "veel" is geen geheel getal van 0 of meer.'],
      [5, false, 'Onbekend figuur "onzin".'],
      [6, false, 'Verwacht drie velden: periode;figuur;waarde.'],
      [7, false, 'Dit figuur staat voor 2025-K3 al op een eerdere regel.'],
    ]);
    expect((await monitor(s, 'test.regie', 'from=2025-01-01&to=2025-12-31')).get('partner.vt.meldingen')?.value).toBeNull();

    const applied = await call(s, 'test.vt', 'POST', '/api/monitor/partner-figures/import', good, 'text/csv');
    expect(applied.body).toMatchObject({ dryRun: false, applied: 3, errors: 0 });
    const year = await monitor(s, 'test.regie', 'from=2025-01-01&to=2025-12-31');
    expect(year.get('partner.vt.meldingen')).toMatchObject({ value: 290, source: 'Test VT' });
    expect(year.get('partner.vt.adviezen')?.value).toBe(61);
    expect((await call(s, 'test.om', 'POST', '/api/monitor/partner-figures/import', good, 'text/csv')).body).toMatchObject({ applied: 0, errors: 3 });
  });

  it('audits every change with the organisation and period, no values', async () => {
    const entries = (await s.admin.auditList({ user: 'test.om' })).filter((e) => e.event === 'partner-figures-set');
    expect(entries).toHaveLength(3);
    expect(entries[0]?.detail).toEqual({ org: 'om', period: '2025-K1', figures: 'om.stalkingzaken', import: false });
    const imports = (await s.admin.auditList({ user: 'test.vt' })).filter((e) => e.event === 'partner-figures-set');
    // The dry run and the refused file left no entry; the applied import one.
    expect(imports.map((e) => e.detail)).toEqual([{ org: 'vt', lines: 3, import: true }]);
  });
});
