import type { Locator, Page } from 'playwright-core';
import { defaultSeed } from '../fixtures/seed';
import { SessionPage } from './SessionPage';

/** The app frame as a user sees it: found by role and accessible (Dutch) name, never by CSS class. */
export class AppFramePage {
  constructor(
    readonly page: Page,
    /** The server origin, without trailing slash. */
    readonly baseUrl: string,
  ) {}

  private signedIn = false;

  /**
   * Opens the app at a hash route (`#/casussen`) and waits for the screen's heading. The
   * first call signs in as the seed's procesregisseur; later calls change the hash (a
   * reload would lock the vault). Focus then starts at the top of the page, as after a load.
   */
  async open(hash = ''): Promise<void> {
    if (!this.signedIn) {
      await this.page.goto(`${this.baseUrl}/${hash}`);
      await this.heading().waitFor();
      const user = defaultSeed.users[0];
      if (user && (await this.page.getByRole('button', { name: 'Inloggen', exact: true }).count()) > 0) {
        await new SessionPage(this.page, this.baseUrl).signIn(user.username, user.password);
      }
      this.signedIn = true;
    } else {
      await this.page.evaluate((target) => {
        window.location.hash = target;
      }, hash);
    }
    await this.heading().waitFor();
    await this.resetFocus();
  }

  /** Unlocks after a reload with the seed password and waits for the screen's heading. */
  async unlock(password = defaultSeed.users[0]?.password ?? ''): Promise<void> {
    await new SessionPage(this.page, this.baseUrl).unlock(password);
    await this.heading().waitFor();
  }

  /** Puts the keyboard's starting point at the top of the document, as a fresh page load does. */
  async resetFocus(): Promise<void> {
    await this.page.evaluate(() => {
      const marker = document.createElement('span');
      marker.tabIndex = -1;
      document.body.prepend(marker);
      marker.focus();
      marker.remove();
    });
  }

  /** The h1 of the current screen. */
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The heading of the screen's empty state. */
  emptyStateHeading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 2 });
  }

  /** The main menu landmark ("Hoofdmenu" / "Main menu"). */
  nav(name = 'Hoofdmenu'): Locator {
    return this.page.getByRole('navigation', { name });
  }

  /** A main-menu link by its visible name. */
  navLink(name: string, navName?: string): Locator {
    return this.nav(navName).getByRole('link', { name, exact: true });
  }

  /** The sync indicator group ("Verbinding" / "Connection"). */
  syncIndicator(name = 'Verbinding'): Locator {
    return this.page.getByRole('group', { name });
  }

  /** The language switch group ("Taal" / "Language"). */
  languageSwitch(name = 'Taal'): Locator {
    return this.page.getByRole('group', { name });
  }

  /** Switches the UI language with the switch and waits until <html lang> follows. */
  async switchLanguage(to: 'Nederlands' | 'English'): Promise<void> {
    const current = (await this.htmlLang()) === 'en' ? 'Language' : 'Taal';
    await this.languageSwitch(current).getByRole('button', { name: to }).click();
    const lang = to === 'English' ? 'en' : 'nl';
    await this.page.waitForFunction((expected) => document.documentElement.lang === expected, lang);
  }

  /** The `lang` attribute of <html>. */
  htmlLang(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** The accessible name of the focused element and its role-ish tag, for keyboard tests. */
  focused(): Promise<{ tag: string; text: string; href: string | null }> {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      return {
        tag: element?.tagName.toLowerCase() ?? '',
        text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
        href: element?.getAttribute('href') ?? null,
      };
    });
  }

  /** The polite live region screen readers speak from. */
  liveRegion(): Locator {
    return this.page.locator('[role="status"][aria-live="polite"]');
  }

  /** The toasts region ("Meldingen"). */
  notifications(name = 'Meldingen'): Locator {
    return this.page.getByRole('region', { name });
  }
}
