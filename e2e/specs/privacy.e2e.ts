import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAdmin } from '../../sync-server/src/cli/admin';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { createTestCase, seedUser, seedWithGrants } from '../fixtures/plan';
import { defaultSeed, seedPassword, type Seed } from '../fixtures/seed';
import { signedInPage } from '../fixtures/session';
import { newSeedSecret } from '../fixtures/totp';
import { describe, expect, test } from '../fixtures/test';
import { BoardPage } from '../pages/BoardPage';

// Issue 14, first slice: the privacy officer's "Toegangslog" and a case's "Wie heeft deze casus
// ingezien?", in Chromium against the real server. Every name here is invented.
const caseA = 'case:e2eprivacy00000a1';
const caseB = 'case:e2eprivacy00000b2';
// createTestCase numbers a case E2E-<last four characters of its id>.
const numberA = 'E2E-00A1';
const numberB = 'E2E-00B2';
const labelA = 'Casus Vertrouwelijk-Label (fictief)';
const pieter = { username: 'pieter.privacy', name: 'Pieter Privacy (fictief)', org: 'zvh', role: 'privacyfunctionaris' as const, password: seedPassword, totpSecret: newSeedSecret() };
const seed: Seed = seedWithGrants([
  { room: caseA, username: 'pim.proef', access: 'edit' },
  { room: caseA, username: 'dirk.deelnemer', access: 'edit' },
  { room: caseB, username: 'pim.proef', access: 'edit' },
], { ...defaultSeed, users: [...defaultSeed.users, pieter] });
const pim = seedUser('pim.proef', seed);
const dirk = seedUser('dirk.deelnemer', seed);
const boardHash = (room: string): string => `#/casussen/${encodeURIComponent(room)}`;

describe('privacy: the access log and who opened a case', () => {
  test.override('seed', seed);

  test('the privacy officer sees who opened, exported and signed in, by case number, filters it and exports it as CSV', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room: caseA, label: labelA, plan: { 'situatie-en-risico': ['Geheime planregel (fictief).'] } });
    await createTestCase(server.url, pim, { room: caseB, label: 'Casus Ander-Label (fictief)' });
    // Dirk (Veilig Thuis) opens case A in the app; someone fails to sign in as Dirk.
    const dirkPage = await signedInPage(await newUserContext(), server.url, dirk, boardHash(caseA));
    await new BoardPage(dirkPage.page).heading().getByText(labelA).waitFor();
    await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'dirk.deelnemer', password: 'verkeerd-wachtwoord-1' }) });

    // Pieter signs in without a route and lands on the access log; his menu: the monitor and the access log.
    const { page } = await signedInPage(await newUserContext(), server.url, pieter);
    await page.getByRole('heading', { level: 1, name: 'Toegangslog' }).waitFor();
    expect(page.url()).toContain('#/toegangslog');
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Monitor', 'Toegangslog']);
    await page.getByText(/^Het log is ongeschonden: de keten van \d+ regels klopt\.$/u).waitFor();

    const table = page.getByRole('table', { name: 'Toegangslog, nieuwste eerst' });
    const dirkOpened = table.getByRole('row').filter({ hasText: 'Geopend' }).filter({ hasText: 'Dirk Deelnemer (fictief) (dirk.deelnemer)' });
    // The app also opens the region's measures board for him: logged, and named as such.
    await dirkOpened.filter({ hasText: 'Verbetermaatregelen van de regio' }).first().waitFor();
    await dirkOpened.filter({ hasText: `Casus ${numberA}` }).first().waitFor();
    expect(await dirkOpened.filter({ hasText: `Casus ${numberA}` }).first().textContent()).toContain('Veilig Thuis Testregio');
    await table.getByRole('row').filter({ hasText: 'Aanmelden mislukt' }).filter({ hasText: 'verkeerd wachtwoord' }).first().waitFor();
    await table.getByRole('row').filter({ hasText: 'Toegang verleend' }).first().waitFor();
    // A case is named by its number: no label, no content reaches this screen.
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('Vertrouwelijk-Label');
    expect(body).not.toContain('Geheime planregel');
    await expectNoSeriousA11yViolations(page, 'the access log');

    // Filter by person: only lines where Dirk acted or was acted upon (his grant, by the admin CLI).
    await page.getByLabel('Persoon', { exact: true }).selectOption('dirk.deelnemer');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(async () => {
      const rows = await table.locator('tbody tr').allTextContents();
      return rows.length > 0 && rows.every((text) => text.includes('dirk.deelnemer')) && !rows.some((text) => text.includes('pim.proef'));
    }).toBe(true);
    await table.getByRole('row').filter({ hasText: 'Toegang verleend' }).filter({ hasText: 'betreft Dirk Deelnemer (fictief) (dirk.deelnemer)' }).first().waitFor();

    // By case number (typed in lower case): only case B, which Dirk never opened.
    await page.getByLabel('Persoon', { exact: true }).selectOption('');
    await page.getByLabel(/^Casusnummer/u).fill(numberB.toLowerCase());
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(async () => {
      const subjects = await table.locator('tbody tr td:nth-child(5)').allTextContents();
      return subjects.length > 0 && subjects.every((text) => text === `Casus ${numberB}`);
    }).toBe(true);
    expect(await table.textContent()).not.toContain('dirk.deelnemer');

    // A period that ends before it starts is explained, not sent.
    await page.getByLabel('Van', { exact: true }).fill('2026-03-02');
    await page.getByLabel('Tot en met', { exact: true }).fill('2026-03-01');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('De datum ‘Van’ ligt na ‘Tot en met’.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await dirkOpened.first().waitFor();

    // Organisation filter then the CSV export of what is shown; the export is itself logged.
    await page.getByLabel('Organisatie', { exact: true }).selectOption('vt');
    await page.getByRole('button', { name: 'Filteren' }).click();
    // Lines where someone of Veilig Thuis acted, or was acted upon (Dirk's grant by the admin CLI).
    // Read in one go: rows held across awaits may be replaced by the next render and wait out a timeout.
    await expect.poll(async () => {
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        org: (tr as HTMLTableRowElement).cells[3]?.textContent ?? null, text: tr.textContent ?? '',
      })));
      const checks = rows.map((row) => row.org === 'Veilig Thuis Testregio' || row.text.includes('betreft Dirk Deelnemer'));
      return checks.length > 0 && checks.every(Boolean) && !rows.some((row) => row.text.includes('pim.proef'));
    }).toBe(true);
    const work = mkdtempSync(join(tmpdir(), 'themakamer-e2e-privacy-'));
    try {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^toegangslog-\d{4}-\d{2}-\d{2}\.csv$/u);
      const path = join(work, 'log.csv');
      await download.saveAs(path);
      const bytes = readFileSync(path);
      const lines = bytes.toString('utf8').replace(/^\uFEFF/u, '').trim().split('\r\n');
      expect(lines[0]).toContain('Tijdstip (UTC);Gebeurtenis;Code;Gebruiker');
      expect(lines.some((line) => line.includes(';room-open;dirk.deelnemer;Dirk Deelnemer (fictief);Veilig Thuis Testregio;') && line.includes(`;${numberA};`))).toBe(true);
      expect(lines.slice(1).every((line) => line.includes('Veilig Thuis Testregio'))).toBe(true);
      expect(bytes.toString('utf8')).not.toContain('Vertrouwelijk-Label');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const admin = await openAdmin({ dataDir: server.dataDir });
      try {
        const exports = (await admin.auditList({ user: 'pieter.privacy' })).filter((entry) => entry.event === 'access-log-export');
        expect(exports).toMatchObject([{ actor: 'pieter.privacy', detail: { org: 'vt', kind: 'access-log-csv', sha256 } }]);
      } finally {
        await admin.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await table.getByRole('row').filter({ hasText: 'Toegangslog geëxporteerd' }).first().waitFor();

    // A case address leads back to the access log; the case never opens.
    await page.goto(`${server.url}/${boardHash(caseA)}`);
    await page.getByRole('heading', { level: 1, name: 'Toegangslog' }).waitFor();
    expect(page.url()).toContain('#/toegangslog');
  });

  test('the process director sees who opened a case, with organisation; a participant has no such button', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room: caseA, label: labelA });
    const dirkPage = await signedInPage(await newUserContext(), server.url, dirk, boardHash(caseA));
    const dirkBoard = new BoardPage(dirkPage.page);
    await dirkBoard.heading().getByText(labelA).waitFor();
    expect(await dirkPage.page.getByRole('button', { name: 'Wie heeft deze casus ingezien?' }).count()).toBe(0);

    const { page } = await signedInPage(await newUserContext(), server.url, pim, boardHash(caseA));
    await new BoardPage(page).heading().getByText(labelA).waitFor();
    await page.getByRole('button', { name: 'Wie heeft deze casus ingezien?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wie heeft deze casus ingezien?' });
    const table = dialog.getByRole('table', { name: 'Wie deze casus heeft geopend' });
    const dirkRow = table.getByRole('row').filter({ hasText: 'Dirk Deelnemer (fictief)' });
    await dirkRow.waitFor();
    expect(await dirkRow.textContent()).toContain('Veilig Thuis Testregio');
    expect(await dirkRow.textContent()).toMatch(/\d{2}-\d{2}-\d{4} om \d{2}:\d{2}/u);
    await table.getByRole('row').filter({ hasText: 'Pim Proef (fictief)' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the case openings dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const admin = await openAdmin({ dataDir: server.dataDir });
    try {
      expect((await admin.auditList({ room: caseA })).filter((entry) => entry.event === 'case-access-view')).toMatchObject([{ actor: 'pim.proef' }]);
    } finally {
      await admin.close();
    }
  });

  test('the privacy officer answers an inzageverzoek: case numbers and roles, no label, no content, no name in the log', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room: caseA, label: labelA, personName: 'Iris Verzonnen', plan: { 'situatie-en-risico': ['Geheime planregel (fictief).'] } });
    await createTestCase(server.url, pim, { room: caseB, label: 'Casus Ander-Label (fictief)', personName: 'Iris Verzonnen-Bakker' });
    const { page } = await signedInPage(await newUserContext(), server.url, pieter);
    const section = page.getByRole('region', { name: 'Inzageverzoek' });
    await section.waitFor();
    // A name too short is refused in Dutch, at the field.
    await section.getByRole('button', { name: 'Zoeken' }).click();
    await section.getByText('Vul een naam in van minstens twee tekens.').waitFor();
    await section.getByLabel(/^Naam van de betrokkene/u).fill('iris verzonnen');
    await section.getByRole('button', { name: 'Zoeken' }).click();
    await section.getByText('2 vermeldingen gevonden in 2 doorzochte casussen.').waitFor();
    const rows = section.getByRole('table', { name: 'Casussen waarin de betrokkene voorkomt' }).locator('tbody tr');
    expect((await rows.allTextContents()).sort()).toEqual([
      expect.stringContaining(numberA), expect.stringContaining(numberB),
    ]);
    expect(await rows.first().textContent()).toContain('Slachtoffer');
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('Vertrouwelijk-Label');
    expect(body).not.toContain('Ander-Label');
    expect(body).not.toContain('Geheime planregel');
    await expectNoSeriousA11yViolations(page, 'the inzageverzoek report');

    const admin = await openAdmin({ dataDir: server.dataDir });
    try {
      const made = (await admin.auditList({ user: 'pieter.privacy' })).filter((entry) => entry.event === 'subject-report');
      expect(made).toMatchObject([{ detail: { matches: 2, cases: 2 } }]);
      expect(JSON.stringify(made).toLowerCase()).not.toContain('verzonnen');
    } finally {
      await admin.close();
    }
  });
});
