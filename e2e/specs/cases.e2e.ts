import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { createTestCase, dutchDate, seedUser, seedWithGrants } from '../fixtures/plan';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { BoardPage } from '../pages/BoardPage';
import { CasesPage } from '../pages/CasesPage';

// Issue 4: "Casussen" — the cases I may see, search and filter, "Nieuwe casus", granting access.
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const wendy = seedUser('wendy.waarnemer');
const stalking = 'case:e2ecases00000001';
const violence = 'case:e2ecases00000002';

describe('Casussen', () => {
  describe('with cases on the server', () => {
    test.override('seed', seedWithGrants([
      { room: stalking, username: 'pim.proef', access: 'edit' },
      { room: violence, username: 'pim.proef', access: 'edit' },
      { room: stalking, username: 'wendy.waarnemer', access: 'view' },
    ]));

    test('lists label, type, status, risk, open actions; searches and filters; never shows a person name', async ({ server, newUserContext }) => {
      await createTestCase(server.url, pim, {
        room: stalking, label: 'Casus 2026-201 (fictief)', personName: 'Sterre Schijnnaam',
        actions: [{ description: 'Gesprek plannen (fictief)', owner: 'pim.proef', ownerOrg: 'zvh', due: dutchDate(-1), source: null }],
      });
      await createTestCase(server.url, pim, { room: violence, label: 'Casus 2026-202 (fictief)' });
      const { page } = await signedInPage(await newUserContext(), server.url, pim, '#/casussen');
      const cases = new CasesPage(page);
      await expect.poll(() => cases.labels(), { timeout: 15_000 }).toEqual(['Casus 2026-201 (fictief)', 'Casus 2026-202 (fictief)']);
      const row = await cases.rowTexts('Casus 2026-201 (fictief)');
      expect(row).toEqual(['Casus 2026-201 (fictief)', 'E2E-0001', 'Ex-partnerstalking', 'In behandeling', 'Niet bepaald', '1 (1 te laat)', 'Niet gepland']);
      expect(await page.getByRole('main').textContent()).not.toContain('Sterre');
      await expectNoSeriousA11yViolations(page, 'the case list');

      await cases.search().fill('2026-202');
      await expect.poll(() => cases.labels()).toEqual(['Casus 2026-202 (fictief)']);
      await page.getByText('1 casus', { exact: true }).waitFor();
      await cases.search().fill('');
      await cases.filter('Status').selectOption('aangemeld');
      await page.getByRole('heading', { name: 'Geen casussen gevonden' }).waitFor();
      await page.getByRole('button', { name: 'Filters wissen' }).click();
      await expect.poll(() => cases.labels()).toHaveLength(2);

      // The table is reached and followed with the keyboard.
      await cases.table().getByRole('link', { name: 'Casus 2026-202 (fictief)' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Casus 2026-202 (fictief)' }).waitFor();
    });

    test('a waarnemer sees the cases granted to them and no "Nieuwe casus"', async ({ server, newUserContext }) => {
      await createTestCase(server.url, pim, { room: stalking, label: 'Casus 2026-201 (fictief)' });
      const { page } = await signedInPage(await newUserContext(), server.url, wendy, '#/casussen');
      const cases = new CasesPage(page);
      await expect.poll(() => cases.labels(), { timeout: 15_000 }).toEqual(['Casus 2026-201 (fictief)']);
      expect(await cases.newCaseButton().count()).toBe(0);
    });
  });

  test('"Nieuwe casus" creates a case for its creator; granting access makes it appear for a partner of another organisation', async ({ server, newUserContext }) => {
    const chair = await signedInPage(await newUserContext(), server.url, pim, '#/casussen');
    const partner = await signedInPage(await newUserContext(), server.url, dirk, '#/casussen');
    const chairCases = new CasesPage(chair.page);
    await chair.page.getByRole('heading', { name: 'Er zijn nog geen casussen' }).waitFor();

    const { caseId, label } = await chairCases.createCase({ type: 'huiselijk-geweld' });
    expect(label).toMatch(/^Casus \d{4}-001$/u);
    const board = new BoardPage(chair.page);
    expect(await board.facts().textContent()).toContain('Huiselijk geweld');
    expect(await board.facts().textContent()).toContain('Aangemeld');
    expect(await board.facts().textContent()).toContain('Pim Proef (fictief)');
    await chairCases.goto();
    await expect.poll(() => chairCases.labels()).toEqual([label]);

    // The partner does not see it until access is granted.
    const partnerCases = new CasesPage(partner.page);
    await partner.page.waitForTimeout(1000);
    expect(await partnerCases.table().count()).toBe(0);

    await board.open(caseId);
    await chair.page.getByRole('button', { name: 'Toegang beheren' }).click();
    const dialog = chair.page.getByRole('dialog', { name: 'Toegang beheren' });
    await dialog.getByText('Pim Proef (fictief)').waitFor();
    await dialog.getByLabel('Gebruiker', { exact: true }).selectOption('dirk.deelnemer');
    await dialog.getByLabel('Toegang', { exact: true }).selectOption('view');
    await dialog.getByRole('button', { name: 'Toegang geven' }).click();
    await dialog.getByRole('button', { name: 'Toegang intrekken Dirk Deelnemer (fictief)' }).waitFor();
    expect(await dialog.getByLabel('Toegang van Dirk Deelnemer (fictief)').inputValue()).toBe('view');
    await expectNoSeriousA11yViolations(chair.page, 'the access dialog');

    await expect.poll(() => partnerCases.labels(), { timeout: 15_000 }).toEqual([label]);
    await partnerCases.table().getByRole('link', { name: label }).click();
    await partner.page.getByRole('heading', { level: 1, name: label }).waitFor();
    // View access: read-only, no edit controls.
    await partner.page.getByText('U kunt deze casus alleen bekijken.').waitFor();
    expect(await new BoardPage(partner.page).editControls().count()).toBe(0);

    // Revoking takes it away again: from the board and from the list.
    await dialog.getByRole('button', { name: 'Toegang intrekken Dirk Deelnemer (fictief)' }).click();
    await partner.page.getByRole('heading', { name: 'Geen toegang tot deze casus' }).waitFor({ timeout: 15_000 });
    expect(await partner.page.getByRole('main').textContent()).not.toContain(label);
    await partnerCases.goto();
    await partner.page.getByRole('heading', { name: 'Er zijn nog geen casussen' }).waitFor();
  });

  test('a user without access who opens the case by its address sees "Geen toegang" and nothing of the case', async ({ server, newUserContext }) => {
    const chair = await signedInPage(await newUserContext(), server.url, pim, '#/casussen');
    const { caseId, label } = await new CasesPage(chair.page).createCase({ label: 'Casus 2026-777 (fictief)' });
    await new BoardPage(chair.page).addPerson('kind', 'Kiki Kladversie');

    const outsider = await signedInPage(await newUserContext(), server.url, dirk, `#/casussen/${encodeURIComponent(caseId)}`);
    await outsider.page.getByRole('heading', { name: 'Geen toegang tot deze casus' }).waitFor();
    const html = await outsider.page.content();
    expect(html).not.toContain(label);
    expect(html).not.toContain('Kiki');
    expect(await outsider.page.title()).toBe('Casus – Themakamer');
    await expectNoSeriousA11yViolations(outsider.page, 'the no-access page');
  });
});
