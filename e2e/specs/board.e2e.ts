import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { createTestCase, dutchDate, seedUser, seedWithGrants } from '../fixtures/plan';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { BoardPage } from '../pages/BoardPage';

// Issue 4: the case board — header, persons, risk, measures, contacts, timeline, escalation;
// co-edited by users of different organisations; read-only for view access.
const room = 'case:e2eboard00000001';
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const wendy = seedUser('wendy.waarnemer');
const label = 'Casus 2026-401 (fictief)';

describe('the case board', () => {
  test.override('seed', seedWithGrants([
    { room, username: 'pim.proef', access: 'edit' },
    { room, username: 'dirk.deelnemer', access: 'edit' },
    { room, username: 'wendy.waarnemer', access: 'view' },
  ]));

  test('edits by one user appear for a user of another organisation, both ways', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label });
    const hash = `#/casussen/${encodeURIComponent(room)}`;
    const a = await signedInPage(await newUserContext(), server.url, pim, hash);
    const b = await signedInPage(await newUserContext(), server.url, dirk, hash);
    const boardA = new BoardPage(a.page);
    const boardB = new BoardPage(b.page);
    await boardA.heading().getByText(label).waitFor();
    await boardB.heading().getByText(label).waitFor();

    // A (ZVH): a person, a measure ending in 5 days, the SASH screening.
    await boardA.addPerson('slachtoffer', 'Noor Nepnaam');
    await boardA.panel('Maatregelen').getByRole('button', { name: 'Maatregel toevoegen' }).click();
    await boardA.select('Maatregel', 'contactverbod');
    await boardA.fill(/^Begindatum/, dutchDate(-30));
    await boardA.fill(/^Einddatum/, dutchDate(5));
    await boardA.save();
    await boardA.panel('Risico').getByRole('button', { name: 'Vastleggen SASH-screening (politie)' }).click();
    await boardA.select('Niveau', 'hoog');
    await boardA.save();

    await boardB.panel('Betrokkenen').getByRole('listitem').filter({ hasText: 'Noor Nepnaam' }).waitFor();
    await boardB.panel('Maatregelen').getByText('Loopt af over 5 dagen').waitFor();
    expect(await boardB.panel('Risico').textContent()).toContain('Hoog');
    expect(await boardB.panel('Risico').textContent()).toContain('Pim Proef (fictief)');

    // B (Veilig Thuis): a timeline event and the VT contact point.
    await boardB.panel('Tijdlijn').getByRole('button', { name: 'Gebeurtenis toevoegen' }).click();
    await boardB.select('Soort', 'overtreding');
    await boardB.fill('Omschrijving', 'Fictief: contact gezocht ondanks contactverbod.');
    await boardB.save();
    await boardB.panel('Contactpersonen').getByRole('button', { name: 'Contactpersoon vastleggen' }).click();
    await boardB.select('Organisatie', 'vt');
    await boardB.select(/^Gebruiker van Themakamer/, 'dirk.deelnemer');
    await boardB.fill(/^Functie/, 'procesregisseur VT');
    await boardB.save();

    await boardA.panel('Tijdlijn').getByText('Fictief: contact gezocht ondanks contactverbod.').waitFor();
    const timelineRow = boardA.panel('Tijdlijn').getByRole('row').filter({ hasText: 'Fictief: contact gezocht' });
    expect(await timelineRow.textContent()).toContain('Overtreding voorwaarden');
    expect(await timelineRow.textContent()).toContain('Dirk Deelnemer (fictief)');
    await boardA.panel('Contactpersonen').getByText('procesregisseur VT').waitFor();

    // A header change by A reaches B's header.
    await a.page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    await boardA.select('Status', 'monitoring');
    await boardA.save();
    await expect.poll(() => boardB.facts().textContent()).toContain('Monitoring');
  });

  test('one contact point per organisation: a second one says it replaces the current one, and does', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label });
    const { page } = await signedInPage(await newUserContext(), server.url, pim, `#/casussen/${encodeURIComponent(room)}`);
    const board = new BoardPage(page);
    const contacts = board.panel('Contactpersonen');
    await contacts.getByRole('button', { name: 'Contactpersoon vastleggen' }).click();
    await board.select('Organisatie', 'politie');
    await board.fill('Naam', 'Agent Aanname');
    await board.save();
    await contacts.getByRole('button', { name: 'Contactpersoon vastleggen' }).click();
    await board.select('Organisatie', 'politie');
    await board.dialog().getByText('Dit vervangt de huidige contactpersoon van Politie Testeenheid (Agent Aanname).').waitFor();
    await board.fill('Naam', 'Brigadier Bedacht');
    await expectNoSeriousA11yViolations(page, 'the contact dialog with the replace note');
    await board.save();
    await contacts.getByRole('listitem').filter({ hasText: 'Brigadier Bedacht' }).waitFor();
    expect(await contacts.textContent()).not.toContain('Agent Aanname');
    expect(await contacts.getByRole('listitem').count()).toBe(1);
  });

  test('measures: expired and expiring within 14 days are flagged in words; a bad date range is refused in Dutch', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label });
    const { page } = await signedInPage(await newUserContext(), server.url, pim, `#/casussen/${encodeURIComponent(room)}`);
    const board = new BoardPage(page);
    const measures = board.panel('Maatregelen');
    const add = async (kind: string, start: string, end: string): Promise<void> => {
      await measures.getByRole('button', { name: 'Maatregel toevoegen' }).click();
      await board.select('Maatregel', kind);
      await board.fill(/^Begindatum/, start);
      await board.fill(/^Einddatum/, end);
      await board.save();
    };
    await add('locatieverbod', dutchDate(-60), dutchDate(-2));
    await add('enkelband', dutchDate(-10), dutchDate(14));
    await add('aware', dutchDate(-10), dutchDate(40));
    await measures.getByText(/^Verlopen sinds/).waitFor();
    expect(await measures.textContent()).toContain('Loopt af over 14 dagen');
    expect(await measures.textContent()).toContain('Van kracht');

    await measures.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    await board.fill(/^Begindatum/, dutchDate(10));
    await board.fill(/^Einddatum/, dutchDate(1));
    await board.dialog().getByRole('button', { name: 'Opslaan' }).click();
    await board.dialog().getByText('De einddatum ligt voor de begindatum. Pas een van beide aan.').waitFor();
    expect(await board.dialog().getByLabel(/^Einddatum/).getAttribute('aria-invalid')).toBe('true');
    await board.dialog().getByRole('button', { name: 'Annuleren' }).click();
    expect(await measures.getByRole('listitem').count()).toBe(3);
  });

  test('escalation: level and reason land on the timeline', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label });
    const { page } = await signedInPage(await newUserContext(), server.url, pim, `#/casussen/${encodeURIComponent(room)}`);
    const board = new BoardPage(page);
    await page.getByRole('button', { name: 'Escaleren', exact: true }).click();
    await board.dialog().getByRole('button', { name: 'Escaleren' }).click();
    await board.dialog().getByText('Vul de reden van de escalatie in.').waitFor();
    await board.select('Niveau', 'bestuurlijk');
    await board.fill('Reden', 'Fictief: geen doorbraak op tactisch niveau.');
    await board.save('Escaleren');
    const row = board.panel('Tijdlijn').getByRole('row').filter({ hasText: 'Fictief: geen doorbraak' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Escalatie');
    expect(await row.textContent()).toContain('Niveau Bestuurlijk');
  });

  test('view access shows everything, read-only, with no edit controls; axe finds nothing on the board', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label, personName: 'Vera Verdicht' });
    const { page } = await signedInPage(await newUserContext(), server.url, wendy, `#/casussen/${encodeURIComponent(room)}`);
    const board = new BoardPage(page);
    await board.heading().getByText(label).waitFor();
    await board.panel('Betrokkenen').getByRole('listitem').filter({ hasText: 'Vera Verdicht' }).waitFor();
    await page.getByText('U kunt deze casus alleen bekijken.').waitFor();
    expect(await board.editControls().count()).toBe(0);
    // The person's name is on the board, never in the title.
    expect(await page.title()).toBe('Casus – Themakamer');
    await expectNoSeriousA11yViolations(page, 'the board (view access)');

    const editor = await signedInPage(await newUserContext(), server.url, pim, `#/casussen/${encodeURIComponent(room)}`);
    await new BoardPage(editor.page).heading().getByText(label).waitFor();
    await expectNoSeriousA11yViolations(editor.page, 'the board (edit access)');
  });
});
