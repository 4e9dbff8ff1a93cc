import { describe, expect, test } from '../fixtures/test';

// Issue 2, point 6: keyboard-operable, focus visible and managed.
describe('keyboard use', () => {
  test('Tab starts at the skip link, which moves focus to the screen heading', async ({ app, page }) => {
    await app.open('#/acties');
    await page.keyboard.press('Tab');
    expect(await app.focused()).toMatchObject({ tag: 'a', text: 'Naar de inhoud' });
    expect(await page.getByRole('link', { name: 'Naar de inhoud' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await app.focused()).toMatchObject({ tag: 'h1', text: 'Acties' });
    // The skip link must not act as a route.
    expect(page.url()).toMatch(/#\/acties$/u);
  });

  test('the main menu is reached with Tab and followed with Enter; focus lands on the new heading', async ({ app, page }) => {
    await app.open();
    const seen: string[] = [];
    for (let i = 0; i < 20 && !seen.includes('Casussen'); i += 1) {
      await page.keyboard.press('Tab');
      seen.push((await app.focused()).text);
    }
    // Header controls come first, then the menu in order.
    expect(seen.slice(0, 1)).toEqual(['Naar de inhoud']);
    expect(seen.indexOf('Overleggen')).toBeGreaterThan(0);
    expect(seen.indexOf('Casussen')).toBe(seen.indexOf('Overleggen') + 1);

    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/casussen$/u);
    await expect.poll(async () => (await app.focused()).tag).toBe('h1');
    expect(await app.focused()).toMatchObject({ tag: 'h1', text: 'Casussen' });
    expect(await app.navLink('Casussen').getAttribute('aria-current')).toBe('page');

    // The heading is a start point, not a stop: Tab goes on to the next control after it.
    await page.keyboard.press('Shift+Tab');
    expect((await app.focused()).text).toBe('Monitor');
  });

  test('focus is visible on every menu link (outline drawn)', async ({ app, page }) => {
    await app.open();
    await app.navLink('Acties').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  test('Back and Forward move between screens and keep the menu in step', async ({ app, page }) => {
    await app.open();
    await app.navLink('Casussen').click();
    await app.navLink('Acties').click();
    await page.goBack();
    await expect.poll(() => app.heading().textContent()).toBe('Casussen');
    expect(await app.navLink('Casussen').getAttribute('aria-current')).toBe('page');
    await page.goForward();
    await expect.poll(() => app.heading().textContent()).toBe('Acties');
  });

  test('the "Over Themakamer" dialog keeps focus inside, closes with Escape and gives focus back', async ({ app, page }) => {
    await app.open();
    const opener = page.getByRole('button', { name: 'Over Themakamer' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Over Themakamer' });
    await dialog.waitFor();
    expect(await app.focused()).toMatchObject({ tag: 'button', text: 'Sluiten' });
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await app.focused()).toMatchObject({ tag: 'button', text: 'Over Themakamer' });
  });
});
