import type { Locator, Page } from 'playwright-core';
import { nextCode } from '../fixtures/totp';

/** Signing in and unlocking as a user sees it: found by role and Dutch accessible name. */
export class SessionPage {
  constructor(
    readonly page: Page,
    /** The server origin, without trailing slash. */
    readonly baseUrl: string,
  ) {}

  /** Opens the app (at a hash route) and waits for the sign-in or unlock card or a signed-in screen. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${hash}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  serverField(): Locator {
    return this.page.getByLabel('Server', { exact: true });
  }

  usernameField(): Locator {
    return this.page.getByLabel('Gebruikersnaam', { exact: true });
  }

  passwordField(): Locator {
    return this.page.getByLabel('Wachtwoord', { exact: true });
  }

  /** The error message of the form (role alert). */
  error(): Locator {
    return this.page.getByRole('alert');
  }

  /** Fills the form and presses "Inloggen" (does not wait for the outcome). */
  async submitSignIn(username: string, password: string): Promise<void> {
    await this.usernameField().fill(username);
    await this.passwordField().fill(password);
    await this.page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }

  /** The code field of the two-factor step (after the password). */
  codeField(): Locator {
    return this.page.getByLabel('Code', { exact: true });
  }

  /** Types a code in the two-factor step and presses "Bevestigen" (does not wait for the outcome). */
  async submitCode(code: string): Promise<void> {
    await this.codeField().fill(code);
    await this.page.getByRole('button', { name: 'Bevestigen', exact: true }).click();
  }

  /**
   * Signs in and waits until the main menu is there. When the server asks for the code of
   * the seeded user's authenticator, the code is computed here (e2e/fixtures/totp.ts).
   */
  async signIn(username: string, password: string): Promise<void> {
    await this.submitSignIn(username, password);
    const menu = this.page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.or(this.codeField()).first().waitFor();
    if (await this.codeField().isVisible()) await this.submitCode(await nextCode(this.baseUrl, username));
    await menu.waitFor();
  }

  /** Unlocks after a reload and waits until the main menu is there. */
  async unlock(password: string): Promise<void> {
    await this.passwordField().fill(password);
    await this.page.getByRole('button', { name: 'Ontgrendelen', exact: true }).click();
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
  }

  /** "Uitloggen" in the user menu; waits for the sign-in card. */
  async signOut(): Promise<void> {
    await this.page.getByRole('group', { name: 'Gebruiker' }).getByRole('button', { name: 'Uitloggen' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  }

  /** The sync indicator's state attribute (online, offline, syncing, unauthorized). */
  syncState(): Promise<string | null> {
    return this.page.getByRole('group', { name: 'Verbinding' }).getAttribute('data-sync-state');
  }
}
