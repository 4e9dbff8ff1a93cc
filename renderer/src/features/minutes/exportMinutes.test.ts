/**
 * Loading approved minutes over the real API and exporting them through the same steps
 * the dialog runs: real server, real frozen copies, real rendering and signing (the web
 * platform's signer), checked with pdfsig; only the save dialog is a stand-in (the edge).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesSeed, publishFictionalMeeting, type PublishedMeeting } from '../../../../e2e/fixtures/minutes';
import { seedDataDir, seedPassword } from '../../../../e2e/fixtures/seed';
import { newServer, type TestServer, type LoginResponse } from '../../../../sync-server/test/helpers';
import { apiLogin } from '../../../../e2e/fixtures/totp';
import { signPdfInBrowser } from '../../platform/signInBrowser';
import { FONT_FILES, registerFonts } from '../../pdf/fonts';
import { makeTestP12 } from '../../pdf/testing/certificates';
import type { SaveFileRequest } from '../../platform';
import { exportMinutes, type ExportStage, type MinutesExportRequest } from './exportMinutes';
import { minutesFromDocs } from './fromDocs';
import { loadApprovedMinutes } from './loadApprovedMinutes';
import { createMinutesServer, type MinutesServer } from './minutesServer';
import { NEVER_EXPORT_PASSAGE, PERSON_SECRETS } from './testing/fictionalDocs';

const work = mkdtempSync(join(tmpdir(), 'themakamer-minutes-dialog-'));
const fontDir = new URL('../../../../assets/fonts/', import.meta.url);
const signer = { name: 'Sanne Secretaris-Bĳl', role: 'Secretaris', organisation: 'Zorg- en Veiligheidshuis Fictief' };
const p12 = makeTestP12({ passphrase: 'fictief-p12' });

function pdfsig(bytes: Uint8Array): string {
  const path = join(work, `check-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return spawnSync('pdfsig', [path], { encoding: 'utf8' }).stdout;
}
function pdftotext(bytes: Uint8Array): string {
  const path = join(work, `text-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout;
}

/** The platform Api of the web build: signing in the page's code, saving captured (the download is the edge). */
function webLikeApi(options: { cancel?: boolean } = {}) {
  const saved: SaveFileRequest[] = [];
  return {
    saved,
    api: {
      signPdf: signPdfInBrowser,
      saveFile: async (request: SaveFileRequest) => {
        if (options.cancel) return { saved: false as const };
        saved.push(request);
        return { saved: true as const, path: null };
      },
    },
  };
}

describe('approved minutes over the API, exported like the dialog does', () => {
  let t: TestServer;
  let published: PublishedMeeting;
  let server: MinutesServer;

  beforeAll(async () => {
    registerFonts({ regular: new URL(FONT_FILES.regular, fontDir).pathname, bold: new URL(FONT_FILES.bold, fontDir).pathname, italic: new URL(FONT_FILES.italic, fontDir).pathname });
    t = await newServer();
    await seedDataDir(t.dataDir, minutesSeed);
    published = await publishFictionalMeeting(t.url, t.dataDir, { approve: true });
    const { token } = await apiLogin<LoginResponse>(t.url, 'sanne.secretaris', seedPassword);
    server = createMinutesServer({ serverUrl: t.url, token: () => token });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  const auditExports = async () => (await t.admin.auditList({ room: published.meetingId })).filter((entry) => entry.event === 'export');

  it('loads the frozen copies of the latest approval with need-to-know from the case members', async () => {
    const { data, canKnow } = await loadApprovedMinutes(server, published.meetingId, 'Regio Fictief');
    expect(data).toMatchObject({ status: 'vastgesteld', version: 1, region: 'Regio Fictief' });
    expect(data.items.map((item) => item.caseLabel)).toEqual(['Casus Kievit', 'Casus Grutto']);
    const [kievit, grutto] = published.caseIds;
    expect([canKnow(kievit, 'politie'), canKnow(grutto, 'politie'), canKnow(grutto, 'rn'), canKnow(kievit, 'vt')]).toEqual([true, false, true, false]);
    // Every frozen copy read is itself audited by the server.
    expect((await t.admin.auditList({ user: 'sanne.secretaris' })).filter((entry) => entry.event === 'frozen-read')).toHaveLength(3);
  });

  it('refuses without access: to the meeting (no-access), or to a case on its agenda (case-missing)', async () => {
    const { token } = await apiLogin<LoginResponse>(t.url, 'kees.politie', seedPassword);
    const kees = createMinutesServer({ serverUrl: t.url, token: () => token });
    await expect(loadApprovedMinutes(kees, published.meetingId, 'R')).rejects.toMatchObject({ code: 'no-access' });
    await t.admin.grant(published.meetingId, 'kees.politie', 'view');
    await expect(loadApprovedMinutes(kees, published.meetingId, 'R')).rejects.toMatchObject({ code: 'case-missing', userMessage: expect.stringMatching(/Vraag de procesregisseur/u) });
  });

  it('exports signed full minutes: stages in order, pdfsig valid, reported with the hash of the saved file', async () => {
    const { data, canKnow } = await loadApprovedMinutes(server, published.meetingId, 'Regio Fictief');
    const { api, saved } = webLikeApi();
    const stages: ExportStage[] = [];
    const outcome = await exportMinutes(
      { meetingId: published.meetingId, data, org: null, canKnow, sign: { p12, passphrase: 'fictief-p12', signer, location: 'Voorbeeldstad' } },
      { api, server, onStage: (stage) => stages.push(stage) },
    );
    expect(outcome.kind).toBe('done');
    expect(stages).toEqual(['rendering', 'signing', 'saving', 'reporting']);
    const file = saved[0];
    if (!file || outcome.kind !== 'done') throw new Error('nothing saved');
    expect(file.mimeType).toBe('application/pdf');
    expect(file.suggestedName).toMatch(/^Verslag Themakamer HG-KM 2026-03-12 v1 ondertekend\.pdf$/u);
    const verdict = pdfsig(file.data);
    expect(verdict).toContain('Signature is Valid');
    expect(verdict).toContain('Total document signed');
    const text = pdftotext(file.data);
    expect(text).toContain('Sanne Secretaris-Bĳl');
    for (const secret of PERSON_SECRETS) expect(text).not.toContain(secret);
    // The plan around it is printed; the passage marked "Nooit exporteren" is not, though the
    // approved copy holds it, marked (those who may open the case see it on screen).
    expect(JSON.stringify(data)).toContain(`"runs":[{"text":${JSON.stringify(NEVER_EXPORT_PASSAGE)}}],"neverExport":true`);
    expect(text).toContain('dreigende berichten');
    expect(text).not.toContain('Schuilweg');
    expect((await auditExports()).at(-1)).toMatchObject({ actor: 'sanne.secretaris', detail: { kind: 'minutes', version: 1, org: null, signed: true, sha256: outcome.sha256 } });
  }, 60_000);

  it('exports the per-organisation version unsigned, and reports which organisation', async () => {
    const { data, canKnow } = await loadApprovedMinutes(server, published.meetingId, 'Regio Fictief');
    const { api, saved } = webLikeApi();
    const outcome = await exportMinutes({ meetingId: published.meetingId, data, org: 'rn', canKnow, sign: null }, { api, server });
    expect(outcome.kind).toBe('done');
    const text = pdftotext(saved[0]?.data ?? new Uint8Array());
    expect(text).toContain('Casus Grutto');
    expect(text).not.toContain('Casus Kievit');
    expect(text).not.toContain('Schuilweg');
    expect(saved[0]?.suggestedName).toContain('voor rn');
    expect((await auditExports()).at(-1)).toMatchObject({ detail: { org: 'rn', signed: false } });
  }, 60_000);

  it('refuses to sign concept minutes, a wrong passphrase and a non-PKCS#12 file in Dutch: nothing saved, nothing reported', async () => {
    const before = (await auditExports()).length;
    const concept = minutesFromDocs({ id: published.meetingId, doc: published.local.meetingDoc }, published.local.cases, { directory: { users: await server.users(), orgs: await server.orgs() }, region: 'R' });
    expect(concept.status).toBe('concept');
    const { data, canKnow } = await loadApprovedMinutes(server, published.meetingId, 'R');
    const cases: [MinutesExportRequest, string, RegExp][] = [
      [{ meetingId: published.meetingId, data: concept, org: null, canKnow, sign: { p12, passphrase: 'fictief-p12', signer, location: 'X' } }, 'not-approved', /Alleen een vastgesteld verslag kan worden ondertekend/u],
      [{ meetingId: published.meetingId, data, org: null, canKnow, sign: { p12, passphrase: 'fout', signer, location: 'X' } }, 'bad-passphrase', /wachtwoord van het certificaat klopt niet/u],
      [{ meetingId: published.meetingId, data, org: null, canKnow, sign: { p12: new TextEncoder().encode('geen certificaat'), passphrase: 'x', signer, location: 'X' } }, 'not-pkcs12', /geen geldig PKCS#12-certificaat/u],
    ];
    for (const [request, code, message] of cases) {
      const { api, saved } = webLikeApi();
      const outcome = await exportMinutes(request, { api, server });
      expect(outcome).toMatchObject({ kind: 'failed', code, message: expect.stringMatching(message) });
      expect(saved).toHaveLength(0);
    }
    expect(await auditExports()).toHaveLength(before);
  }, 60_000);

  it('reports nothing when the save dialog is cancelled; offers a retry when the report fails', async () => {
    const { data, canKnow } = await loadApprovedMinutes(server, published.meetingId, 'R');
    const before = (await auditExports()).length;
    const cancelled = await exportMinutes({ meetingId: published.meetingId, data, org: null, canKnow, sign: null }, { api: webLikeApi({ cancel: true }).api, server });
    expect(cancelled.kind).toBe('cancelled');
    expect(await auditExports()).toHaveLength(before);

    let down = true;
    const flaky: Pick<MinutesServer, 'reportExport'> = {
      reportExport: (report) => (down ? Promise.reject(new Error('offline')) : server.reportExport(report)),
    };
    const outcome = await exportMinutes({ meetingId: published.meetingId, data, org: null, canKnow, sign: null }, { api: webLikeApi().api, server: flaky });
    expect(outcome.kind).toBe('not-reported');
    if (outcome.kind !== 'not-reported') return;
    expect(await outcome.retry()).toBe(false);
    down = false;
    expect(await outcome.retry()).toBe(true);
    expect((await auditExports()).at(-1)).toMatchObject({ detail: { sha256: outcome.sha256 } });
  }, 60_000);
});
