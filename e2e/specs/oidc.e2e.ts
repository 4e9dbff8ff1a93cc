/**
 * Sign-in with the organisation's own identity provider, in Chromium against the real server
 * (`npm run web`) and a real OpenID Connect provider (oidc-provider, in this process) for the
 * fictional police of the test region: the user chooses "Inloggen via uw organisatie", signs
 * in on the provider's page, comes back, chooses a password for the data on this device and
 * lands in the app signed in; the code never stays in the address; the password form refuses
 * the same user. Axe-clean at each screen.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOidcBindings } from '../../sync-server/src/access/oidc-bindings';
import { adminActor, createAuditLog } from '../../sync-server/src/storage/audit';
import { databaseFile } from '../../sync-server/src/storage/database';
import { openKeyedStore } from '../../sync-server/src/storage/keyed-data-dir';
import { freePort } from '../../sync-server/test/backends';
import { startTestIdp, type TestIdp } from '../../sync-server/test/oidc-provider';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { newContext } from '../fixtures/chromium';
import { defaultSeed, seedDataDir, seedPassword, type Seed } from '../fixtures/seed';
import { signedInPage } from '../fixtures/session';
import { newSeedSecret } from '../fixtures/totp';
import { describe, expect, test } from '../fixtures/test';
import { startWebApp, type WebApp } from '../fixtures/webApp';
import { SessionPage } from '../pages/SessionPage';
import { createOidcSignIn } from '../../electron/main/oidc-sign-in';
import { systemBrowser } from '../../electron/test/system-browser';

const allowHttp = 'THEMAKAMER_OIDC_ALLOW_HTTP_FOR_TESTS';

describe('sign-in with the organisation\'s identity provider', () => {
  test('signs in at the police\'s provider, sets a device password and lands in the app; the password form refuses the same user', async ({ browser }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-e2e-oidc-'));
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    let idp: TestIdp | null = null;
    let server: WebApp | null = null;
    const errors: string[] = [];
    try {
      await seedDataDir(dataDir, defaultSeed);
      idp = await startTestIdp({
        redirectUri: `${appUrl}/api/oidc/callback`,
        accounts: [{ sub: 'pol-000417', preferred_username: 'wendy.waarnemer', name: 'Wendy Waarnemer (fictief)' }],
      });
      server = await startWebApp(dataDir, { port, env: { THEMAKAMER_PUBLIC_URL: appUrl, [allowHttp]: '1' } });
      expect(server.url).toBe(appUrl);
      process.env[allowHttp] = '1';
      const { sql, cipher } = await openKeyedStore({ dataDir }, null);
      try {
        await createOidcBindings(sql, cipher, createAuditLog(sql)).bind({ org: 'politie', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret }, adminActor);
      } finally {
        await sql.close();
        delete process.env[allowHttp];
      }

      const context = await newContext(browser);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && message.location().url.startsWith(appUrl)) errors.push(`console error: ${message.text()}`);
      });
      const session = new SessionPage(page, appUrl);
      await session.open();
      const choose = page.getByRole('button', { name: 'Inloggen via uw organisatie' });
      await choose.waitFor();
      expect(await page.getByLabel('Organisatie', { exact: true }).inputValue()).toBe('politie');
      await expectNoSeriousA11yViolations(page, 'the sign-in screen with sign-in via the organisation');
      await choose.click();

      // The provider's own page (another origin).
      await page.getByRole('heading', { name: 'Inloggen bij de test-identiteitsprovider' }).waitFor();
      expect(new URL(page.url()).origin).toBe(idp.issuer);
      await page.getByLabel('Gebruikersnaam bij je organisatie').fill('wendy.waarnemer');
      await page.getByRole('button', { name: 'Inloggen bij provider' }).click();

      // Back in the app: the one-time code has left the address; a password for this device.
      await page.getByRole('heading', { level: 1, name: 'Gegevens op dit apparaat' }).waitFor();
      expect(page.url()).not.toContain('oidc');
      await page.getByText('U bent aangemeld als Wendy Waarnemer (fictief).', { exact: false }).waitFor();
      await expectNoSeriousA11yViolations(page, 'choosing the device password after the organisation\'s sign-in');
      await page.getByLabel('Wachtwoord voor dit apparaat', { exact: true }).fill('apparaat-wachtwoord-fictief');
      await page.getByLabel('Herhaal het wachtwoord', { exact: true }).fill('apparaat-wachtwoord-fictief');
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
      await page.getByRole('group', { name: 'Gebruiker' }).getByText('Wendy Waarnemer (fictief)').first().waitFor();
      await expectNoSeriousA11yViolations(page, 'signed in via the organisation');

      // After a reload the device password unlocks the data (the server takes no password from Wendy).
      await page.reload();
      await session.unlock('apparaat-wachtwoord-fictief');

      // The server ends her session: the prompt sends her back through her organisation, not to a password.
      const db = new Database(join(dataDir, databaseFile));
      db.prepare('DELETE FROM sessions WHERE username = ?').run('wendy.waarnemer');
      db.close();
      const again = page.getByRole('region', { name: 'Log opnieuw in om te synchroniseren' }).getByRole('button', { name: 'Inloggen via uw organisatie' });
      await again.waitFor({ timeout: 20_000 });
      await expectNoSeriousA11yViolations(page, 'the re-login prompt of a user who signs in via the organisation');
      await again.click();
      const providerLogin = page.getByLabel('Gebruikersnaam bij je organisatie');
      const deviceTitle = page.getByRole('heading', { level: 1, name: 'Gegevens op dit apparaat' });
      await providerLogin.or(deviceTitle).first().waitFor();
      if (await providerLogin.isVisible()) {
        await providerLogin.fill('wendy.waarnemer');
        await page.getByRole('button', { name: 'Inloggen bij provider' }).click();
      }
      await deviceTitle.waitFor();
      // This device has her data already: its password once, no repetition.
      expect(await page.getByLabel('Herhaal het wachtwoord', { exact: true }).count()).toBe(0);
      await page.getByLabel('Wachtwoord voor dit apparaat', { exact: true }).fill('apparaat-wachtwoord-fictief');
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
      expect(await page.getByRole('region', { name: 'Log opnieuw in om te synchroniseren' }).count()).toBe(0);

      // The password form refuses her and says where to go.
      const other = new SessionPage(await (await newContext(browser)).newPage(), appUrl);
      await other.open();
      await other.submitSignIn('wendy.waarnemer', seedPassword);
      await other.error().getByText('Log in via uw eigen organisatie', { exact: false }).waitFor();
      await expectNoSeriousA11yViolations(other.page, 'the password refused for a user of a bound organisation');
      await other.page.context().close();
      await context.close();
      // The API's 401s after the server ended her session are expected; nothing else is.
      expect(errors.filter((error) => !error.includes('status of 401'))).toEqual([]);
    } finally {
      await server?.stop();
      await idp?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('sign-in with the organisation\'s identity provider on desktop (without the Electron binary)', () => {
  test('the desktop path: the main process\'s real handler signs in through the loopback, the card waits with a cancel button, then the device password', async ({ browser }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-e2e-oidc-desktop-'));
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    let idp: TestIdp | null = null;
    let server: WebApp | null = null;
    try {
      await seedDataDir(dataDir, defaultSeed);
      idp = await startTestIdp({
        redirectUri: `${appUrl}/api/oidc/callback`,
        accounts: [{ sub: 'pol-000417', preferred_username: 'wendy.waarnemer', name: 'Wendy Waarnemer (fictief)' }],
      });
      server = await startWebApp(dataDir, { port, env: { THEMAKAMER_PUBLIC_URL: appUrl, [allowHttp]: '1' } });
      process.env[allowHttp] = '1';
      const { sql, cipher } = await openKeyedStore({ dataDir }, null);
      try {
        await createOidcBindings(sql, cipher, createAuditLog(sql)).bind({ org: 'politie', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret }, adminActor);
      } finally {
        await sql.close();
        delete process.env[allowHttp];
      }

      // The main process's handler, for real (loopback listener, start URL, state check); only
      // the system browser is a stand-in: it opens nothing until the test signs the user in there.
      const opened: string[] = [];
      const follow = systemBrowser(appUrl, 'wendy.waarnemer', []);
      const handler = createOidcSignIn({ serverOrigin: appUrl, openExternal: async (url) => void opened.push(url), timeoutMs: 30_000 });

      const context = await newContext(browser);
      const page = await context.newPage();
      await page.exposeFunction('desktopOidcSignIn', (request: { serverUrl: string; org: string }) => handler.signIn(request));
      await page.exposeFunction('desktopOidcCancel', () => handler.cancel());
      // What the preload would expose (the parts this screen uses): a desktop shell on this server.
      await page.addInitScript((serverUrl) => {
        const desktop = window as unknown as { desktopOidcSignIn(request: unknown): Promise<unknown>; desktopOidcCancel(): Promise<boolean> };
        (window as unknown as { api: unknown }).api = {
          getAppInfo: async () => ({ shell: 'desktop', version: '0.0.0-e2e', serverUrl, platform: 'linux' }),
          saveFile: async () => ({ saved: false }),
          signPdf: async () => ({ ok: false, code: 'failed' }),
          openExternal: async () => false,
          wrapKey: async () => ({ available: false, data: null }),
          unwrapKey: async () => ({ available: false, data: null }),
          signInWithOrganisation: (request: unknown) => desktop.desktopOidcSignIn(request),
          cancelOrganisationSignIn: () => desktop.desktopOidcCancel(),
        };
      }, appUrl);
      await page.goto(appUrl);
      const choose = page.getByRole('button', { name: 'Inloggen via uw organisatie' });
      await choose.waitFor();

      // First attempt: cancelled while the browser is open.
      await choose.click();
      const waiting = page.getByText('in het browservenster dat nu is geopend', { exact: false });
      await waiting.waitFor();
      expect(new URL(page.url()).origin).toBe(appUrl);
      await expectNoSeriousA11yViolations(page, 'the desktop sign-in card waiting for the system browser');
      await page.getByRole('button', { name: 'Inloggen annuleren' }).click();
      await waiting.waitFor({ state: 'hidden' });
      expect(await page.getByRole('alert').filter({ hasText: /\S/u }).count()).toBe(0);

      // Second attempt: the user signs in in the browser; the app redeems the code.
      await choose.click();
      await waiting.waitFor();
      expect(opened).toHaveLength(2);
      expect(opened[1]).toMatch(new RegExp(`^${appUrl}/api/oidc/start\\?org=politie&return=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Fcallback&return_state=`, 'u'));
      await follow(opened[1]!);
      await page.getByRole('heading', { level: 1, name: 'Gegevens op dit apparaat' }).waitFor();
      await page.getByText('U bent aangemeld als Wendy Waarnemer (fictief).', { exact: false }).waitFor();
      await page.getByLabel('Wachtwoord voor dit apparaat', { exact: true }).fill('apparaat-wachtwoord-fictief');
      await page.getByLabel('Herhaal het wachtwoord', { exact: true }).fill('apparaat-wachtwoord-fictief');
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
      await context.close();
    } finally {
      await server?.stop();
      await idp?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('Beheer: binding an organisation to its identity provider', () => {
  const bea = { username: 'bea.beheer', name: 'Bea Beheer (fictief)', org: 'zvh', role: 'beheerder' as const, password: seedPassword, totpSecret: newSeedSecret() };
  const seed: Seed = { ...defaultSeed, users: [...defaultSeed.users, bea] };
  test.override('seed', seed);

  test('a beheerder binds Veilig Thuis, the secret is not shown again, and unbinds it; keyboard-operable and labelled', async ({ context, server }) => {
    const { page } = await signedInPage(context, server.url, bea, '#/beheer');
    const section = page.getByRole('region', { name: 'Inloggen via de eigen organisatie' });
    await section.getByText('Nog geen organisatie gekoppeld.').waitFor();
    // `npm run web` without a public address: the screen says sign-in through an organisation waits for it.
    await section.getByText('--public-url', { exact: false }).waitFor();
    await section.getByLabel('Organisatie', { exact: true }).selectOption('vt');
    await section.getByLabel('Issuer-URL', { exact: true }).fill('https://login.veiligthuis.test/realms/vt');
    await section.getByLabel('Client-id', { exact: true }).fill('themakamer-vt');
    await section.getByLabel('Client secret', { exact: true }).fill('fictief-geheim-vt-123');
    await section.getByLabel('Koppelen op', { exact: true }).selectOption('email');
    await section.getByRole('button', { name: 'Organisatie koppelen' }).press('Enter');
    await section.getByRole('status').getByText('logt nu in via de eigen inlogdienst', { exact: false }).waitFor();
    const row = section.getByRole('row', { name: /themakamer-vt/u });
    await row.waitFor();
    expect(await section.getByLabel('Client secret', { exact: true }).inputValue()).toBe('');
    expect(await page.content()).not.toContain('fictief-geheim-vt-123');
    await expectNoSeriousA11yViolations(page, 'the Beheer screen with an identity-provider binding');

    await section.getByRole('button', { name: /^Ontkoppelen: / }).click();
    await section.getByText('Nog geen organisatie gekoppeld.').waitFor();
  });
});
