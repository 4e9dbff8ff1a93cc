import { describe, expect, test } from '../fixtures/test';

// Issue 2, point 6: the Dutch app frame, served by `npm run web`.
describe('the app frame', () => {
  test('opens in Dutch on Overleggen, with the main menu, landmarks and an empty state that says what to do', async ({ app, page }) => {
    await app.open();
    expect(page.url()).toMatch(/#\/overleggen$/u);
    expect(await app.htmlLang()).toBe('nl');
    expect(await page.title()).toBe('Overleggen – Themakamer');
    await expect.poll(() => app.heading().textContent()).toBe('Overleggen');

    const links = await app.nav().getByRole('link').allTextContents();
    expect(links.map((text) => text.trim())).toEqual(['Overleggen', 'Casussen', 'Acties', 'Verbetermaatregelen', 'Monitor']);
    expect(await app.navLink('Overleggen').getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);

    expect(await app.emptyStateHeading().textContent()).toBe('Er zijn nog geen overleggen');
    expect(await page.getByRole('main').textContent()).toContain('Een procesregisseur plant een overleg met ‘Nieuw overleg’.');
  });

  test.for([
    ['#/casussen', 'Casussen', 'Er zijn nog geen casussen', '‘Nieuwe casus’'],
    ['#/acties', 'Acties', 'Er zijn nog geen acties', 'Elke actie heeft één eigenaar'],
    ['#/overleggen', 'Overleggen', 'Er zijn nog geen overleggen', '‘Nieuw overleg’'],
  ] as const)('%s shows %s with its empty state', async ([hash, title, empty, nextStep], { app, page }) => {
    await app.open(hash);
    expect(await app.heading().textContent()).toBe(title);
    expect(await app.emptyStateHeading().textContent()).toBe(empty);
    expect(await page.getByRole('main').textContent()).toContain(nextStep);
    expect(await app.navLink(title).getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toBe(`${title} – Themakamer`);
  });

  test('a case or meeting it cannot show says so and leads back; unknown addresses get a not-found screen', async ({ app, page }) => {
    await app.open('#/casussen/case:abcdefgh12345678');
    expect(await app.heading().textContent()).toBe('Casus');
    await expect.poll(() => app.emptyStateHeading().textContent()).toBe('Geen toegang tot deze casus');
    expect(await app.navLink('Casussen').getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Terug naar Casussen' }).click();
    await expect.poll(() => app.heading().textContent()).toBe('Casussen');

    await app.open('#/overleggen/meeting:abcdefgh12345678');
    expect(await app.emptyStateHeading().textContent()).toBe('Dit overleg is niet beschikbaar');

    await app.open('#/bestaat-niet');
    expect(await app.heading().textContent()).toBe('Pagina niet gevonden');
    expect(await app.nav().locator('[aria-current="page"]').count()).toBe(0);
  });

  test('shows who is signed in, with their organisation and "Uitloggen"', async ({ app, page }) => {
    await app.open();
    const user = page.getByRole('group', { name: 'Gebruiker' });
    expect(await user.textContent()).toContain('Pim Proef (fictief)');
    await expect.poll(() => user.textContent()).toContain('Zorg- en Veiligheidshuis Testregio');
    expect(await user.getByRole('button', { name: 'Uitloggen' }).count()).toBe(1);
  });

  test('is usable at 1024 pixels wide: menu, status and language switch stay on screen', async ({ app, page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.open();
    for (const locator of [app.navLink('Acties'), app.syncIndicator(), app.languageSwitch(), app.heading()]) {
      const box = await locator.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(1024);
    }
    const scrollsSideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(scrollsSideways).toBe(false);
  });
});
