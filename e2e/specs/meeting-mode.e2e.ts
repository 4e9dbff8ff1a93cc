import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { caseLabels, meetingSeed, meetingUsers, publishThemakamer } from '../fixtures/meeting';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test, type NewUserContext } from '../fixtures/test';
import { ActionsPage } from '../pages/ActionsPage';
import { MeetingScreenPage } from '../pages/MeetingScreenPage';
import { PlanPage } from '../pages/PlanPage';
import { dutchDate } from '../fixtures/plan';

// Issue 5: a themakamer with a chair and two participants of different organisations.
// Petra (politie) has no access to Casus Berk; Dirk (Veilig Thuis) has access to all three.

const meetingHash = (id: string) => `#/overleggen/${encodeURIComponent(id)}`;

async function open(newUserContext: NewUserContext, url: string, who: keyof typeof meetingUsers, hash: string): Promise<MeetingScreenPage> {
  const { page } = await signedInPage(await newUserContext(), url, meetingUsers[who], hash);
  return new MeetingScreenPage(page);
}

function watchErrors(pages: Page[]): string[] {
  const errors: string[] = [];
  for (const page of pages) {
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  }
  return errors;
}

describe('meetings', () => {
  test.override('seed', meetingSeed);

  test('the chair drives: confidentiality first, everyone follows, unfollow and rejoin, restricted items stay unlabelled, keyboard order reaches all', async ({ server, newUserContext }) => {
    const published = await publishThemakamer(server.url, server.dataDir);
    const hash = meetingHash(published.meetingId);
    const chair = await open(newUserContext, server.url, 'chair', hash);
    const dirk = await open(newUserContext, server.url, 'vt', hash);
    const petra = await open(newUserContext, server.url, 'police', hash);
    const errors = watchErrors([chair.page, dirk.page, petra.page]);

    // Before the confidentiality confirmation: the statement, no agenda, no case label in the DOM.
    await petra.button('Ik bevestig de geheimhouding en ben aanwezig').waitFor({ timeout: 15_000 });
    await petra.page.getByText(/Wat in dit overleg wordt besproken, is vertrouwelijk\./u).waitFor();
    expect(await petra.agenda().count()).toBe(0);
    for (const label of Object.values(caseLabels)) expect(await petra.page.content()).not.toContain(label);
    await expectNoSeriousA11yViolations(petra.page, 'the confidentiality gate');

    await chair.confirmConfidentiality();
    await dirk.confirmConfidentiality();
    // The chair sees Dirk's confirmation with its time, Petra's not yet.
    await expect.poll(() => chair.attendanceRow('Dirk Deelnemer (fictief)').textContent(), { timeout: 15_000 }).toMatch(/Bevestigd om \d{2}:\d{2}/u);
    expect(await chair.attendanceRow('Petra Politie (fictief)').textContent()).toContain('Nog niet bevestigd');
    await petra.confirmConfidentiality();
    await expect.poll(() => chair.attendanceRow('Petra Politie (fictief)').textContent()).toMatch(/Bevestigd om \d{2}:\d{2}/u);
    await expect.poll(() => dirk.attendanceRow('Petra Politie (fictief)').textContent()).toMatch(/Aanwezig/u);
    // The other participant sees it too, with the time.
    await expect.poll(() => dirk.attendanceRow('Petra Politie (fictief)').textContent()).toMatch(/Bevestigd om \d{2}:\d{2}/u);

    // Standard item first, the case with a child next, then the rest in the chair's order.
    const expected = ['Openstaande acties vorig overleg', caseLabels.linde, caseLabels.eik, caseLabels.berk];
    await expect.poll(() => chair.agendaLabels(), { timeout: 15_000 }).toEqual(expected);
    await expect.poll(() => dirk.agendaLabels(), { timeout: 15_000 }).toEqual(expected);
    // Need-to-know: Petra's agenda has the item, without its label — nowhere in her DOM.
    await expect.poll(() => petra.agendaLabels(), { timeout: 15_000 })
      .toEqual(['Openstaande acties vorig overleg', caseLabels.linde, caseLabels.eik, 'Casus (geen toegang)']);
    expect(await petra.page.content()).not.toContain(caseLabels.berk);

    // The chair reorders by keyboard: Berk up one place; everybody sees the new order, the standard item stays first.
    const up = chair.button(`${caseLabels.berk} omhoog`);
    await up.focus();
    await chair.page.keyboard.press('Enter');
    const reordered = ['Openstaande acties vorig overleg', caseLabels.linde, caseLabels.berk, caseLabels.eik];
    await expect.poll(() => dirk.agendaLabels()).toEqual(reordered);
    await expect.poll(() => petra.agendaLabels())
      .toEqual(['Openstaande acties vorig overleg', caseLabels.linde, 'Casus (geen toegang)', caseLabels.eik]);
    // Moving Linde below the group of cases with children is not offered.
    expect(await chair.button(`${caseLabels.linde} omlaag`).isDisabled()).toBe(true);

    // Meeting mode: start, next — both participants follow.
    await chair.button('Overleg starten').click();
    await expect.poll(() => dirk.currentItem(), { timeout: 10_000 }).toBe('Punt 1: Openstaande acties vorig overleg');
    await chair.button('Volgend punt').click();
    await expect.poll(() => chair.currentItem()).toBe(`Punt 2: ${caseLabels.linde}`);
    await expect.poll(() => dirk.currentItem()).toBe(`Punt 2: ${caseLabels.linde}`);
    await expect.poll(() => petra.currentItem()).toBe(`Punt 2: ${caseLabels.linde}`);
    await petra.page.getByText(/Dit punt: \d+:\d{2}/u).waitFor();

    // Petra unfollows and stays; the chair moves on to Berk: Dirk follows, Petra does not.
    await petra.button('Niet volgen').click();
    await chair.button('Volgend punt').click();
    await expect.poll(() => dirk.currentItem()).toBe(`Punt 3: ${caseLabels.berk}`);
    await petra.page.getByText('U volgt de voorzitter niet.').waitFor();
    expect(await petra.currentItem()).toBe(`Punt 2: ${caseLabels.linde}`);
    // Rejoining jumps to the chair's item — a restricted one for Petra: no label, no content.
    await petra.button('Weer volgen').click();
    await expect.poll(() => petra.currentItem()).toBe('Punt 3: Casus (geen toegang)');
    await petra.page.getByText('U hebt geen toegang tot deze casus. Er wordt niets van getoond.').waitFor();
    expect(await petra.page.content()).not.toContain(caseLabels.berk);
    await expectNoSeriousA11yViolations(petra.page, 'a participant on a restricted item');

    await chair.button('Volgend punt').click();
    await expect.poll(() => petra.currentItem()).toBe(`Punt 4: ${caseLabels.eik}`);
    await expect.poll(() => dirk.currentItem()).toBe(`Punt 4: ${caseLabels.eik}`);
    // The chair's overview: Eik's escalation and its overdue action.
    const overview = chair.page.getByRole('region', { name: 'Overzicht voorzitter' });
    await overview.getByText('1 escalatie').waitFor();
    await overview.getByText('1 actie te laat').waitFor();
    await expectNoSeriousA11yViolations(chair.page, 'the chair driving the meeting');
    expect(errors).toEqual([]);
  }, 120_000);

  test('per item: decision and action; approval freezes the minutes; later edits show as changes; the history shows the board as it was', async ({ server, newUserContext }) => {
    const published = await publishThemakamer(server.url, server.dataDir);
    const hash = meetingHash(published.meetingId);
    const chair = await open(newUserContext, server.url, 'chair', hash);
    const errors = watchErrors([chair.page]);
    await chair.confirmConfidentiality();
    await chair.button('Overleg starten').click();
    await chair.button('Volgend punt').click();
    await expect.poll(() => chair.currentItem(), { timeout: 10_000 }).toBe(`Punt 2: ${caseLabels.linde}`);

    // A decision and an action, agreed on this item.
    const decision = 'Contactverbod handhaven en evalueren over zes weken (fictief).';
    // Other items stay mounted, hidden, on the meeting screen: the field of the item on screen.
    await chair.page.getByLabel('Nieuw besluit', { exact: true }).filter({ visible: true }).fill(decision);
    await chair.button('Besluit vastleggen').click();
    await chair.page.getByRole('listitem').filter({ hasText: decision }).waitFor();
    await chair.button('Actie toevoegen').click();
    const form = chair.page.locator('form.action-form');
    await form.getByLabel('Omschrijving').fill('Slachtoffer informeren over het contactverbod (fictief)');
    await form.getByLabel('Eigenaar').selectOption({ label: 'Dirk Deelnemer (fictief) – Veilig Thuis Testregio' });
    await form.getByLabel('Deadline').fill(dutchDate(7));
    await form.getByRole('button', { name: 'Actie opslaan', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await chair.page.getByText('Slachtoffer informeren over het contactverbod (fictief)').filter({ visible: true }).waitFor();

    // The action is on the case's own action list, from this meeting — seen by Dirk on the board.
    const { page: dirkBoard } = await signedInPage(await newUserContext(), server.url, meetingUsers.vt, `#/casussen/${encodeURIComponent(published.cases.linde)}`);
    const dirkActions = new ActionsPage(dirkBoard);
    const onBoard = dirkActions.boardRegion().getByRole('listitem').filter({ hasText: 'Slachtoffer informeren over het contactverbod (fictief)' });
    await onBoard.waitFor({ timeout: 15_000 });
    expect(await onBoard.textContent()).toContain('Afgesproken in: Overleg');

    // Approve.
    await chair.button('Verslag vaststellen').click();
    await chair.page.getByRole('dialog').getByRole('button', { name: 'Vaststellen', exact: true }).click();
    await chair.page.getByText(/Vastgesteld op \d{2}-\d{2}-\d{4} om \d{2}:\d{2} door Pim Proef \(fictief\) \(versie 1\)\./u).first().waitFor({ timeout: 15_000 });

    // After approval Dirk rewrites the plan's first line on the live board.
    const plan = new PlanPage(dirkBoard);
    const section = 'Situatie en risico';
    await expect.poll(() => plan.editor(section).textContent(), { timeout: 15_000 }).toContain(published.planLine);
    await plan.editor(section).click();
    await dirkBoard.keyboard.press('Control+a');
    await dirkBoard.keyboard.type('Verdachte is verhuisd naar een andere regio (fictief).');
    await expect.poll(() => plan.editor(section).textContent()).not.toContain(published.planLine);

    // The approved version still holds the old line and the decision; the change since approval is listed.
    await chair.button('Vastgestelde versie 1 bekijken').click();
    const approved = chair.page.getByRole('region', { name: 'Vastgestelde versie 1' });
    await approved.getByText(decision).first().waitFor({ timeout: 15_000 });
    const changes = approved.getByRole('article', { name: caseLabels.linde }).locator('.mt-approved__since');
    await expect.poll(() => changes.textContent(), { timeout: 15_000 }).toContain('Verdachte is verhuisd naar een andere regio (fictief).');
    expect(await changes.textContent()).toContain(published.planLine);
    await expectNoSeriousA11yViolations(chair.page, 'the approved version with its changes');

    // History for learning reviews: the board as it was at the meeting, next to today.
    await chair.page.goto(`${server.url}/#/casussen/${encodeURIComponent(published.cases.linde)}/geschiedenis`);
    await chair.page.getByRole('heading', { name: `Geschiedenis van ${caseLabels.linde}` }).waitFor({ timeout: 15_000 });
    const then = chair.page.getByRole('region', { name: /^Zoals vastgesteld op / });
    const today = chair.page.getByRole('region', { name: 'Vandaag', exact: true });
    await expect.poll(() => then.textContent(), { timeout: 15_000 }).toContain(published.planLine);
    await expect.poll(() => today.textContent()).toContain('Verdachte is verhuisd naar een andere regio (fictief).');
    expect(await today.textContent()).not.toContain(published.planLine);
    await expectNoSeriousA11yViolations(chair.page, 'the case history');
    expect(errors).toEqual([]);
  }, 120_000);

  test('per item, notes are co-edited live and each organisation records what it did not share, with who', async ({ server, newUserContext }) => {
    const published = await publishThemakamer(server.url, server.dataDir);
    const hash = meetingHash(published.meetingId);
    const chair = await open(newUserContext, server.url, 'chair', hash);
    const petra = await open(newUserContext, server.url, 'police', hash);
    const errors = watchErrors([chair.page, petra.page]);
    await chair.confirmConfidentiality();
    await petra.confirmConfidentiality();
    await chair.button('Overleg starten').click();
    await chair.button('Volgend punt').click();
    await expect.poll(() => petra.currentItem(), { timeout: 10_000 }).toBe(`Punt 2: ${caseLabels.linde}`);

    // Notes: both type into the item's notes; both screens end with both sentences.
    const notes = (page: Page) => page.getByRole('textbox', { name: 'Aantekeningen', exact: true });
    await notes(chair.page).click();
    await chair.page.keyboard.type('Voorzitter: situatie besproken (fictief).');
    await expect.poll(() => notes(petra.page).textContent(), { timeout: 10_000 }).toContain('Voorzitter: situatie besproken (fictief).');
    await notes(petra.page).click();
    await petra.page.keyboard.press('Control+End');
    await petra.page.keyboard.press('Enter');
    await petra.page.keyboard.type('Politie: melding van vorige week toegelicht (fictief).');
    await expect.poll(() => notes(chair.page).textContent()).toContain('Politie: melding van vorige week toegelicht (fictief).');
    expect(await notes(chair.page).textContent()).toContain('Voorzitter: situatie besproken (fictief).');

    // Informatie niet gedeeld: Petra records it for her organisation; the chair sees organisation, text and who.
    await petra.page.getByLabel('Wat Politie Testeenheid niet deelt, en waarom', { exact: true }).filter({ visible: true }).fill('Lopend opsporingsonderzoek; details volgen na toestemming OM (fictief).');
    await petra.button('Notitie opslaan').click();
    const withheld = chair.page.locator('dl.mt-withheld').filter({ visible: true });
    await expect.poll(() => withheld.textContent(), { timeout: 10_000 }).toContain('Politie Testeenheid');
    expect(await withheld.textContent()).toContain('Lopend opsporingsonderzoek; details volgen na toestemming OM (fictief). (Petra Politie (fictief))');
    await expectNoSeriousA11yViolations(petra.page, 'a participant writing notes and a withheld-information note');

    // The next case waits prepared and hidden; moving on shows it, moving back shows this
    // item again as it was, its notes editor still there and editable at once.
    await expect.poll(() => petra.page.locator('.mt-item__case[hidden]').count()).toBeGreaterThan(0);
    await chair.button('Volgend punt').click();
    await expect.poll(() => petra.currentItem(), { timeout: 10_000 }).toMatch(/^Punt 3: /);
    expect(await notes(petra.page).count()).toBe(1);
    await chair.button('Vorig punt').click();
    await expect.poll(() => petra.currentItem(), { timeout: 10_000 }).toBe(`Punt 2: ${caseLabels.linde}`);
    expect(await notes(petra.page).getAttribute('contenteditable')).toBe('true');
    expect(await notes(petra.page).textContent()).toContain('Politie: melding van vorige week toegelicht (fictief).');
    expect(await withheld.count()).toBe(1);

    // Casus Berk (no notes for this meeting yet, restricted for Petra) is prepared on the
    // chair's screen while Casus Eik is discussed, but its notes are made only once shown.
    await chair.button('Volgend punt').click();
    await expect.poll(() => chair.currentItem(), { timeout: 10_000 }).toBe(`Punt 3: ${caseLabels.eik}`);
    const preparedBerk = chair.page.locator('.mt-item__case[hidden]').filter({ has: chair.page.locator(`a[href*="${encodeURIComponent(published.cases.berk)}"]`) });
    await preparedBerk.waitFor({ state: 'attached' });
    expect(await preparedBerk.locator('.mt-notes').count()).toBe(0);
    await chair.button('Volgend punt').click();
    await expect.poll(() => chair.currentItem(), { timeout: 10_000 }).toBe(`Punt 4: ${caseLabels.berk}`);
    await notes(chair.page).waitFor();
    expect(errors).toEqual([]);
  });

  test('a procesregisseur plans a meeting with invitees; the invitee finds it under Overleggen', async ({ server, newUserContext }) => {
    const { page } = await signedInPage(await newUserContext(), server.url, meetingUsers.chair, '#/overleggen');
    await page.getByRole('button', { name: 'Nieuw overleg', exact: true }).click();
    const form = page.locator('form.mt-form');
    // Nothing filled in: refused in Dutch, nothing created.
    await form.getByRole('button', { name: 'Overleg aanmaken', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Kies het soort overleg.');
    await form.getByLabel('Soort overleg', { exact: true }).selectOption({ label: 'MDO' });
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Datum', { exact: true }).fill(date);
    await form.getByLabel('Begintijd', { exact: true }).fill('10:30');
    await form.getByLabel('Locatie', { exact: true }).fill('Vergaderzaal 3 (fictief)');
    await form.getByLabel('Voorzitter', { exact: true }).selectOption({ label: 'Pim Proef (fictief)' });
    await form.getByLabel('Secretaris', { exact: true }).selectOption({ label: 'Sanne Secretaris (fictief)' });
    await form.getByRole('checkbox', { name: 'Petra Politie (fictief)' }).check();
    await expectNoSeriousA11yViolations(page, 'the new meeting form');
    await form.getByRole('button', { name: 'Overleg aanmaken', exact: true }).click();
    await page.waitForURL(/#\/overleggen\/meeting%3A|#\/overleggen\/meeting:/u, { timeout: 15_000 });

    const petra = await signedInPage(await newUserContext(), server.url, meetingUsers.police, '#/overleggen');
    const row = petra.page.getByRole('row').filter({ hasText: 'Vergaderzaal 3 (fictief)' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('MDO');
    // Dirk was not invited: he does not see it.
    const dirk = await signedInPage(await newUserContext(), server.url, meetingUsers.vt, '#/overleggen');
    await dirk.page.getByText('Er zijn nog geen overleggen').waitFor({ timeout: 15_000 });
    expect(await dirk.page.getByRole('row').filter({ hasText: 'Vergaderzaal 3 (fictief)' }).count()).toBe(0);
  });
});
