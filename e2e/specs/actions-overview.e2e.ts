import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { createTestCase, dutchDate, seedUser, seedWithGrants } from '../fixtures/plan';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { ActionsPage } from '../pages/ActionsPage';

// Issue 4: the Acties view — all actions of all cases I may see; filter by owner,
// organisation, status, overdue; mine first; overdue in red with days overdue.
const first = 'case:e2eacties0000001';
const second = 'case:e2eacties0000002';
const seed = seedWithGrants([
  { room: first, username: 'pim.proef', access: 'edit' },
  { room: first, username: 'dirk.deelnemer', access: 'edit' },
  { room: second, username: 'pim.proef', access: 'edit' },
]);
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const victimName = 'Roos Verzonnen';

describe('Acties view', () => {
  test.override('seed', seed);

  test('shows every action of my cases, mine first, overdue with days late, filters, and links by case label only', async ({ server, newUserContext, pageErrors }) => {
    await createTestCase(server.url, pim, {
      room: first, label: 'Casus 2026-101 (fictief)', personName: victimName,
      actions: [
        { description: 'Contactverbod evalueren (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(-5), source: null },
        { description: 'Huisbezoek plannen (fictief)', owner: 'pim.proef', ownerOrg: 'zvh', due: dutchDate(7), source: null },
      ],
    });
    await createTestCase(server.url, pim, {
      room: second, label: 'Casus 2026-102 (fictief)',
      actions: [
        { description: 'Veiligheidsplan bijwerken (fictief)', owner: 'pim.proef', ownerOrg: 'zvh', due: dutchDate(-2), source: null },
        { description: 'Gedragsaanwijzing aanvragen (fictief)', owner: 'sanne.secretaris', ownerOrg: 'zvh', due: dutchDate(3), source: null },
      ],
    });

    const { page } = await signedInPage(await newUserContext(), server.url, pim, '#/acties');
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const actions = new ActionsPage(page);
    await expect.poll(() => actions.overviewRows().count(), { timeout: 15_000 }).toBe(4);

    const table = await actions.overviewTable();
    expect(table.map((row) => row[0])).toEqual([
      'Veiligheidsplan bijwerken (fictief)', 'Huisbezoek plannen (fictief)',
      'Contactverbod evalueren (fictief)', 'Gedragsaanwijzing aanvragen (fictief)',
    ]);
    expect(table[0]?.[1]).toContain('Pim Proef (fictief)');
    expect(table[0]?.[1]).toContain('Van u');
    expect(table[0]?.[2]).toContain('2 dagen te laat');
    expect(table[2]?.[2]).toContain('5 dagen te laat');
    expect(table[1]?.[2]).not.toContain('te laat');
    expect(table[0]?.[4]).toBe('Casus 2026-102 (fictief)');
    // Red is not the only carrier: the overdue cell is styled AND says how late it is.
    const overdue = actions.overviewRows().nth(0).locator('.action-due--overdue');
    expect(await overdue.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(155, 34, 24)');
    expect(await actions.overviewRows().nth(2).getByRole('link').getAttribute('href')).toBe(`#/casussen/${encodeURIComponent(first)}`);

    // Need-to-know: the list shows case labels, never the people in them.
    expect(await page.content()).not.toContain(victimName);
    expect(await page.title()).not.toContain(victimName);

    await actions.filter('Organisatie').selectOption({ label: 'Veilig Thuis Testregio' });
    await expect.poll(async () => (await actions.overviewTable()).map((row) => row[0])).toEqual(['Contactverbod evalueren (fictief)']);
    await actions.filter('Organisatie').selectOption({ label: 'Alle organisaties' });

    await actions.filter('Eigenaar').selectOption({ label: 'Alleen mijn acties' });
    await expect.poll(async () => (await actions.overviewTable()).map((row) => row[0])).toEqual(['Veiligheidsplan bijwerken (fictief)', 'Huisbezoek plannen (fictief)']);
    await actions.filter('Eigenaar').selectOption({ label: 'Iedereen' });

    await actions.overdueOnly().check();
    await expect.poll(async () => (await actions.overviewTable()).map((row) => row[0])).toEqual(['Veiligheidsplan bijwerken (fictief)', 'Contactverbod evalueren (fictief)']);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'acties' }).first().textContent()).toBe('2 acties');
    await actions.overdueOnly().uncheck();

    await actions.filter('Status').selectOption({ label: 'Gedaan' });
    await expect.poll(() => actions.overviewRows().count()).toBe(0);
    expect(await page.getByText('Geen acties die aan deze filters voldoen.').count()).toBe(1);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => actions.overviewRows().count()).toBe(4);

    await expectNoSeriousA11yViolations(page, 'the Acties view');
  });

  test('a partner sees only the actions of the cases they have access to, their own first', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, {
      room: first, label: 'Casus 2026-101 (fictief)',
      actions: [
        { description: 'Huisbezoek plannen (fictief)', owner: 'pim.proef', ownerOrg: 'zvh', due: dutchDate(1), source: null },
        { description: 'Contactverbod evalueren (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(9), source: null },
      ],
    });
    await createTestCase(server.url, pim, {
      room: second, label: 'Casus 2026-102 (fictief)',
      actions: [{ description: 'Niet voor Veilig Thuis (fictief)', owner: 'pim.proef', ownerOrg: 'zvh', due: dutchDate(2), source: null }],
    });
    const { page } = await signedInPage(await newUserContext(), server.url, dirk, '#/acties');
    const actions = new ActionsPage(page);
    await expect.poll(async () => (await actions.overviewTable()).map((row) => row[0]), { timeout: 15_000 })
      .toEqual(['Contactverbod evalueren (fictief)', 'Huisbezoek plannen (fictief)']);
    expect(await page.content()).not.toContain('Casus 2026-102');
  });
});
