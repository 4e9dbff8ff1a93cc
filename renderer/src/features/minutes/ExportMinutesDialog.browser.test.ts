/**
 * The export components in Chromium: a Vite build of a test page (testing/harness) served
 * by the real sync server under the app's CSP; documents over y-websocket; signing with
 * the web platform Api in the page; the downloaded file checked with pdfsig; the audit
 * log checked on the server. Keyboard use and axe on the dialog.
 */
import react from '@vitejs/plugin-react';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../../../../e2e/fixtures/axe';
import { launchChromium, newContext } from '../../../../e2e/fixtures/chromium';
import { minutesSeed, publishFictionalMeeting, type PublishedMeeting } from '../../../../e2e/fixtures/minutes';
import { seedDataDir, seedPassword } from '../../../../e2e/fixtures/seed';
import { newServer, type TestServer, type LoginResponse } from '../../../../sync-server/test/helpers';
import { apiLogin } from '../../../../e2e/fixtures/totp';
import { makeTestP12 } from '../../pdf/testing/certificates';

const harnessRoot = fileURLToPath(new URL('./testing/harness/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'themakamer-export-dialog-'));
const outDir = join(work, 'site');
const p12Path = join(work, 'sanne.p12');

const tool = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).stdout;

describe('export components in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let approved: PublishedMeeting;
  let concept: PublishedMeeting;
  let token = '';

  beforeAll(async () => {
    await build({
      root: harnessRoot, base: './', configFile: false, logLevel: 'warn', mode: 'production',
      plugins: [react()],
      // Vitest sets NODE_ENV=test, which would make JSX compile to development calls.
      oxc: { jsx: { runtime: 'automatic', development: false } },
      // As in renderer/vite.config.ts; Vitest's NODE_ENV=test must not reach the bundle.
      define: { global: 'globalThis', 'process.env.NODE_ENV': JSON.stringify('production') },
      build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 8192, reportCompressedSize: false },
    });
    // ASCII only: node-forge cannot MAC a PKCS#12 whose certificate names hold characters above U+00FF.
    writeFileSync(p12Path, makeTestP12({ passphrase: 'fictief-certificaat', commonName: 'Sanne Secretaris (fictief)' }));
    t = await newServer({ staticDir: outDir });
    await seedDataDir(t.dataDir, minutesSeed);
    approved = await publishFictionalMeeting(t.url, t.dataDir, { approve: true });
    concept = await publishFictionalMeeting(t.url, t.dataDir, { approve: false });
    token = (await apiLogin<LoginResponse>(t.url, 'sanne.secretaris', seedPassword)).token;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function openHarness(meeting: PublishedMeeting, status: 'concept' | 'vastgesteld'): Promise<{ page: Page; errors: string[] }> {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // Known, reported: react-pdf's layout engine first fetches its WebAssembly from a data:
      // URL, which the app's CSP (connect-src 'self') refuses; it then compiles the same bytes
      // directly, so rendering works. Any other console error fails the test.
      if (message.type() === 'error' && !/^(Connecting to 'data:application\/octet-stream;base64,|Fetch API cannot load data:application\/octet-stream;base64,)/u.test(message.text())) {
        errors.push(message.text());
      }
    });
    const config = { token, meetingId: meeting.meetingId, caseIds: meeting.caseIds, status };
    await page.goto(`${t.url}/index.html#${encodeURIComponent(JSON.stringify(config))}`);
    await page.getByRole('heading', { name: 'Exporttest (fictief)' }).waitFor();
    return { page, errors };
  }

  const exportsOf = async (meeting: PublishedMeeting) => (await t.admin.auditList({ room: meeting.meetingId })).filter((entry) => entry.event === 'export');

  it('signs approved minutes in the browser: a wrong passphrase is refused in Dutch, the right one downloads a file pdfsig accepts', async () => {
    const { page, errors } = await openHarness(approved, 'vastgesteld');
    await page.getByRole('button', { name: 'Verslag exporteren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verslag exporteren' });
    await dialog.getByText(/^Versie 1, vastgesteld op \d{2}-\d{2}-\d{4}\.$/u).waitFor();
    await expect(dialog.getByRole('radio', { name: 'Volledig verslag' }).isChecked()).resolves.toBe(true);
    await expectNoSeriousA11yViolations(page, 'the export dialog');

    // Keyboard only: tick signing with the space bar.
    await dialog.getByRole('checkbox', { name: 'Digitaal ondertekenen' }).focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('button', { name: 'Exporteren' }).click();
    await dialog.getByText('Kies het certificaatbestand (.p12) om te ondertekenen.').waitFor();

    await dialog.getByLabel('Certificaatbestand (.p12)').setInputFiles(p12Path);
    await dialog.getByLabel('Wachtwoord van het certificaat').fill('verkeerd-wachtwoord');
    await expectNoSeriousA11yViolations(page, 'the export dialog with signing fields');
    await dialog.getByRole('button', { name: 'Exporteren' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'Het wachtwoord van het certificaat klopt niet' }).textContent()).resolves.toContain('Controleer het wachtwoord');
    expect(await exportsOf(approved)).toHaveLength(0);

    await dialog.getByLabel('Wachtwoord van het certificaat').fill('fictief-certificaat');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Exporteren' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Verslag Themakamer HG-KM 2026-03-12 v1 ondertekend\.pdf$/u);
    const path = join(work, 'downloaded.pdf');
    await file.saveAs(path);
    await dialog.getByText(/^Het ondertekende verslag is opgeslagen als ‘Verslag .*’ en de export is vastgelegd in het auditlog\.$/u).waitFor();
    const verdict = tool('pdfsig', [path]);
    expect(verdict).toContain('Signature is Valid');
    expect(verdict).toContain('Total document signed');
    expect(tool('pdftotext', [path, '-'])).toContain('Vastgesteld verslag');
    const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect((await exportsOf(approved)).at(-1)).toMatchObject({ actor: 'sanne.secretaris', detail: { kind: 'minutes', version: 1, org: null, signed: true, sha256 } });
    await page.screenshot({ path: join(tmpdir(), 'themakamer-export-dialog.png') });
    expect(errors).toEqual([]);
  }, 120_000);

  it('exports the version for one organisation', async () => {
    const { page, errors } = await openHarness(approved, 'vastgesteld');
    await page.getByRole('button', { name: 'Verslag exporteren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verslag exporteren' });
    await dialog.getByRole('radio', { name: 'Versie voor één organisatie' }).check();
    await dialog.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Politie Fictief' });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Exporteren' }).click();
    const path = join(work, 'politie.pdf');
    await (await download).saveAs(path);
    const text = tool('pdftotext', [path, '-']);
    expect(text).toContain('Casus Kievit');
    expect(text).not.toContain('Casus Grutto');
    await dialog.getByText(/en de export is vastgelegd in het auditlog\.$/u).waitFor();
    expect((await exportsOf(approved)).at(-1)).toMatchObject({ detail: { org: 'politie', signed: false } });
    expect(errors).toEqual([]);
  }, 120_000);

  it('refuses to sign concept minutes, saying why, and exports them unsigned as concept', async () => {
    const { page, errors } = await openHarness(concept, 'concept');
    await page.getByRole('button', { name: 'Verslag exporteren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verslag exporteren' });
    await dialog.getByText('Concept: dit verslag is nog niet vastgesteld.').waitFor();
    const checkbox = dialog.getByRole('checkbox', { name: 'Digitaal ondertekenen' });
    await expect(checkbox.isDisabled()).resolves.toBe(true);
    await expect(checkbox.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).textContent()))
      .resolves.toBe('Alleen een vastgesteld verslag kan worden ondertekend. Laat de voorzitter het verslag eerst vaststellen.');
    await expectNoSeriousA11yViolations(page, 'the export dialog for concept minutes');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Exporteren' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toContain('CONCEPT');
    const path = join(work, 'concept.pdf');
    await file.saveAs(path);
    expect(tool('pdfsig', [path])).not.toContain('Signature is Valid');
    // The report follows the save: wait for the sentence that says it was recorded.
    await dialog.getByText(/^Het verslag is opgeslagen als ‘Verslag .* CONCEPT\.pdf’ en de export is vastgelegd in het auditlog\.$/u).waitFor();
    expect((await exportsOf(concept)).at(-1)).toMatchObject({ detail: { kind: 'minutes', signed: false } });
    expect(errors).toEqual([]);
  }, 120_000);

  it('exports the action list as CSV that Dutch Excel reads and as PDF, each audited per case', async () => {
    const { page, errors } = await openHarness(approved, 'vastgesteld');
    const group = page.getByRole('group', { name: 'Actielijst exporteren' });
    const csvDownload = page.waitForEvent('download');
    await group.getByRole('button', { name: 'Exporteren als CSV' }).click();
    const csvPath = join(work, 'acties.csv');
    await (await csvDownload).saveAs(csvPath);
    const csv = readFileSync(csvPath);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(';Kees Kordaat;');
    await group.getByText(/^De actielijst is opgeslagen als ‘Acties Acties van het overleg \d{4}-\d{2}-\d{2}\.csv’\.$/u).waitFor();
    const pdfDownload = page.waitForEvent('download');
    await group.getByRole('button', { name: 'Exporteren als PDF' }).click();
    const pdfPath = join(work, 'acties.pdf');
    await (await pdfDownload).saveAs(pdfPath);
    expect(tool('pdftotext', [pdfPath, '-'])).toContain('Rik Reclasseerder');
    await group.getByText(/^De actielijst is opgeslagen als ‘Acties .*\.pdf’\.$/u).waitFor();
    for (const caseId of approved.caseIds) {
      expect((await t.admin.auditList({ room: caseId })).filter((entry) => entry.event === 'export').map((entry) => entry.detail?.kind)).toEqual(['actions', 'actions']);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
