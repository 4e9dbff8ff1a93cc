import { en } from '../../renderer/src/i18n/messages/en';
import { nl } from '../../renderer/src/i18n/messages/nl';
import { defaultSeed } from '../fixtures/seed';
import { describe, expect, test } from '../fixtures/test';

type Tree = { [key: string]: string | Tree };
const texts = (tree: Tree): string[] => Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : texts(value)));

/** Dutch texts that differ from their English counterpart (so seeing one in English mode is a leak). */
const dutchOnly = texts(nl).filter((text) => !texts(en).includes(text) && !text.includes('{{'));

// Issue 2, point 5: Dutch first, English switchable at runtime; <html lang> follows.
describe('language', () => {
  test('the switch changes every text, the page title and <html lang>, and back', async ({ app, page }) => {
    await app.open('#/casussen');
    expect(await app.languageSwitch().getByRole('button', { name: 'Nederlands' }).getAttribute('aria-pressed')).toBe('true');

    await app.switchLanguage('English');
    expect(await app.htmlLang()).toBe('en');
    await expect.poll(() => app.heading().textContent()).toBe('Cases');
    expect(await app.emptyStateHeading().textContent()).toBe('There are no cases yet');
    const links = await app.nav('Main menu').getByRole('link').allTextContents();
    expect(links.map((text) => text.trim())).toEqual(['Meetings', 'Cases', 'Actions', 'Improvement measures', 'Monitor']);
    expect(await page.title()).toBe('Cases – Themakamer');
    expect(await app.languageSwitch('Language').getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    // No Dutch text may be left on screen (every visible string goes through i18n).
    // The signed-in user's organisation is data, not UI text (the fictional ZVH's name is Dutch).
    const visible = await page.evaluate(() => {
      const user = document.querySelector<HTMLElement>('[role="group"][aria-label="User"]');
      if (user) user.style.display = 'none';
      const text = document.body.innerText;
      if (user) user.style.display = '';
      return text;
    });
    expect(dutchOnly.filter((text) => visible.includes(text))).toEqual([]);

    await app.switchLanguage('Nederlands');
    expect(await app.htmlLang()).toBe('nl');
    await expect.poll(() => app.heading().textContent()).toBe('Casussen');
  });

  test('the choice is remembered on reload, per browser profile', async ({ app, page, newUserContext, server }) => {
    await app.open('#/acties');
    await app.switchLanguage('English');
    await page.reload();
    await app.heading().waitFor();
    expect(await app.htmlLang()).toBe('en');
    // A reload locks the vault: the unlock card is in the remembered language too.
    expect(await app.heading().textContent()).toBe('Unlock');
    await page.getByLabel('Password', { exact: true }).fill(defaultSeed.users[0]?.password ?? '');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => app.heading().textContent()).toBe('Actions');

    // Another user (another context) still starts in Dutch.
    const other = await (await newUserContext()).newPage();
    await other.goto(`${server.url}/#/acties`);
    await other.getByRole('heading', { level: 1 }).waitFor();
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await other.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
  });

  test('the switch is announced to screen readers in the new language', async ({ app }) => {
    await app.open();
    await app.switchLanguage('English');
    await expect.poll(() => app.liveRegion().textContent()).toBe('The language is now English.');
  });
});
