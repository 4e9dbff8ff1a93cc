/**
 * The archive export as an operator runs it (`npm run admin -- minutes …` in its own
 * process), against a data dir filled through the real server: documents written with
 * the y-websocket provider, approved through the HTTP API, frozen copies decrypted.
 * Checked with pdftotext and pdfsig.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initMeetingDoc } from '../../renderer/src/collab/meetingHeader';
import { createId } from '../../renderer/src/domain/ids';
import { makeTestP12 } from '../../renderer/src/pdf/testing/certificates';
import { fictionalMeeting, PERSON_SECRETS, testDirectory, type FictionalMeeting } from '../../renderer/src/features/minutes/testing/fictionalDocs';
import { openMinutesArchive } from '../src/minutes/minutes-archive';
import { exportArchivedMinutes } from '../src/minutes/minutes-export';
import { loadApprovedMinutes } from '../../renderer/src/features/minutes/loadApprovedMinutes';
import { createMinutesServer } from '../../renderer/src/features/minutes/minutesServer';
import { login, newClient, newServer, testPassword, waitFor, type TestServer } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'themakamer-minutes-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tool(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const pdftotext = (path: string): string => tool('pdftotext', [path, '-']).stdout;

/** Writes a local doc into a room and resolves once the server relayed it (so it is stored). */
async function pushDoc(t: TestServer, token: string, room: string, source: Y.Doc): Promise<void> {
  const watcher = newClient(t.wsUrl, room, token);
  const writer = newClient(t.wsUrl, room, token);
  await Promise.all([watcher.synced, writer.synced]);
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(source));
  const target = Buffer.from(Y.encodeStateVector(source)).toString('hex');
  // The server relays an update only after storing it: the watcher seeing it proves it is stored.
  await waitFor(() => Buffer.from(Y.encodeStateVector(watcher.doc)).toString('hex') === target, 10_000, `${room} stored`);
  watcher.destroy();
  writer.destroy();
}

describe('minutes archive export', () => {
  let t: TestServer;
  let meeting: FictionalMeeting;
  let kievit = '';
  let grutto = '';
  let conceptMeeting = '';
  const admin = (args: string[]) => tool(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', t.dataDir, ...args]);

  beforeAll(async () => {
    t = await newServer();
    for (const org of testDirectory.orgs) await t.admin.addOrg(org.id, org.name);
    for (const user of testDirectory.users) {
      const role = user.username === 'pim.proef' ? 'procesregisseur' : user.username === 'sanne.secretaris' ? 'secretaris' : 'deelnemer';
      await t.admin.addUser({ username: user.username, name: user.name, org: user.org, role, password: testPassword });
    }
    meeting = fictionalMeeting();
    [kievit = '', grutto = ''] = [...meeting.cases.keys()];
    await t.admin.grant(meeting.meetingId, 'pim.proef', 'edit');
    await t.admin.grant(meeting.meetingId, 'sanne.secretaris', 'edit');
    for (const [room, partner] of [[kievit, 'kees.politie'], [grutto, 'rik.rn']] as const) {
      await t.admin.grant(room, 'pim.proef', 'edit');
      await t.admin.grant(room, partner, 'edit');
    }
    const { token } = await login(t.url, 'pim.proef', testPassword);
    await pushDoc(t, token, meeting.meetingId, meeting.meetingDoc);
    for (const [room, doc] of meeting.cases) await pushDoc(t, token, room, doc);
    const approved = await fetch(`${t.url}/api/meetings/${encodeURIComponent(meeting.meetingId)}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(approved.status).toBe(200);

    conceptMeeting = createId('meeting');
    await t.admin.grant(conceptMeeting, 'pim.proef', 'edit');
    const concept = new Y.Doc();
    initMeetingDoc(concept, { type: 'casusoverleg', start: '2026-04-02T13:00:00+02:00', chair: 'pim.proef' }, { username: 'pim.proef' });
    await pushDoc(t, token, conceptMeeting, concept);
  }, 60_000);
  afterAll(() => t.close());

  it('lists meetings with type, date, status and version', async () => {
    const listed = admin(['minutes', 'list']);
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toContain(`${meeting.meetingId}\tThemakamer HG/KM\t12-03-2026 09:30\tvastgesteld\tversie 1\tvastgestelde versies: 1`);
    expect(lines).toContain(`${conceptMeeting}\tCasusoverleg HG\t02-04-2026 13:00\tconcept\tversie 0\tnooit vastgesteld`);
  }, 30_000);

  it('exports the approved minutes: attendance, decisions, owners, "Vertrouwelijk", "ĳ" intact; audited with the file hash', async () => {
    const out = join(work, 'verslag.pdf');
    const result = admin(['minutes', 'export', meeting.meetingId, '--out', out, '--region', 'Regio Fictief']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = pdftotext(out);
    expect(text).toMatch(/VERTROUWELIJK/i);
    for (const expected of ['Regio Fictief', 'Themakamer HG/KM', 'Vera Veilig', 'Aanwezig', 'Afgemeld', 'Sanne Secretaris-Bĳl',
      'Casus Kievit', 'Casus Grutto', 'Politie meldt elke overtreding direct aan het OM.', 'Kees Kordaat', 'Rik Reclasseerder', 'Advies enkelband opstellen']) {
      expect(text).toContain(expected);
    }
    for (const secret of PERSON_SECRETS) expect(text).not.toContain(secret);
    const sha256 = createHash('sha256').update(readFileSync(out)).digest('hex');
    expect(result.stdout).toContain(sha256);
    const entries = (await t.admin.auditList({ room: meeting.meetingId })).filter((entry) => entry.event === 'export');
    expect(entries.at(-1)).toMatchObject({ actor: '@admin', detail: { kind: 'minutes', version: 1, org: null, signed: false, sha256 } });
    expect(admin(['audit', 'verify']).status).toBe(0);
  }, 60_000);

  it('seals with the organisation certificate (passphrase from a file): pdfsig finds a valid signature over the whole file', async () => {
    const p12 = join(work, 'zegel.p12');
    const passphraseFile = join(work, 'zegel.pass');
    writeFileSync(p12, makeTestP12({ passphrase: 'zegel-fictief', commonName: 'Zegel ZVH Fictief' }));
    writeFileSync(passphraseFile, 'zegel-fictief\n');
    const out = join(work, 'verslag-getekend.pdf');
    const result = admin(['minutes', 'export', meeting.meetingId, '--out', out, '--p12', p12, '--passphrase-file', passphraseFile, '--location', 'Rotterdam']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const verdict = tool('pdfsig', [out]).stdout;
    expect(verdict).toContain('Signature is Valid');
    expect(verdict).toContain('Total document signed');
    expect(verdict).toContain('Zegel ZVH Fictief');
    expect(pdftotext(out)).toContain('Organisatiezegel (archief)');
    const sha256 = createHash('sha256').update(readFileSync(out)).digest('hex');
    expect((await t.admin.auditList({ room: meeting.meetingId })).at(-1)).toMatchObject({ event: 'export', detail: { signed: true, sha256 } });
  }, 60_000);

  it('refuses concept minutes, a wrong passphrase and an existing file in Dutch, writing nothing', async () => {
    const out = join(work, 'concept.pdf');
    const concept = admin(['minutes', 'export', conceptMeeting, '--out', out]);
    expect(concept.status).toBe(1);
    expect(concept.stderr).toContain('is niet vastgesteld (concept)');
    expect(existsSync(out)).toBe(false);

    const p12 = join(work, 'fout.p12');
    const passphraseFile = join(work, 'fout.pass');
    writeFileSync(p12, makeTestP12({ passphrase: 'goed-fictief' }));
    writeFileSync(passphraseFile, 'fout-fictief\n');
    const wrong = admin(['minutes', 'export', meeting.meetingId, '--out', out, '--p12', p12, '--passphrase-file', passphraseFile]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Het wachtwoord van het certificaat klopt niet');
    expect(existsSync(out)).toBe(false);

    writeFileSync(out, 'bestaand archiefstuk');
    const exists = admin(['minutes', 'export', meeting.meetingId, '--out', out]);
    expect(exists.status).toBe(1);
    expect(exists.stderr).toContain('wordt niet overschreven');
    expect(readFileSync(out, 'utf8')).toBe('bestaand archiefstuk');
  }, 60_000);

  it('never takes the passphrase from argv', async () => {
    const bad = admin(['minutes', 'export', meeting.meetingId, '--out', join(work, 'x.pdf'), '--p12', 'x.p12', '--passphrase', 'geheim']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toContain('geheim');
  }, 30_000);

  it('makes the per-organisation version from current grants', async () => {
    const archive = await openMinutesArchive({ dataDir: t.dataDir });
    try {
      const out = join(work, 'verslag-politie.pdf');
      const result = await exportArchivedMinutes(archive, { meetingId: meeting.meetingId, out, region: 'Regio Fictief', org: 'politie' });
      expect(result).toMatchObject({ org: 'politie', items: 1, signed: false });
      const text = pdftotext(out);
      expect(text).toContain('Casus Kievit');
      expect(text).not.toContain('Casus Grutto');
      expect(text).not.toContain('Advies enkelband opstellen');
      // Attendance is the meeting's, not a case's: it stays in every version.
      expect(text).toContain('Rik Reclasseerder');
      await expect(exportArchivedMinutes(archive, { meetingId: meeting.meetingId, out: join(work, 'y.pdf'), region: 'R', org: 'bestaatniet' }))
        .rejects.toMatchObject({ code: 'unknown-org' });
      expect(existsSync(join(work, 'y.pdf'))).toBe(false);
    } finally {
      archive.close();
    }
  }, 60_000);

  it('refuses a reopened meeting, and works with the server stopped', async () => {
    const { token } = await login(t.url, 'pim.proef', testPassword);
    const reopened = await fetch(`${t.url}/api/meetings/${encodeURIComponent(meeting.meetingId)}/reopen`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(reopened.status).toBe(200);
    const refused = admin(['minutes', 'export', meeting.meetingId, '--out', join(work, 'heropend.pdf')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is heropend en is nu concept');
    const approved = await fetch(`${t.url}/api/meetings/${encodeURIComponent(meeting.meetingId)}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(await approved.json()).toMatchObject({ version: 2 });
    await t.server.close();
    const out = join(work, 'na-stop.pdf');
    const result = admin(['minutes', 'export', meeting.meetingId, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('versie 2');
    expect(pdftotext(out)).toContain(`Document ${meeting.meetingId}/v2 · versie 2`);
    expect(admin(['audit', 'verify']).status).toBe(0);
  }, 60_000);
});

describe('approved minutes of a meeting whose case was deleted after its retention period', () => {
  let t: TestServer;
  // Not spawnSync: the server runs in this process and must keep answering (an idle keep-alive
  // socket closed while the event loop was blocked resets the next fetch).
  const admin = (args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', t.dataDir, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
  afterAll(() => t?.close());

  it('keep only the case number and "verwijderd na bewaartermijn", in the archive PDF and in what the app exports', async () => {
    t = await newServer({ retentionIntervalMs: 0 });
    for (const org of testDirectory.orgs) await t.admin.addOrg(org.id, org.name);
    for (const user of testDirectory.users) {
      await t.admin.addUser({ username: user.username, name: user.name, org: user.org, role: user.username === 'pim.proef' ? 'procesregisseur' : 'deelnemer', password: testPassword });
    }
    const meeting = fictionalMeeting();
    const [kievit = '', grutto = ''] = [...meeting.cases.keys()];
    await t.admin.grant(meeting.meetingId, 'pim.proef', 'edit');
    for (const room of [kievit, grutto]) await t.admin.grant(room, 'pim.proef', 'edit');
    const { token } = await login(t.url, 'pim.proef', testPassword);
    const auth = { Authorization: `Bearer ${token}` };
    await pushDoc(t, token, meeting.meetingId, meeting.meetingDoc);
    for (const [room, doc] of meeting.cases) await pushDoc(t, token, room, doc);
    expect((await fetch(`${t.url}/api/meetings/${encodeURIComponent(meeting.meetingId)}/approve`, { method: 'POST', headers: auth })).status).toBe(200);

    // Before: nothing deleted; the archive prints Kievit in full.
    const deletedPath = `${t.url}/api/meetings/${encodeURIComponent(meeting.meetingId)}/deleted-cases`;
    expect(await (await fetch(deletedPath, { headers: auth })).json()).toEqual({ deleted: [] });
    const before = join(work, 'voor-verwijdering.pdf');
    expect((await admin(['minutes', 'export', meeting.meetingId, '--out', before])).status).toBe(0);
    expect(pdftotext(before)).toContain('Politie meldt elke overtreding direct aan het OM.');

    // Kievit (ZVH-2026-001) is closed and deleted 25 months later.
    const closed = await fetch(`${t.url}/api/rooms/${encodeURIComponent(kievit)}/close`, {
      method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'doel-bereikt' }),
    });
    const { closedAt } = (await closed.json()) as { closedAt: string };
    const now = new Date(closedAt);
    now.setUTCMonth(now.getUTCMonth() + 25);
    expect((await admin(['retention', 'run', '--now', now.toISOString()])).stdout).toContain('1 casus(sen) verwijderd');

    // The archive export: Kievit by number only, Grutto in full.
    const out = join(work, 'na-verwijdering.pdf');
    const result = await admin(['minutes', 'export', meeting.meetingId, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = pdftotext(out).replace(/\s+/gu, ' ');
    expect(text).toContain('Casus ZVH-2026-001: verwijderd na bewaartermijn');
    expect(text).toContain('Casus Grutto');
    expect(text).toContain('Reclassering adviseert over een enkelband.');
    for (const gone of ['Casus Kievit', 'Politie meldt elke overtreding direct aan het OM.', 'Besproken in het overleg (Casus Kievit)']) expect(text).not.toContain(gone);

    // What the app exports: the server names the deleted case, loadApprovedMinutes keeps it as a numbered item.
    expect(await (await fetch(deletedPath, { headers: auth })).json()).toEqual({ deleted: [{ room: kievit, caseNumber: 'ZVH-2026-001', deletedAt: now.toISOString() }] });
    const server = createMinutesServer({ serverUrl: t.url, token: () => token });
    const loaded = await loadApprovedMinutes(server, meeting.meetingId, 'Regio Fictief');
    expect(loaded.data.items.map((item) => [item.caseId, item.caseLabel, item.deleted ?? false])).toEqual([
      [kievit, 'Casus ZVH-2026-001: verwijderd na bewaartermijn', true],
      [grutto, 'Casus Grutto', false],
    ]);
    expect(loaded.data.items[0]).toMatchObject({ notes: [], decisions: [], safetyPlan: [], actions: [], withheld: [] });
    // Someone outside the meeting learns nothing.
    await t.admin.addUser({ username: 'buiten.fictief', name: 'Buiten (fictief)', org: testDirectory.orgs[0]!.id, role: 'deelnemer', password: testPassword });
    const outsider = (await login(t.url, 'buiten.fictief', testPassword)).token;
    expect((await fetch(deletedPath, { headers: { Authorization: `Bearer ${outsider}` } })).status).toBe(403);
  }, 90_000);
});
