/**
 * "Beheer" for the role beheerder, in Chromium against the real server: organisations and
 * users added, a one-time password that signs in (and then asks to set up two-factor
 * sign-in), disabling, and a reset of the second factor; other roles have no Beheer.
 */
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { defaultSeed, seedPassword, type Seed } from '../fixtures/seed';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { newSeedSecret } from '../fixtures/totp';
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

  test('other roles have no Beheer in the menu and the server refuses its API', async ({ app, page, server }) => {
    await app.open('#/casussen');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    const response = await fetch(`${server.url}/api/admin/users`);
    expect(response.status).toBe(401);
  });
});
