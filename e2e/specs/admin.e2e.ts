/**
 * "Beheer" for the role beheerder, in Chromium against the real server: organisations and
 * users added, a one-time password that signs in (and then asks to set up two-factor
 * sign-in), disabling, and a reset of the second factor; other roles have no Beheer.
 */
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { defaultSeed, seedPassword, type Seed } from '../fixtures/seed';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { newSeedSecret, nextCode } from '../fixtures/totp';
import { SessionPage } from '../pages/SessionPage';

const bea = { username: 'bea.beheer', name: 'Bea Beheer (fictief)', org: 'zvh', role: 'beheerder' as const, password: seedPassword, totpSecret: newSeedSecret() };
const seed: Seed = { ...defaultSeed, users: [...defaultSeed.users, bea] };

describe('Beheer', () => {
  test.override('seed', seed);

  test('a beheerder adds an organisation and a user, blocks a user and resets a second factor; everything keyboard-reachable and labelled', async ({ context, server, newUserContext, pageErrors }) => {
    const { page } = await signedInPage(context, server.url, bea, '#/beheer');
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: 'Beheer' }).getAttribute('aria-current')).toBe('page');
    const table = page.getByRole('table');
    await table.getByRole('rowheader', { name: 'Dirk Deelnemer (fictief)' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the Beheer screen');

    await page.getByLabel('Id', { exact: true }).fill('om');
    await page.getByLabel('Naam', { exact: true }).last().fill('Openbaar Ministerie Testland (fictief)');
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByRole('status').getByText('Organisatie Openbaar Ministerie Testland (fictief) toegevoegd.').waitFor();

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Gebruiker toevoegen' }) });
    await form.getByLabel('Naam', { exact: true }).fill('Olga Officier (fictief)');
    await form.getByLabel('Gebruikersnaam', { exact: true }).fill('olga.officier');
    await form.getByLabel('Organisatie', { exact: true }).selectOption('om');
    await form.getByLabel('Rol', { exact: true }).selectOption('deelnemer');
    await form.getByRole('button', { name: 'Gebruiker toevoegen' }).press('Enter');
    const password = (await page.getByRole('status').locator('code').textContent()) ?? '';
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await table.getByRole('rowheader', { name: 'Olga Officier (fictief)' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the Beheer screen with a one-time password');

    // The one-time password signs in, and the new account sets up its second factor.
    const olga = new SessionPage(await (await newUserContext()).newPage(), server.url);
    await olga.open();
    await olga.submitSignIn('olga.officier', password);
    await olga.page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();

    await page.getByRole('button', { name: 'Blokkeren: Dirk Deelnemer (fictief)' }).click();
    await page.getByRole('status').getByText('Dirk Deelnemer (fictief) is geblokkeerd').waitFor();
    expect(await table.getByRole('row', { name: /Dirk Deelnemer/u }).getByRole('cell', { name: 'geblokkeerd' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Tweestapsverificatie opnieuw: Pim Proef (fictief)' }).click();
    await page.getByRole('status').getByText('De tweestapsverificatie van Pim Proef (fictief) is gewist').waitFor();
    expect(await table.getByRole('row', { name: /Pim Proef/u }).getByRole('cell', { name: 'nog niet ingesteld' }).count()).toBe(1);
    // Pim now sets the app up again at the next sign-in.
    const pim = new SessionPage(await (await newUserContext()).newPage(), server.url);
    await pim.open();
    await pim.submitSignIn('pim.proef', seedPassword);
    await pim.page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    pageErrors.splice(0);
  });

  test('a beheerder changes a user and an organisation, and imports users from CSV: a dry run with Dutch errors per line, then the import with one-time passwords shown once', async ({ context, server, newUserContext, pageErrors }) => {
    const { page } = await signedInPage(context, server.url, bea, '#/beheer');
    const users = page.getByRole('table', { name: 'Gebruikers', exact: true });
    await users.getByRole('rowheader', { name: 'Dirk Deelnemer (fictief)' }).waitFor();

    // Change a user's role and organisation, and rename an organisation, by keyboard.
    const edit = page.locator('form').filter({ has: page.getByRole('button', { name: 'Wijzigingen opslaan' }) });
    await edit.getByLabel('Gebruiker', { exact: true }).selectOption('sanne.secretaris');
    await edit.getByLabel('Rol', { exact: true }).selectOption('deelnemer');
    await edit.getByLabel('Organisatie', { exact: true }).selectOption('vt');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).press('Enter');
    await page.getByRole('status').getByText('Gegevens van Sanne Secretaris (fictief) gewijzigd.').waitFor();
    const sanne = users.getByRole('row', { name: /Sanne Secretaris/u });
    await sanne.getByRole('cell', { name: 'Deelnemer', exact: true }).waitFor();
    expect(await sanne.getByRole('cell', { name: 'Veilig Thuis Testregio' }).count()).toBe(1);
    await page.getByLabel('Organisatie om te hernoemen', { exact: true }).selectOption('politie');
    await page.getByLabel('Nieuwe naam', { exact: true }).fill('Politie Eenheid Testland (fictief)');
    await page.getByRole('button', { name: 'Naam wijzigen' }).press('Enter');
    await page.getByRole('status').getByText('De organisatie heet nu Politie Eenheid Testland (fictief).').waitFor();
    await users.getByRole('row', { name: /Wendy Waarnemer/u }).getByRole('cell', { name: 'Politie Eenheid Testland (fictief)' }).waitFor();

    // The CSV as Excel writes it in a Dutch locale: BOM, semicolons, CRLF.
    const csv = '\uFEFFgebruikersnaam;naam;organisatie;rol\r\nkees.nieuw;Kees Nieuw (fictief);vt;deelnemer\r\nwendy.waarnemer;;;deelnemer\r\nfout.regel;Fout Regel (fictief);om-bestaat-niet;deelnemer\r\n';
    await page.getByLabel('CSV-bestand', { exact: true }).setInputFiles({ name: 'gebruikers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Proefimport' }).press('Enter');
    const plan = page.getByRole('table', { name: 'Wat de import zou doen' });
    await plan.waitFor();
    await page.getByText('Proefimport: 1 toe te voegen, 1 te wijzigen, 0 ongewijzigd, 1 met een fout. Er is nog niets gewijzigd.').waitFor();
    expect(await plan.getByRole('row').allInnerTexts()).toEqual([
      'Regel\tGebruikersnaam\tResultaat\tToelichting',
      '2\tkees.nieuw\ttoevoegen\tKees Nieuw (fictief), Veilig Thuis Testregio, Deelnemer',
      '3\twendy.waarnemer\twijzigen\trol: Waarnemer → Deelnemer',
      '4\tfout.regel\tfout\tRegel 4: organisatie "om-bestaat-niet" bestaat niet; voeg haar eerst toe onder Organisaties.',
    ]);
    // The dry run changed nothing.
    expect(await users.getByRole('rowheader', { name: 'Kees Nieuw (fictief)' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the CSV dry run');

    await page.getByRole('button', { name: 'Importeren', exact: true }).press('Enter');
    const passwords = page.getByRole('table', { name: 'Eenmalige wachtwoorden' });
    await passwords.waitFor();
    await page.getByText('Geïmporteerd: 1 toegevoegd, 1 gewijzigd.').waitFor();
    expect(await plan.count()).toBe(0);
    const password = (await passwords.getByRole('row', { name: /kees\.nieuw/u }).locator('code').textContent()) ?? '';
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await users.getByRole('rowheader', { name: 'Kees Nieuw (fictief)' }).waitFor();
    await users.getByRole('row', { name: /Wendy Waarnemer/u }).getByRole('cell', { name: 'Deelnemer', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the one-time passwords of an import');
    // Shown once: hidden, they are gone from the page.
    await page.getByRole('button', { name: 'Wachtwoorden verbergen' }).press('Enter');
    expect(await passwords.count()).toBe(0);
    expect(await page.getByText(password).count()).toBe(0);

    // The new account signs in with it and sets up its second factor with a computed code.
    const kees = new SessionPage(await (await newUserContext()).newPage(), server.url);
    await kees.open();
    await kees.submitSignIn('kees.nieuw', password);
    await kees.page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    const secret = (await kees.page.locator('code[data-secret]').getAttribute('data-secret')) ?? '';
    await kees.page.getByLabel('Code uit de app', { exact: true }).fill(await nextCode(server.url, 'kees.nieuw', secret));
    await kees.page.getByRole('button', { name: 'Instellen en inloggen' }).click();
    await kees.page.getByRole('heading', { level: 1, name: 'Bewaar uw herstelcodes' }).waitFor();
    pageErrors.splice(0);
  });

  test('other roles have no Beheer in the menu and the server refuses its API', async ({ app, page, server }) => {
    await app.open('#/casussen');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    const response = await fetch(`${server.url}/api/admin/users`);
    expect(response.status).toBe(401);
  });
});
