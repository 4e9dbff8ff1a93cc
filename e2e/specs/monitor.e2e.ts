import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { createTestCase, dutchDate, seedUser, seedWithGrants } from '../fixtures/plan';
import { defaultSeed, seedPassword, type Seed } from '../fixtures/seed';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { newSeedSecret } from '../fixtures/totp';

// Issue 16: the Monitor screen — the region's figures for up to three periods side by side, per
// area, each with its definition; a CSV for Excel and a PDF with "< 5"; management lands on it.
const rooms = Array.from({ length: 6 }, (_, n) => `case:e2emonitor00000${n}`);
const base: Seed = {
  ...defaultSeed,
  users: [...defaultSeed.users, { username: 'mira.management', name: 'Mira Management (fictief)', org: 'zvh', role: 'management', password: seedPassword, totpSecret: newSeedSecret() }],
};
const seed = seedWithGrants(rooms.map((room) => ({ room, username: 'pim.proef', access: 'edit' as const })), base);
const pim = seedUser('pim.proef', seed);
const dirk = seedUser('dirk.deelnemer', seed);
const mira = seedUser('mira.management', seed);
const personName = 'Bram Bedenksel';
const labelOf = (n: number): string => `Monitorcasus ${n} (fictief)`;
const measureTitle = 'Signalenkaart voor wijkteams (fictief)';
const knelpunt = 'Wachtlijst b\u0133 de w\u0133kteams.';

/** The PDF's text as laid out (columns kept on one line). */
const pdftotext = (path: string): string => {
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
};
/** The values of a figure's row, one per period column. */
const values = (page: Page, id: string): Promise<string[]> => page.locator(`tr[data-figure="${id}"] td`).allTextContents();
const menuItems = async (page: Page): Promise<string[]> =>
  (await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents()).map((text) => text.trim());

describe('Monitor', () => {
  test.override('seed', seed);

  test('a process director sees the seeded figures, compares two periods, picks a municipality and downloads the CSV and the PDF', async ({ server, newUserContext, pageErrors }) => {
    const today = dutchDate(0);
    // Six cases this year: five in Rotterdam, one in Schiedam; two SASH "hoog" and one contact ban in Rotterdam.
    for (const [n, room] of rooms.entries()) {
      await createTestCase(server.url, pim, {
        room, label: labelOf(n), personName: `${personName} ${n}`,
        municipality: n === 5 ? 'schiedam' : 'rotterdam',
        risk: n < 2 ? { sash: { level: 'hoog', date: today } } : n === 5 ? { sash: { level: 'laag', date: today } } : {},
        measures: n === 0 ? [{ kind: 'contactverbod', start: today, end: null }] : [],
      });
    }

    // One improvement measure on the region's board, with a knelpunt, for the PDF's second part.
    const { page } = await signedInPage(await newUserContext(), server.url, pim, '#/verbetermaatregelen');
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const form = page.getByRole('region', { name: 'Nieuwe maatregel', exact: true });
    await form.getByLabel('Titel van de maatregel').fill(measureTitle);
    await form.getByLabel('Fase').selectOption('herkennen');
    await form.getByLabel('Status').selectOption('lopend');
    await form.getByLabel('Eigenaar (organisatie)').selectOption('vt');
    await form.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    const card = page.getByRole('region', { name: 'Herkennen', exact: true }).getByRole('article', { name: measureTitle });
    await card.getByRole('textbox', { name: `Knelpunten bij ‘${measureTitle}’` }).click();
    await page.keyboard.type(knelpunt);
    await page.evaluate(() => { window.location.hash = '#/monitor'; });
    expect(await menuItems(page)).toContain('Monitor');
    await page.getByRole('heading', { level: 1, name: 'Monitor' }).waitFor();
    const year = today.slice(0, 4);
    const table = page.getByRole('table', { name: /^Monitor, Regio/ });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Cijfer', expect.stringMatching(new RegExp(`^${year}`))]);
    expect(await values(page, 'casussen.nieuw')).toEqual(['6']);
    expect(await values(page, 'screening.sash.hoog')).toEqual(['2']);
    expect(await values(page, 'screening.sash.laag')).toEqual(['1']);
    expect(await values(page, 'maatregelen.gestart.contactverbod')).toEqual(['1']);
    // Each figure carries its definition in its row header; groups head their rows.
    await expect.poll(() => page.getByRole('rowheader', { name: /^Nieuwe casussen Casussen aangemaakt in de periode\./ }).count()).toBe(1);
    expect(await table.getByRole('rowheader', { name: 'Risicotaxaties', exact: true }).count()).toBe(1);
    // The chart of the headline figures: one image named by its summary; the table stays the source.
    const chart = page.getByRole('img', { name: /^Staafdiagram, kerncijfers per periode\./u });
    expect(await chart.getAttribute('aria-label')).toMatch(new RegExp(`Nieuwe casussen: ${year}[^,;]* 6;`, 'u'));
    expect(await chart.locator('[data-figure="casussen.nieuw"] rect').count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'monitor, one period');

    // Two periods side by side (this year and last year), then one municipality.
    await page.getByRole('button', { name: 'Periode toevoegen' }).click();
    expect(await page.getByLabel('Jaar (periode 2)', { exact: true }).inputValue()).toBe(String(Number(year) - 1));
    await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Rotterdam' });
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    const rotterdam = page.getByRole('table', { name: /^Monitor, Rotterdam/ });
    await rotterdam.waitFor();
    expect(await rotterdam.getByRole('columnheader').allTextContents()).toEqual(['Cijfer', expect.stringMatching(new RegExp(`^${year}`)), String(Number(year) - 1)]);
    expect(await values(page, 'casussen.nieuw')).toEqual(['5', '0']);
    expect(await values(page, 'screening.sash.hoog')).toEqual(['2', '0']);
    expect(await values(page, 'screening.sash.laag')).toEqual(['0', '0']);
    // The chart follows: two bars per figure where both periods have counts, none for last year's zero.
    expect(await chart.getAttribute('aria-label')).toMatch(new RegExp(`Nieuwe casussen: ${year}[^,;]* 5, ${Number(year) - 1} 0;`, 'u'));
    expect(await chart.locator('[data-figure="casussen.nieuw"] rect').count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'monitor, two periods, one municipality');

    // The CSV: export counts, so 1–4 become "< 5"; Dutch Excel format; no label, name or case number.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren voor Excel (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^monitor_${year}-tm-[0-9-]+_${Number(year) - 1}_rotterdam\\.csv$`, 'u'));
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toMatch(new RegExp(`^Groep;Cijfer;Definitie;${year} t/m [0-9-]+;${Number(year) - 1}$`, 'u'));
    expect(lines).toContain('Casussen;Nieuwe casussen;Casussen aangemaakt in de periode.;5;0');
    expect(lines.find((line) => line.startsWith('Risicotaxaties;SASH-screening (politie): hoog;'))).toMatch(/;< 5;0$/u);
    for (let n = 0; n < rooms.length; n++) {
      expect(text).not.toContain(labelOf(n));
      expect(text).not.toContain(`E2E-${rooms[n]!.slice(-4).toUpperCase()}`);
    }
    expect(text).not.toContain(personName);
    expect(text).not.toContain('Monitorcasus');

    // The PDF: the same export figures, periods side by side, with definitions; no label, name or case number.
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF downloaden' }).click()]);
    expect(pdfDownload.suggestedFilename()).toMatch(new RegExp(`^monitor_${year}-tm-[0-9-]+_${Number(year) - 1}_rotterdam\\.pdf$`, 'u'));
    const pdfText = pdftotext(await pdfDownload.path());
    expect(pdfText).toContain('Monitor · Rotterdam');
    expect(pdfText).toMatch(new RegExp(`Casussen\\s+${year} t/m`, 'u'));
    expect(pdfText).toMatch(/Nieuwe casussen\s+5\s+0\n/u);
    expect(pdfText).toContain('Casussen aangemaakt in de periode.');
    expect(pdfText).toMatch(/SASH-screening \(politie\): hoog\s+<\s?5\s+0\n/u);
    expect(pdfText).toContain('Kerncijfers per periode');

    for (let n = 0; n < rooms.length; n++) {
      expect(pdfText).not.toContain(labelOf(n));
      expect(pdfText).not.toContain(`E2E-${rooms[n]!.slice(-4).toUpperCase()}`);
    }
    // The second part: the board's measures by phase, with status, organisation and knelpunten ("ĳ" kept).
    expect(pdfText).toContain('Verbetermaatregelen');
    expect(pdfText).toContain(measureTitle);
    expect(pdfText).toContain('Status: Lopend · Organisatie: Veilig Thuis Testregio');
    expect(pdfText).toContain(`Knelpunten: ${knelpunt}`);
    expect(pdfText).not.toContain(personName);
    expect(pdfText).not.toContain('Monitorcasus');
  });

  test('management lands on the Monitor with a menu of its own; a participant has no Monitor', async ({ server, newUserContext }) => {
    const { page } = await signedInPage(await newUserContext(), server.url, mira);
    await page.getByRole('heading', { level: 1, name: 'Monitor' }).waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/monitor$/u);
    expect(await menuItems(page)).toEqual(['Monitor', 'Verbetermaatregelen']);
    await page.getByRole('table', { name: /^Monitor, Regio/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'monitor, management');

    const participant = (await signedInPage(await newUserContext(), server.url, dirk, '#/monitor')).page;
    expect(await menuItems(participant)).not.toContain('Monitor');
    await participant.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Monitor' }).waitFor();
    expect(await participant.getByRole('table', { name: /^Monitor/ }).count()).toBe(0);
  });

  test('a partner enters its figures per quarter under "Cijfers opgeven"; the Monitor shows them with their source', async ({ server, newUserContext, pageErrors }) => {
    const year = dutchDate(0).slice(0, 4);
    const { page } = await signedInPage(await newUserContext(), server.url, dirk);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    expect(await menuItems(page)).toContain('Cijfers opgeven');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cijfers opgeven' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cijfers opgeven' }).waitFor();
    await page.getByLabel('Jaar', { exact: true }).selectOption(year);
    await page.getByLabel('Kwartaal', { exact: true }).selectOption('1');
    // Only Veilig Thuis's figures; a bad value is refused in Dutch before anything is sent.
    expect(await page.getByLabel('Stalkingzaken ingestroomd (OM)').count()).toBe(0);
    await page.getByLabel('Meldingen (Veilig Thuis)').fill('veel');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Vul een geheel getal van 0 of meer in, of laat het veld leeg.').waitFor();
    await page.getByLabel('Meldingen (Veilig Thuis)').fill('140');
    await page.getByLabel('Adviezen (Veilig Thuis)').fill('61');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: `De cijfers over ${year}-K1 zijn opgeslagen.` }).waitFor();
    await expectNoSeriousA11yViolations(page, 'partner figures, entered');

    // The CSV import: a file with a bad line is checked, gets Dutch messages per line and cannot be imported.
    const file = (text: string) => ({ name: 'cijfers.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    const importButton = page.getByRole('button', { name: 'Importeren', exact: true });
    await page.getByLabel('CSV-bestand').setInputFiles(file(`periode;figuur;waarde\n${year}-K2;vt.meldingen;150\n${year}-K2;om.stalkingzaken;4\n`));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('2 regels gecontroleerd, 1 met een fout. Er is nog niets opgeslagen.').waitFor();
    await page.getByText('Regel 3: Uw organisatie mag het figuur om.stalkingzaken niet opgeven.').waitFor();
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('CSV-bestand').setInputFiles(file(`${year}-K2;vt.meldingen;150\n`));
    await expect.poll(() => page.getByText('Regel 3:').count()).toBe(0);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('1 regel gecontroleerd, 0 met een fout. Er is nog niets opgeslagen.').waitFor();
    await importButton.click();
    await page.getByText('1 cijfer geïmporteerd.').waitFor();
    await expectNoSeriousA11yViolations(page, 'partner figures, imported');

    const monitor = (await signedInPage(await newUserContext(), server.url, mira)).page;
    await monitor.getByRole('table', { name: /^Monitor, Regio/ }).waitFor();
    // This year up to today holds the first and the second quarter: 140 entered, 150 imported.
    await expect.poll(() => values(monitor, 'partner.vt.meldingen')).toEqual(['290']);
    expect(await values(monitor, 'partner.vt.adviezen')).toEqual(['61']);
    expect(await monitor.getByRole('rowheader', { name: 'Cijfers van partners', exact: true }).count()).toBe(1);
    expect(await monitor.locator('tr[data-figure="partner.vt.meldingen"] th').textContent()).toContain('Bron: Veilig Thuis Testregio');
    await expectNoSeriousA11yViolations(monitor, 'monitor with partner figures');
  });
});
