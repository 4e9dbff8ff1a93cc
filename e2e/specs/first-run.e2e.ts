/**
 * The first run, as a newcomer meets it: `npm run web` on an empty data dir prints a one-time
 * setup link in its terminal; the sign-in screen says so meanwhile; the link asks for the
 * region and the first beheerder, who then sets up two-factor sign-in. `npm run web -- --demo`
 * fills an empty data dir with the fictional region and prints its accounts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { describe, expect, test } from '../fixtures/test';
import { codeAtStep, nextCode } from '../fixtures/totp';
import { startWebApp } from '../fixtures/webApp';
import { SessionPage } from '../pages/SessionPage';

describe('first run', () => {
  test.override('seed', { orgs: [], users: [], grants: [] });

  test('an empty data dir: the terminal shows a one-time setup link, the browser sets up the region and its first beheerder', async ({ page, server, pageErrors }) => {
    const session = new SessionPage(page, server.url);
    await session.open();
    await page.getByText('Deze server is nog niet ingericht. De eenmalige inrichtingslink staat in het terminalvenster').waitFor();
    await expectNoSeriousA11yViolations(page, 'the sign-in card while setup waits');

    const link = /Open this one-time setup link: (\S+)/u.exec(server.output())?.[1] ?? '';
    expect(link).toMatch(new RegExp(`^${server.url}/#/inrichten/[A-Za-z0-9_-]{43}$`, 'u'));
    expect(server.output()).toContain('Themakamer setup: deze server heeft nog geen gebruikers. Open deze eenmalige inrichtingslink:');

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Themakamer inrichten' }).waitFor();
    await page.getByLabel('Naam van de regio', { exact: true }).fill('Regio Proefstad (fictief)');
    await page.getByLabel('Uw naam', { exact: true }).fill('Bea Beheer (fictief)');
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill('bea.beheer');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
    await page.getByRole('button', { name: 'Inrichten' }).click();
    // Refused at the field, before the server is asked.
    await page.getByText('Kies een wachtwoord van minstens 8 tekens.').waitFor();
    await expectNoSeriousA11yViolations(page, 'the setup form with an error');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('fictief-beheer-wachtwoord-1');
    await page.getByRole('button', { name: 'Inrichten' }).click();

    // The new account signs in at once and sets up its second factor.
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    expect(page.url()).not.toContain('inrichten');
    const secret = (await page.locator('code[data-secret]').getAttribute('data-secret')) ?? '';
    await page.getByLabel('Code uit de app', { exact: true }).fill(await nextCode(server.url, 'bea.beheer', secret));
    await page.getByRole('button', { name: 'Instellen en inloggen' }).click();
    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.getByRole('group', { name: 'Gebruiker' }).getByText('Bea Beheer (fictief)').waitFor();

    // The link is spent: opened again (signed out) it says so.
    await session.signOut();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Themakamer inrichten' }).waitFor();
    await page.getByLabel('Naam van de regio', { exact: true }).fill('Nog een regio');
    await page.getByLabel('Uw naam', { exact: true }).fill('Iemand Anders');
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill('iemand.anders');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('ander-wachtwoord-1');
    await page.getByRole('button', { name: 'Inrichten' }).click();
    await page.getByText('Deze server is al ingericht. Log in met uw account.').waitFor();
    // The refused second setup was answered 409: the browser logs it.
    pageErrors.splice(0);
  });

  test('`npm run web -- --demo` on an empty data dir prints the fictional accounts with their two-factor secrets; one signs in', async ({ newUserContext }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-e2e-demo-'));
    const web = await startWebApp(dataDir, { args: ['--demo'] });
    try {
      const line = /^\s{2}(paula\.procesregie)\s+(\S+)\s+totp:([A-Z2-7]{32})\s/mu.exec(web.output());
      expect(line, web.output()).not.toBeNull();
      const [, username = '', password = '', secret = ''] = line ?? [];
      expect(web.output()).not.toContain('inrichtingslink');
      const page = await (await newUserContext()).newPage();
      const session = new SessionPage(page, web.url);
      await session.open('#/casussen');
      await session.submitSignIn(username, password);
      // The demo signed this account in with the previous step's code; the next step is surely unspent.
      await session.submitCode(codeAtStep(secret, Math.floor(Date.now() / 30_000) + 1));
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
      await page.close();
    } finally {
      await web.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
