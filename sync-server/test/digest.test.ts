/**
 * E-mail digests: off by default, sent through the organisation's own SMTP server only over
 * TLS, and the delivered message holds counts and a link, never case content. A real SMTP
 * server (smtp-server) with a certificate made here receives the mail.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction } from '../../renderer/src/collab/actions';
import { initCaseDoc } from '../../renderer/src/collab/caseHeader';
import { addMeasure } from '../../renderer/src/collab/measures';
import { initMeetingDoc } from '../../renderer/src/collab/meetingHeader';
import { invite } from '../../renderer/src/collab/participants';
import { addPerson } from '../../renderer/src/collab/persons';
import { addDays, toIsoDate } from '../../renderer/src/domain/dates';
import { openAdmin } from '../src/cli/admin';
import { isDigestDue, sendDueDigests } from '../src/digest/digest-run';
import { createMailSettings } from '../src/digest/mail-settings';
import { createContentCipher } from '../src/storage/content-cipher';
import { openDatabase } from '../src/storage/database';
import { verifyDataKey } from '../src/storage/keyed-data-dir';
import { createRoomStore } from '../src/storage/room-store';
import { sqliteSql, type Sql } from '../src/storage/sql';
import { decoded, smtpPassword, startSmtp, testCertificate } from './smtp-helpers';

const caseRoom = 'case:digesttest000001';
const otherCase = 'case:digesttest000002';
const meetingRoom = 'meeting:digesttest00001';
const now = new Date();
const today = toIsoDate(now);
// Everything a digest must never say (all fictional).
const secrets = ['Casus Zwaluw (fictief)', 'ZVH-DIGEST-4711', 'Huisbezoek bij de Lindelaan (fictief)', 'Roos Geheim (fictief)', 'Casus Kraai (fictief)', 'Dirk Deelnemer (fictief)', 'dirk.deelnemer'];
const key = Buffer.alloc(32, 7).toString('base64');

describe('e-mail digest', () => {
  let dir: string;
  let sql: Sql;
  let close: () => void;
  const tls = testCertificate();
  const cipher = createContentCipher(Buffer.from(key, 'base64'));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'themakamer-digest-'));
    const admin = await openAdmin({ dataDir: dir });
    try {
      await admin.addOrg('zvh', 'Zorg- en Veiligheidshuis Testregio');
      await admin.addOrg('vt', 'Veilig Thuis Testregio');
      await admin.addUser({ username: 'pim.proef', name: 'Pim Proef (fictief)', org: 'zvh', role: 'procesregisseur', password: 'fictief-wachtwoord-1' });
      await admin.addUser({ username: 'dirk.deelnemer', name: 'Dirk Deelnemer (fictief)', org: 'vt', role: 'deelnemer', password: 'fictief-wachtwoord-1' });
      for (const room of [caseRoom, meetingRoom]) await admin.grant(room, 'dirk.deelnemer', 'edit');
      // Dirk owns an overdue action here but has no grant: it must not be counted.
      await admin.grant(otherCase, 'pim.proef', 'edit');
    } finally {
      await admin.close();
    }
    const db = openDatabase(dir);
    close = () => db.close();
    sql = sqliteSql(db);
    await verifyDataKey(sql, cipher, true);
    const store = createRoomStore(sql, cipher);
    const by = { username: 'pim.proef' };
    const doc = new Y.Doc();
    initCaseDoc(doc, { label: secrets[0]!, caseNumber: secrets[1]!, type: 'ex-partnerstalking', status: 'in-behandeling', procesregisseur: 'pim.proef' }, by);
    addPerson(doc, { role: 'slachtoffer', name: secrets[3]! });
    createAction(doc, { description: secrets[2]!, owner: 'dirk.deelnemer', ownerOrg: 'vt', due: addDays(today, -4), source: null }, by);
    createAction(doc, { description: 'Tweede actie (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: addDays(today, -1), source: null }, by);
    createAction(doc, { description: 'Bijna (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: addDays(today, 1), source: null }, by);
    addMeasure(doc, { kind: 'contactverbod', start: addDays(today, -30), end: addDays(today, 5), note: '' }, by);
    await store.append(caseRoom, [Y.encodeStateAsUpdate(doc)]);
    const other = new Y.Doc();
    initCaseDoc(other, { label: secrets[4]!, type: 'ex-partnerstalking', status: 'in-behandeling', procesregisseur: 'pim.proef' }, by);
    createAction(other, { description: 'Niet van Dirk te zien (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: addDays(today, -9), source: null }, by);
    await store.append(otherCase, [Y.encodeStateAsUpdate(other)]);
    const meeting = new Y.Doc();
    initMeetingDoc(meeting, { type: 'mdo', start: new Date(now.getTime() + 20 * 3_600_000).toISOString(), location: '', videoLink: '', chair: 'pim.proef' }, by);
    invite(meeting, { username: 'dirk.deelnemer', org: 'vt', role: 'deelnemer' });
    await store.append(meetingRoom, [Y.encodeStateAsUpdate(meeting)]);
    await createMailSettings(sql, cipher).setUserAddress('dirk.deelnemer', 'dirk@vt.test');
  });
  afterAll(async () => {
    close();
    await rm(dir, { recursive: true, force: true });
  });

  let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;
  afterEach(async () => {
    await smtp?.close();
    smtp = null;
  });

  const run = (options: { force?: boolean } = {}) =>
    sendDueDigests({ sql, store: createRoomStore(sql, cipher), settings: createMailSettings(sql, cipher), now, tls: { ca: tls.cert }, ...options });

  it('is off by default: no organisation, no mail', async () => {
    smtp = await startSmtp({ key: tls.key, cert: tls.cert });
    expect(await run({ force: true })).toEqual({ orgs: 0, sent: 0, empty: 0, byChoice: 0, failed: 0 });
    await createMailSettings(sql, cipher).setSmtp({ org: 'vt', host: '127.0.0.1', port: smtp.port, username: 'digest-user', password: smtpPassword, sender: 'themakamer@vt.test', appUrl: 'https://themakamer.test/', frequency: 'off' });
    expect(await run({ force: true })).toEqual({ orgs: 0, sent: 0, empty: 0, byChoice: 0, failed: 0 });
    expect(smtp.delivered).toEqual([]);
  });

  it('sends counts and a link over STARTTLS, and nothing of a case', async () => {
    smtp = await startSmtp({ key: tls.key, cert: tls.cert });
    const settings = createMailSettings(sql, cipher);
    await settings.setSmtp({ org: 'vt', host: '127.0.0.1', port: smtp.port, username: 'digest-user', password: smtpPassword, sender: 'themakamer@vt.test', appUrl: 'https://themakamer.test/', frequency: 'daily' });
    // The password is sealed at rest.
    const stored = await sql.get<{ password: Buffer }>("SELECT password FROM org_smtp WHERE org = 'vt'");
    expect(Buffer.from(stored!.password).toString('latin1')).not.toContain(smtpPassword);

    expect(await run()).toEqual({ orgs: 1, sent: 1, empty: 0, byChoice: 0, failed: 0 });
    expect(smtp.delivered).toHaveLength(1);
    const [mail] = smtp.delivered;
    expect(mail!.secure).toBe(true);
    expect(mail!.user).toBe('digest-user');
    expect(mail!.to).toEqual(['dirk@vt.test']);
    const text = decoded(mail!.raw);
    expect(text).toContain('Subject: Themakamer: uw dagelijkse overzicht');
    expect(text).toContain('- 2 acties zijn te laat');
    expect(text).toContain('- 1 actie heeft een deadline binnen 2 dagen');
    expect(text).toContain('- 1 maatregel loopt binnen 14 dagen af of is afgelopen');
    expect(text).toContain('- 1 overleg begint binnen 2 dagen');
    expect(text).toContain('https://themakamer.test/');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/case:|meeting:|action:/u);

    // Daily: not again within the day.
    expect(await run()).toEqual({ orgs: 0, sent: 0, empty: 0, byChoice: 0, failed: 0 });
    expect(isDigestDue({ frequency: 'daily', lastSentAt: now.toISOString() }, new Date(now.getTime() + 21 * 3_600_000))).toBe(true);
    expect(isDigestDue({ frequency: 'weekly', lastSentAt: now.toISOString() }, new Date(now.getTime() + 3 * 24 * 3_600_000))).toBe(false);
  });

  it('refuses a server without TLS before logging in or sending anything', async () => {
    smtp = await startSmtp({ disabledCommands: ['STARTTLS'], hideSTARTTLS: true, allowInsecureAuth: true });
    await createMailSettings(sql, cipher).setSmtp({ org: 'vt', host: '127.0.0.1', port: smtp.port, username: 'digest-user', password: smtpPassword, sender: 'themakamer@vt.test', appUrl: 'https://themakamer.test/', frequency: 'daily' });
    const before = (await createMailSettings(sql, cipher).getSmtp('vt'))!.lastSentAt;
    expect(await run({ force: true })).toEqual({ orgs: 1, sent: 0, empty: 0, byChoice: 0, failed: 1 });
    expect(smtp.logins).toEqual([]);
    expect(smtp.delivered).toEqual([]);
    // Nobody was reached: the run is given back, so the next check tries again.
    expect((await createMailSettings(sql, cipher).getSmtp('vt'))!.lastSentAt).toBe(before);
  });

  it('is set up and sent from the admin CLI, the SMTP password read from stdin', async () => {
    smtp = await startSmtp({ key: tls.key, cert: tls.cert });
    const caFile = join(dir, 'test-ca.pem');
    await writeFile(caFile, tls.cert);
    const admin = (args: string[], input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> => new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', dir, ...args], {
        env: { ...process.env, THEMAKAMER_DATA_KEY: key, NODE_EXTRA_CA_CERTS: caFile },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(input);
    });
    const set = await admin(['org', 'smtp', 'vt', '--host', '127.0.0.1', '--port', String(smtp.port), '--user', 'digest-user', '--from', 'themakamer@vt.test', '--link', 'https://themakamer.test/', '--frequency', 'weekly'], `${smtpPassword}\n`);
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    expect(set.stdout + set.stderr).not.toContain(smtpPassword);
    expect((await admin(['user', 'email', 'dirk.deelnemer', 'dirk.nieuw@vt.test'])).status).toBe(0);
    // A digest went out in an earlier test this week: --force sends anyway, a plain run waits.
    expect((await admin(['digest', 'send'])).stdout).toContain('0 organisaties, 0 e-mails verstuurd');
    const sent = await admin(['digest', 'send', '--force']);
    expect(sent.stdout).toContain('1 organisaties, 1 e-mails verstuurd, 0 zonder iets te melden, 0 mislukt.');
    expect(sent.status).toBe(0);
    expect(smtp.delivered.map((mail) => mail.to)).toEqual([['dirk.nieuw@vt.test']]);
    expect(decoded(smtp.delivered[0]!.raw)).toContain('Subject: Themakamer: uw wekelijkse overzicht');
    expect((await admin(['org', 'digest', 'vt', 'off'])).status).toBe(0);
    expect((await admin(['digest', 'send', '--force'])).stdout).toContain('0 organisaties, 0 e-mails verstuurd');
    expect((await admin(['org', 'smtp', 'vt', '--host', '127.0.0.1'])).status).toBe(2);
  });

  it("follows each user's own choice: none, or at most weekly in a daily organisation", async () => {
    smtp = await startSmtp({ key: tls.key, cert: tls.cert });
    const settings = createMailSettings(sql, cipher);
    await settings.setSmtp({ org: 'vt', host: '127.0.0.1', port: smtp.port, username: 'digest-user', password: smtpPassword, sender: 'themakamer@vt.test', appUrl: 'https://themakamer.test/', frequency: 'daily' });
    await settings.setUserAddress('dirk.deelnemer', 'dirk@vt.test');
    expect(await settings.userChoice('dirk.deelnemer')).toBe('org');

    await settings.setUserChoice('dirk.deelnemer', 'off');
    expect(await run({ force: true })).toEqual({ orgs: 1, sent: 0, empty: 0, byChoice: 1, failed: 0 });

    // At most weekly: Dirk got one earlier in this test file, so the daily run leaves him out…
    await settings.setUserChoice('dirk.deelnemer', 'weekly');
    const later = new Date(now.getTime() + 21 * 3_600_000);
    const runAt = (at: Date) => sendDueDigests({ sql, store: createRoomStore(sql, cipher), settings, now: at, tls: { ca: tls.cert } });
    expect(await runAt(later)).toEqual({ orgs: 1, sent: 0, empty: 0, byChoice: 1, failed: 0 });
    // …until a week after his last one.
    const nextWeek = new Date(now.getTime() + 7 * 24 * 3_600_000);
    expect((await runAt(nextWeek)).sent).toBe(1);
    expect(smtp.delivered.map((mail) => mail.to)).toEqual([['dirk@vt.test']]);
    // The organisation's rhythm is daily: its own last run moved on, Dirk's too.
    expect((await settings.getSmtp('vt'))!.lastSentAt).toBe(nextWeek.toISOString());
    await settings.setUserChoice('dirk.deelnemer', 'org');
  });

  it('sends one digest when two runs start at once (two instances, or cron beside the timer)', async () => {
    smtp = await startSmtp({ key: tls.key, cert: tls.cert });
    const settings = createMailSettings(sql, cipher);
    await settings.setSmtp({ org: 'vt', host: '127.0.0.1', port: smtp.port, username: 'digest-user', password: smtpPassword, sender: 'themakamer@vt.test', appUrl: 'https://themakamer.test/', frequency: 'daily' });
    const at = new Date(now.getTime() + 30 * 24 * 3_600_000);
    const one = () => sendDueDigests({ sql, store: createRoomStore(sql, cipher), settings: createMailSettings(sql, cipher), now: at, tls: { ca: tls.cert } });
    const reports = await Promise.all([one(), one(), one()]);
    expect(reports.map((report) => report.orgs).sort()).toEqual([0, 0, 1]);
    expect(smtp.delivered).toHaveLength(1);
  });
});
