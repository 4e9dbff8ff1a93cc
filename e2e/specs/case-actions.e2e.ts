import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { backOnline, goOfflineWithShell } from '../fixtures/offlineShell';
import { createTestCase, dutchDate, seedUser, seedWithGrants } from '../fixtures/plan';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { ActionsPage } from '../pages/ActionsPage';

// Issue 4: no action without owner and due date — the board's form refuses it in Dutch and
// nothing is added anywhere; a complete action is added and reaches a user of another organisation.
const room = 'case:e2eacties0000010';
const hash = `#/casussen/${encodeURIComponent(room)}`;
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const label = 'Casus 2026-111 (fictief)';
const noOwner = 'De actie is niet opgeslagen. Kies een eigenaar. Een actie zonder eigenaar wordt niet opgeslagen.';
const noDue = 'De actie is niet opgeslagen. Vul een deadline in. Een actie zonder deadline wordt niet opgeslagen.';
const dirkOption = 'Dirk Deelnemer (fictief) – Veilig Thuis Testregio';
const sanneOption = 'Sanne Secretaris (fictief) – Zorg- en Veiligheidshuis Testregio';
const pimOption = 'Pim Proef (fictief) – Zorg- en Veiligheidshuis Testregio';

/** The "Eigenaar: …" facts of one action on a board (one per action, never a list). */
async function owners(page: ActionsPage, description: string): Promise<string[]> {
  const item = page.boardRegion().getByRole('listitem').filter({ hasText: description });
  return item.locator('.action-item__facts span').filter({ hasText: /^Eigenaar: / }).allTextContents();
}

/** Changes the owner of an action through "Wijzigen" and "Wijzigingen opslaan". */
async function reassign(page: ActionsPage, description: string, owner: string): Promise<void> {
  await page.boardRegion().getByRole('button', { name: `Wijzigen: ${description}`, exact: true }).click();
  await page.dialog().getByRole('heading', { name: 'Actie wijzigen' }).waitFor();
  await page.fill({ owner });
  await page.dialog().getByRole('button', { name: 'Wijzigingen opslaan', exact: true }).click();
  await page.dialog().waitFor({ state: 'detached' });
}

describe('actions on the case board', () => {
  test.override('seed', seedWithGrants([
    { room, username: 'pim.proef', access: 'edit' },
    { room, username: 'dirk.deelnemer', access: 'edit' },
  ]));

  test('an action without owner or without due date is refused in Dutch and nothing is added; a complete one reaches the other organisation', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label });
    const a = new ActionsPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const b = new ActionsPage((await signedInPage(await newUserContext(), server.url, dirk, hash)).page);
    const errors: string[] = [];
    for (const page of [a.page, b.page]) {
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
    }
    await a.boardRegion().getByText('Voor deze casus zijn nog geen acties afgesproken.').waitFor({ timeout: 15_000 });
    await b.boardRegion().getByText('Voor deze casus zijn nog geen acties afgesproken.').waitFor({ timeout: 15_000 });

    // Without an owner: refused with the message, the owner field marked and focused.
    await a.startNew();
    await a.fill({ description: 'Contactverbod evalueren (fictief)', due: dutchDate(10) });
    await a.save();
    await expect.poll(() => a.formError().textContent()).toBe(noOwner);
    const owner = a.dialog().getByLabel('Eigenaar');
    expect(await owner.getAttribute('aria-invalid')).toBe('true');
    expect(await owner.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await a.dialog().getByLabel('Deadline').getAttribute('aria-invalid')).toBeNull();
    await expectNoSeriousA11yViolations(a.page, 'the action form refusing an action without owner');

    // With an owner but without a due date: refused too.
    await a.fill({ owner: dirkOption, due: '' });
    await a.save();
    await expect.poll(() => a.formError().textContent()).toBe(noDue);
    expect(await a.dialog().getByLabel('Deadline').getAttribute('aria-invalid')).toBe('true');
    expect(await owner.getAttribute('aria-invalid')).toBeNull();

    // Both missing: both reasons, in form order.
    await a.fill({ owner: 'Kies een eigenaar…' });
    await a.save();
    await expect.poll(() => a.formError().textContent()).toBe(
      'De actie is niet opgeslagen. Kies een eigenaar. Een actie zonder eigenaar wordt niet opgeslagen. Vul een deadline in. Een actie zonder deadline wordt niet opgeslagen.',
    );

    // Cancelling after the refusals: nothing was added, on either screen.
    await a.dialog().getByRole('button', { name: 'Annuleren', exact: true }).click();
    await a.dialog().waitFor({ state: 'detached' });
    expect(await a.boardDescriptions()).toEqual([]);
    expect(await b.boardDescriptions()).toEqual([]);

    // Complete: owner and due date. Added, announced, and on the other user's board.
    await a.startNew();
    await a.fill({ description: 'Contactverbod evalueren (fictief)', owner: dirkOption, due: dutchDate(10), source: 'Veiligheidsplan: Beschermende maatregelen' });
    await a.save();
    await a.dialog().waitFor({ state: 'detached' });
    await a.page.getByRole('status').filter({ hasText: 'Actie opgeslagen.' }).waitFor();
    expect(await a.boardDescriptions()).toEqual(['Contactverbod evalueren (fictief)']);
    await expect.poll(() => b.boardDescriptions(), { timeout: 15_000 }).toEqual(['Contactverbod evalueren (fictief)']);
    const item = b.boardRegion().getByRole('listitem').filter({ hasText: 'Contactverbod evalueren (fictief)' });
    const facts = await item.textContent();
    expect(facts).toContain(`Eigenaar: ${dirkOption}`);
    // Dirk owns it: "Van u" on his board, not on Pim's.
    expect(facts).toContain('Van u');
    expect(await a.boardRegion().getByText('Van u', { exact: true }).count()).toBe(0);
    expect(facts).toContain('Afgesproken in: Veiligheidsplan: Beschermende maatregelen');

    // The owner takes it up; the status reaches the creator.
    await b.boardRegion().getByLabel('Status van: Contactverbod evalueren (fictief)').selectOption({ label: 'Bezig' });
    await expect.poll(() => a.boardRegion().getByLabel('Status van: Contactverbod evalueren (fictief)').inputValue(), { timeout: 15_000 }).toBe('bezig');
    // Refusing is the form's job: nothing went wrong in the app on either screen.
    expect(errors).toEqual([]);
  });
  test('offline as well: the form refuses without owner; two owners set at once end as one owner on both screens', async ({ server, newUserContext }) => {
    const description = 'Huisbezoek plannen (fictief)';
    await createTestCase(server.url, pim, {
      room, label, actions: [{ description, owner: 'pim.proef', ownerOrg: 'zvh', due: dutchDate(7), source: null }],
    });
    const bContext = await newUserContext();
    const a = new ActionsPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const bSigned = await signedInPage(bContext, server.url, dirk, hash);
    const b = new ActionsPage(bSigned.page);
    await expect.poll(() => b.boardDescriptions(), { timeout: 15_000 }).toEqual([description]);
    await expect.poll(() => bSigned.session.syncState(), { timeout: 15_000 }).toBe('online');

    await goOfflineWithShell(bContext, server.url);
    await expect.poll(() => bSigned.session.syncState()).toBe('offline');
    // Offline the same rule: no owner, not saved.
    await b.startNew();
    await b.fill({ description: 'Camerabeelden opvragen (fictief)', due: dutchDate(3) });
    await b.save();
    await expect.poll(() => b.formError().textContent()).toBe(noOwner);
    await b.fill({ owner: pimOption });
    await b.save();
    await b.dialog().waitFor({ state: 'detached' });

    // Both give the same action a new owner while apart.
    await reassign(b, description, dirkOption);
    await reassign(a, description, sanneOption);
    expect(await owners(b, description)).toEqual([`Eigenaar: ${dirkOption}`]);
    expect(await owners(a, description)).toEqual([`Eigenaar: ${sanneOption}`]);
    expect(await a.boardDescriptions()).toEqual([description]);

    await backOnline(bContext, server.url);
    await expect.poll(() => bSigned.session.syncState(), { timeout: 20_000 }).toBe('online');
    await expect.poll(() => a.boardDescriptions(), { timeout: 15_000 }).toHaveLength(2);
    expect(await a.boardDescriptions()).toContain('Camerabeelden opvragen (fictief)');
    // One owner, the same one on both screens: one of the two that were set, never both.
    await expect.poll(async () => JSON.stringify(await owners(a, description)) === JSON.stringify(await owners(b, description)), { timeout: 15_000 }).toBe(true);
    const [final] = await owners(a, description);
    expect(await owners(a, description)).toHaveLength(1);
    expect([`Eigenaar: ${dirkOption}`, `Eigenaar: ${sanneOption}`]).toContain(final);
    const created = a.boardRegion().getByRole('listitem').filter({ hasText: 'Camerabeelden opvragen (fictief)' });
    expect(await created.textContent()).toContain(`Eigenaar: ${pimOption}`);
    expect(await created.textContent()).toContain('Van u');
  });
  test('a case with a long history opens on what still needs doing: finished actions and earlier events are one button away', async ({ server, newUserContext }) => {
    const due = dutchDate(5);
    const action = (description: string, status?: 'gedaan' | 'vervallen' | 'niet-gedaan-niet-opgepakt') =>
      ({ description, owner: 'pim.proef', ownerOrg: 'zvh', due, source: null, ...(status ? { status } : {}) });
    await createTestCase(server.url, pim, {
      room, label,
      actions: [
        action('Huisbezoek plannen (fictief)'), action('Camerabeelden opvragen (fictief)'),
        action('Advocaat informeren (fictief)', 'gedaan'), action('Oude afspraak (fictief)', 'vervallen'),
        action('Melding doorzetten (fictief)', 'niet-gedaan-niet-opgepakt'),
      ],
      // 23 events, one per day in January (fictional): the board shows the latest 20.
      timeline: Array.from({ length: 23 }, (_, index) => ({
        date: `2026-01-${String(index + 1).padStart(2, '0')}`, type: 'incident' as const, text: `Gebeurtenis ${index + 1} (fictief)`, level: undefined,
      })),
    });
    const a = new ActionsPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const { page } = a;
    await expect.poll(async () => (await a.boardDescriptions()).sort(), { timeout: 15_000 }).toEqual(['Camerabeelden opvragen (fictief)', 'Huisbezoek plannen (fictief)']);

    // Finished actions: folded, with their count; the button says whether they show.
    const showClosed = a.boardRegion().getByRole('button', { name: 'Afgeronde acties tonen (3)' });
    expect(await showClosed.getAttribute('aria-expanded')).toBe('false');
    await showClosed.click();
    const closedList = a.boardRegion().getByRole('list', { name: 'Afgeronde acties' });
    await expect.poll(() => closedList.locator('.action-item__description').allTextContents())
      .toEqual(expect.arrayContaining(['Advocaat informeren (fictief)', 'Oude afspraak (fictief)', 'Melding doorzetten (fictief)']));
    expect(await a.boardRegion().getByRole('button', { name: 'Afgeronde acties verbergen (3)' }).getAttribute('aria-expanded')).toBe('true');
    // Marking one done moves it into the finished list.
    await a.boardRegion().getByLabel('Status van: Huisbezoek plannen (fictief)').selectOption({ label: 'Gedaan' });
    await a.boardRegion().getByRole('button', { name: 'Afgeronde acties verbergen (4)' }).waitFor();
    expect(await closedList.locator('.action-item__description').count()).toBe(4);

    // The timeline: the latest 20 events, oldest first; the earlier 3 one button away.
    const timeline = page.getByRole('table', { name: 'Tijdlijn, oudste eerst' });
    const texts = () => timeline.locator('tbody .timeline-table__text').allTextContents();
    expect(await texts()).toEqual(Array.from({ length: 20 }, (_, index) => `Gebeurtenis ${index + 4} (fictief)`));
    await page.getByRole('button', { name: 'Eerdere gebeurtenissen tonen (3)' }).click();
    await expect.poll(texts).toEqual(Array.from({ length: 23 }, (_, index) => `Gebeurtenis ${index + 1} (fictief)`));
    await expectNoSeriousA11yViolations(page, 'a board with finished actions and earlier events shown');
    await page.getByRole('button', { name: 'Alleen de laatste 20 tonen' }).click();
    await expect.poll(async () => (await texts()).length).toBe(20);
  });
});
