/**
 * The CSV import over real HTTP (and its apply once more on a real PostgreSQL): the dry run
 * changes nothing, the import applies exactly the previewed plan, a stale preview is refused,
 * only a beheerder may import, and each change is in the audit chain without any password.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyImport, previewImport, StalePlanError, type ImportPlan } from '../src/access/user-import';
import { createAuditLog } from '../src/storage/audit';
import { openStorage } from '../src/storage/open';
import { createDirectory } from '../src/access/directory';
import { startPostgres, type TestPostgres } from './backends';
import { addTestUser, login, newServer, testPassword, type TestServer } from './helpers';

const csv = [
  'gebruikersnaam;naam;organisatie;rol',
  'olga.officier;Olga Officier (fictief);om;deelnemer',
  'test.pim;Pim Proef (fictief);zvh;secretaris',
  'bert.fout;Bert Fout (fictief);politie;deelnemer',
  'test.bea;;;',
].join('\r\n');

interface ImportAnswer { status: number; body: Record<string, unknown> }

describe('CSV import API', () => {
  let t: TestServer;
  let admin: string;
  const post = async (query: string, token: string, body: string | Uint8Array<ArrayBuffer> = csv, type = 'text/csv; charset=utf-8'): Promise<ImportAnswer> => {
    const response = await fetch(`${t.url}/api/admin/users/import${query}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const users = async () => (await t.admin.listUsers()).map(({ username, name, org, role }) => ({ username, name, org, role }));

  beforeEach(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'test.bea', 'beheerder', 'zvh');
    await addTestUser(t.admin, 'test.pim', 'procesregisseur', 'zvh');
    await t.admin.addOrg('om', 'Openbaar Ministerie Testland (fictief)');
    admin = (await login(t.url, 'test.bea', testPassword)).token;
  });
  afterEach(() => t.close());

  it('previews without changing anything, then applies exactly that plan with one-time passwords that sign in, audited', async () => {
    const before = await users();
    const auditBefore = (await t.admin.auditList()).length;
    const preview = await post('?dryRun=1', admin);
    expect(preview.status).toBe(200);
    const plan = preview.body.plan as ImportPlan;
    expect(plan.lines.map((line) => line.status)).toEqual(['add', 'change', 'error', 'unchanged']);
    expect(plan.lines[2]).toEqual({ line: 4, status: 'error', username: 'bert.fout', message: 'Regel 4: organisatie "politie" bestaat niet; voeg haar eerst toe onder Organisaties.' });
    expect(plan.lines[1]).toMatchObject({ changes: [{ field: 'name', from: 'Test test.pim', to: 'Pim Proef (fictief)' }, { field: 'role', from: 'procesregisseur', to: 'secretaris' }] });
    expect(await users()).toEqual(before);
    expect((await t.admin.auditList()).length).toBe(auditBefore);

    const applied = await post(`?plan=${plan.hash}`, admin);
    expect(applied.status).toBe(200);
    expect(applied.body.counts).toEqual({ add: 1, change: 1, unchanged: 1, error: 1 });
    const created = applied.body.created as { line: number; username: string; name: string; initialPassword: string }[];
    expect(created).toEqual([{ line: 2, username: 'olga.officier', name: 'Olga Officier (fictief)', initialPassword: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/) as string }]);
    expect((await login(t.url, 'olga.officier', created[0]?.initialPassword ?? '')).user).toEqual({ username: 'olga.officier', name: 'Olga Officier (fictief)', org: 'om', role: 'deelnemer' });
    expect((await users()).find((user) => user.username === 'test.pim')).toEqual({ username: 'test.pim', name: 'Pim Proef (fictief)', org: 'zvh', role: 'secretaris' });
    expect((await users()).some((user) => user.username === 'bert.fout')).toBe(false);

    const entries = (await t.admin.auditList({ user: 'test.bea' })).filter((entry) => entry.actor === 'test.bea' && ['user-add', 'user-update', 'user-import'].includes(entry.event));
    const planId = plan.hash.slice(0, 16);
    expect(entries.map((entry) => [entry.event, entry.target, entry.detail])).toEqual([
      ['user-add', 'olga.officier', { org: 'om', role: 'deelnemer', via: 'import', plan: planId }],
      ['user-update', 'test.pim', { fields: 'name,role', role: 'secretaris', org: 'zvh', fromRole: 'procesregisseur', fromOrg: 'zvh', via: 'import', plan: planId }],
      ['user-import', null, { add: 1, change: 1, unchanged: 1, error: 1, plan: planId }],
    ]);
    expect(JSON.stringify(await t.admin.auditList())).not.toContain(created[0]?.initialPassword);
    expect(await t.admin.auditVerify()).toMatchObject({ ok: true });

    // The privacy officer sees the role change among the rights changes, with before and after.
    await addTestUser(t.admin, 'test.fg', 'privacyfunctionaris', 'zvh');
    const fg = (await login(t.url, 'test.fg', testPassword)).token;
    const log = (await (await fetch(`${t.url}/api/access-log?category=rights`, { headers: { Authorization: `Bearer ${fg}` } })).json()) as { entries: { event: string; target: { username: string } | null; detail: Record<string, unknown> }[] };
    expect(log.entries.filter((entry) => entry.event === 'user-update').map((entry) => [entry.target?.username, entry.detail.fromRole, entry.detail.role])).toEqual([['test.pim', 'procesregisseur', 'secretaris']]);

    // The same file again is now another plan: the old preview no longer applies.
    expect(await post(`?plan=${plan.hash}`, admin)).toEqual({ status: 409, body: { error: 'plan_changed' } });
  });

  it('refuses a preview made stale by a change in between, and a different file under the same hash', async () => {
    const plan = (await post('?dryRun=1', admin)).body.plan as ImportPlan;
    await t.admin.updateUser('test.pim', { role: 'secretaris' });
    const auditBefore = (await t.admin.auditList()).length;
    expect(await post(`?plan=${plan.hash}`, admin)).toEqual({ status: 409, body: { error: 'plan_changed' } });
    expect((await users()).some((user) => user.username === 'olga.officier')).toBe(false);
    expect((await t.admin.auditList()).length).toBe(auditBefore);
    const fresh = (await post('?dryRun=1', admin)).body.plan as ImportPlan;
    expect(await post(`?plan=${fresh.hash}`, admin, csv.replace('deelnemer', 'waarnemer'))).toEqual({ status: 409, body: { error: 'plan_changed' } });
  });

  it('refuses anyone but a beheerder, a missing plan, a wrong type, too large a body and a file that is not UTF-8', async () => {
    const pim = (await login(t.url, 'test.pim', testPassword)).token;
    expect((await post('?dryRun=1', pim)).status).toBe(403);
    expect((await post(`?plan=${'0'.repeat(64)}`, pim)).status).toBe(403);
    expect((await fetch(`${t.url}/api/admin/users/import?dryRun=1`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv })).status).toBe(401);
    expect(await post('', admin)).toEqual({ status: 400, body: { error: 'invalid_request' } });
    expect((await post('?dryRun=1', admin, JSON.stringify({ csv }), 'application/json')).status).toBe(415);
    expect((await post('?dryRun=1', admin, `gebruikersnaam\n${'x'.repeat(200 * 1024)}`)).status).toBe(413);
    expect(await post('?dryRun=1', admin, new Uint8Array([...new TextEncoder().encode('gebruikersnaam;naam\nzoe;Zo'), 0xeb])))
      .toEqual({ status: 400, body: { error: 'import_file', message: 'Het bestand is geen UTF-8. Sla het in Excel op als "CSV UTF-8 (door komma\'s gescheiden)".' } });
    expect(await post('?dryRun=1', admin, 'naam;rol\nX;deelnemer')).toMatchObject({ status: 400, body: { error: 'import_file' } });
  });
});

describe('CSV import on PostgreSQL', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(() => pg.stop());

  it('applies a previewed plan in one transaction and refuses a stale one', async () => {
    const { sql } = await openStorage({ dataDir: '', databaseUrl: await pg.database() });
    try {
      const audit = createAuditLog(sql);
      const directory = createDirectory(sql, audit);
      await directory.addOrg('zvh', 'ZVH Testland (fictief)', '@admin');
      await directory.addOrg('om', 'OM Testland (fictief)', '@admin');
      await directory.addUser({ username: 'test.pim', name: 'Test test.pim', org: 'zvh', role: 'procesregisseur', password: testPassword }, '@admin');
      const plan = await previewImport(sql, csv, 'test.bea');
      await directory.updateUser('test.pim', { org: 'om' }, '@admin');
      await expect(applyImport(sql, audit, csv, plan.hash, 'test.bea')).rejects.toBeInstanceOf(StalePlanError);
      expect((await directory.listUsers()).map((user) => user.username)).toEqual(['test.pim']);
      const fresh = await previewImport(sql, csv, 'test.bea');
      const result = await applyImport(sql, audit, csv, fresh.hash, 'test.bea');
      expect(result.created.map((user) => user.username)).toEqual(['olga.officier']);
      expect(await directory.getUser('test.pim')).toMatchObject({ name: 'Pim Proef (fictief)', org: 'zvh', role: 'secretaris' });
      expect((await audit.list({ user: 'test.bea' })).map((entry) => entry.event)).toEqual(['user-add', 'user-update', 'user-import']);
      expect(await audit.verify()).toMatchObject({ ok: true });
    } finally {
      await sql.close();
    }
  }, 60_000);
});
