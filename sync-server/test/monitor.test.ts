/**
 * The monitor (issue 16) against a generated region whose true facts are known: cases and
 * meetings written through a real server over real sockets, on SQLite and on PostgreSQL, then
 * every figure of GET /api/monitor compared with counts computed here from the generated
 * records. Also: "< 5" suppression, access by role, the audit entry, and no name, label or case
 * number in the answer.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { generateRegion, writeRegionCase, writeRegionMeeting, type Region, type RegionCase } from '../../scripts/monitor/region';
import { openAdmin, type Admin } from '../src/cli/admin';
import { startServer, type RunningServer } from '../src/server';
import { silentLogger } from '../src/log';
import { addTestUser, login, newClient, testPassword } from './helpers';
import { startPostgres, type TestPostgres } from './backends';

interface Figure { id: string; value: number | null | '< 5'; basis?: number; label: string; definition: string }
interface Answer { figures: Figure[]; suppressed: boolean }

const region: Region = generateRegion(60, 2024, 2025);
const today = new Date().toISOString().slice(0, 10);

/** The expected figures, computed from the generated records (not from the index). */
function expected(from: string, to: string, at: string, municipality: string | null): Map<string, number | null> {
  const inP = (d: string | null): boolean => d !== null && d >= from && d <= to;
  const cases = new Map(region.cases.filter((c) => municipality === null || c.municipality === municipality).map((c) => [c.room, c]));
  const out = new Map<string, number | null>();
  const held = region.meetings.filter((m) => inP(m.start.slice(0, 10)));
  const discussed = new Set(held.flatMap((m) => m.cases.filter((room) => cases.has(room))));
  const persons = (f: (c: RegionCase) => boolean): number =>
    new Set([...discussed].flatMap((room) => { const c = cases.get(room)!; return f(c) ? c.persons.map((p) => `${p.name.toLowerCase()}|${p.birthYear}`) : []; })).size;
  out.set('personen.uniek', persons(() => true));
  out.set('personen.uniek-hg', persons((c) => c.type === 'huiselijk-geweld' || c.type === 'ex-partnerstalking'));
  const all = [...cases.values()];
  out.set('casussen.nieuw', all.filter((c) => inP(c.createdAt)).length);
  for (const type of ['ex-partnerstalking', 'huiselijk-geweld', 'kindermishandeling', 'anders']) out.set(`casussen.nieuw.${type}`, all.filter((c) => c.type === type && inP(c.createdAt)).length);
  for (const status of ['aangemeld', 'in-behandeling', 'monitoring', 'afgesloten']) out.set(`casussen.status.${status}`, all.filter((c) => c.status === status && c.createdAt <= at).length);
  out.set('casussen.lopend', all.filter((c) => c.createdAt <= at).length);
  for (const kind of ['sash', 'vt', 'chair']) for (const level of ['laag', 'gemiddeld', 'hoog']) {
    out.set(`screening.${kind}.${level}`, all.flatMap((c) => c.risk).filter((r) => r.kind === kind && r.level === level && inP(r.date)).length);
  }
  for (const kind of ['contactverbod', 'locatieverbod', 'gedragsaanwijzing', 'beschermingsbevel', 'huisverbod', 'enkelband', 'aware', 'camera', 'stalking-app', 'anders']) {
    const ofKind = all.flatMap((c) => c.measures).filter((m) => m.kind === kind);
    out.set(`maatregelen.lopend.${kind}`, ofKind.filter((m) => m.start <= at && (m.end === null || m.end >= at)).length);
    out.set(`maatregelen.gestart.${kind}`, ofKind.filter((m) => inP(m.start)).length);
  }
  for (const type of ['themakamer', 'casusoverleg', 'mdo']) {
    const ofType = held.filter((m) => m.type === type).map((m) => m.cases.filter((room) => cases.has(room))).filter((list) => municipality === null || list.length > 0);
    out.set(`overleggen.${type}`, ofType.length);
    out.set(`besproken.${type}`, ofType.reduce((sum, list) => sum + list.length, 0));
  }
  const actions = all.flatMap((c) => c.actions);
  for (const org of [...new Set(actions.map((a) => a.ownerOrg))]) {
    const own = actions.filter((a) => a.ownerOrg === org);
    out.set(`acties.geopend.${org}`, own.filter((a) => inP(a.createdAt.slice(0, 10))).length);
    // The server dates "done" when it first sees it: today, for a freshly written region.
    out.set(`acties.gedaan.${org}`, inP(today) ? own.filter((a) => a.status === 'gedaan').length : 0);
    const open = own.filter((a) => (a.status === 'open' || a.status === 'bezig') && a.createdAt.slice(0, 10) <= at);
    out.set(`acties.open.${org}`, open.length);
    out.set(`acties.verlopen.${org}`, open.filter((a) => a.due < at).length);
  }
  const waits: number[] = [];
  for (const c of all) {
    const high = c.risk.filter((r) => r.level === 'hoog' && inP(r.date)).map((r) => r.date).sort()[0];
    if (!high) continue;
    const first = region.meetings.filter((m) => m.cases.includes(c.room) && m.start.slice(0, 10) >= high).map((m) => m.start.slice(0, 10)).sort()[0];
    if (first) waits.push((Date.parse(first) - Date.parse(high)) / 86_400_000);
  }
  waits.sort((a, b) => a - b);
  const mid = Math.floor(waits.length / 2);
  out.set('doorlooptijd.hoog-tot-bespreking', waits.length === 0 ? null : waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2);
  for (const level of ['operationeel', 'tactisch', 'bestuurlijk']) out.set(`escalaties.${level}`, all.flatMap((c) => c.escalations).filter((e) => e.level === level && inP(e.date)).length);
  return out;
}

interface Setup { server: RunningServer; admin: Admin; tokens: Record<string, string>; close(): Promise<void> }

async function setUp(databaseUrl: string | null): Promise<Setup> {
  const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-monitor-'));
  const server = await startServer({
    dataDir, port: 0, logger: silentLogger, requireMfa: false,
    ...(databaseUrl ? { databaseUrl, dataKey: randomBytes(32).toString('base64') } : {}),
  });
  const admin = await openAdmin(databaseUrl ? { dataDir, databaseUrl } : { dataDir });
  await addTestUser(admin, 'test.regie', 'procesregisseur');
  await addTestUser(admin, 'test.manager', 'management');
  await addTestUser(admin, 'test.privacy', 'privacyfunctionaris');
  await addTestUser(admin, 'test.gemeente', 'management', 'gemeente');
  await addTestUser(admin, 'test.deelnemer', 'deelnemer');
  await addTestUser(admin, 'test.beheer', 'beheerder');
  const tokens: Record<string, string> = {};
  for (const user of ['test.regie', 'test.manager', 'test.privacy', 'test.gemeente', 'test.deelnemer', 'test.beheer']) tokens[user] = (await login(server.url, user, testPassword)).token;
  // Every case and meeting through the server, as the app writes them.
  const rooms = [...region.cases.map((c, n) => ({ room: c.room, write: (doc: Y.Doc) => writeRegionCase(doc, c, n) })),
    ...region.meetings.map((m) => ({ room: m.room, write: (doc: Y.Doc) => writeRegionMeeting(doc, m) }))];
  const clients: { destroy(): void }[] = [];
  for (let i = 0; i < rooms.length; i += 10) {
    await Promise.all(rooms.slice(i, i + 10).map(async ({ room, write }) => {
      await admin.grant(room, 'test.regie', 'edit');
      const client = newClient(server.wsUrl, room, tokens['test.regie']!);
      clients.push(client);
      await client.synced;
      write(client.doc);
    }));
  }
  // Stored before the sockets close: wait until the index sees every case and meeting.
  const seen = async (): Promise<boolean> => {
    const response = await fetch(`${server.url}/api/monitor?from=2000-01-01&to=2099-12-31`, { headers: { Authorization: `Bearer ${tokens['test.regie']}` } });
    const figures = new Map(((await response.json()) as Answer).figures.map((f) => [f.id, f.value]));
    return figures.get('casussen.nieuw') === region.cases.length
      && ['themakamer', 'casusoverleg', 'mdo'].reduce((sum, type) => sum + Number(figures.get(`overleggen.${type}`)), 0) === region.meetings.length;
  };
  for (let tries = 0; !(await seen()); tries++) {
    if (tries > 100) throw new Error('the region was not stored');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const client of clients) client.destroy();
  return {
    server, admin, tokens,
    async close() {
      await server.close();
      await admin.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const ask = async (s: Setup, user: string, query: string): Promise<{ status: number; body: Answer & { error?: string; field?: string }; text: string }> => {
  const response = await fetch(`${s.server.url}/api/monitor?${query}`, { headers: { Authorization: `Bearer ${s.tokens[user]}` } });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Answer & { error?: string }, text };
};

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

describe.each(['sqlite', 'postgres'] as const)('the monitor on %s', (backend) => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(backend === 'postgres' ? await postgres.database() : null);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('computes every figure as counted from the generated region, per period and area', async () => {
    const periods = [['2024-01-01', '2024-12-31', null], ['2025-04-01', '2025-06-30', '2025-05-15'], [`${today.slice(0, 4)}-01-01`, `${today.slice(0, 4)}-12-31`, null]] as const;
    for (const [from, to, at] of periods) {
      for (const municipality of [null, 'rotterdam']) {
        const query = `from=${from}&to=${to}${at ? `&at=${at}` : ''}${municipality ? `&municipality=${municipality}` : ''}`;
        const { status, body } = await ask(s, 'test.regie', query);
        expect(status).toBe(200);
        expect(body.suppressed).toBe(false);
        const want = expected(from, to, at ?? to, municipality);
        const got = new Map(body.figures.map((f) => [f.id, f.value]));
        for (const [id, value] of want) expect(got.get(id), `${id} for ${query}`).toEqual(value);
        for (const f of body.figures) expect(f.definition.length, f.id).toBeGreaterThan(10);
      }
    }
    // The generated data is not trivial: many figures are above zero.
    const year = new Map((await ask(s, 'test.regie', 'from=2024-01-01&to=2025-12-31')).body.figures.map((f) => [f.id, f.value]));
    expect(year.get('personen.uniek')).toBeGreaterThan(20);
    expect(year.get('casussen.nieuw')).toBe(60);
  });

  it('suppresses counts of 1 to 4 outside the ZVH and for exports, and names nothing', async () => {
    const query = 'from=2025-01-01&to=2025-12-31';
    const exact = new Map((await ask(s, 'test.manager', query)).body.figures.map((f) => [f.id, f.value]));
    const small = [...exact].filter(([, v]) => typeof v === 'number' && v >= 1 && v <= 4);
    expect(small.length).toBeGreaterThan(0);
    for (const [user, extra] of [['test.gemeente', ''], ['test.privacy', ''], ['test.regie', '&export=1']] as const) {
      const { body, text } = await ask(s, user, query + extra);
      expect(body.suppressed).toBe(true);
      const shown = new Map(body.figures.map((f) => [f.id, f.value]));
      for (const [id, value] of exact) {
        if (typeof value === 'number' && value >= 1 && value <= 4) expect(shown.get(id), id).toBe('< 5');
        else if (id !== 'doorlooptijd.hoog-tot-bespreking') expect(shown.get(id), id).toBe(value);
      }
      expect(text).not.toMatch(/Persoon|Generiek|GEN-\d|case:|meeting:/);
    }
  });

  it('is for process directors, management and the privacy officer only, checks its input, and is audited', async () => {
    for (const user of ['test.deelnemer', 'test.beheer']) expect((await ask(s, user, 'from=2025-01-01&to=2025-12-31')).status).toBe(403);
    expect((await fetch(`${s.server.url}/api/monitor?from=2025-01-01&to=2025-12-31`)).status).toBe(401);
    expect((await ask(s, 'test.regie', 'from=2025-13-01&to=2025-12-31')).body).toEqual({ error: 'invalid_field', field: 'from' });
    expect((await ask(s, 'test.regie', 'from=2025-02-01&to=2025-01-31')).body).toEqual({ error: 'invalid_field', field: 'to' });
    expect((await ask(s, 'test.regie', 'from=2025-01-01&to=2025-01-31&municipality=atlantis')).body).toEqual({ error: 'invalid_field', field: 'municipality' });
    await ask(s, 'test.privacy', 'from=2025-01-01&to=2025-03-31&municipality=schiedam');
    const entries = (await s.admin.auditList({ user: 'test.privacy' })).filter((e) => e.event === 'monitor-view');
    expect(entries.at(-1)?.detail).toMatchObject({ from: '2025-01-01', to: '2025-03-31', at: '2025-03-31', municipality: 'schiedam', suppressed: true });
    expect(entries.at(-1)?.room).toBeNull();
  });
});
