import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { describe, expect, test } from '../fixtures/test';

// Issue 2, point 7: axe-core finds no serious or critical violations on any screen.
describe('accessibility (axe-core)', () => {
  test('every section, in Dutch and in English', async ({ app }) => {
    for (const hash of ['#/overleggen', '#/casussen', '#/acties', '#/casussen/case:abcdefgh12345678', '#/onbekend']) {
      await app.open(hash);
      await expectNoSeriousA11yViolations(app.page, `${hash} (nl)`);
    }
    await app.switchLanguage('English');
    for (const hash of ['#/overleggen', '#/casussen', '#/acties']) {
      await app.open(hash);
      await expectNoSeriousA11yViolations(app.page, `${hash} (en)`);
    }
  });

  test('with the dialog open, and offline with a notification showing', async ({ app, context, page }) => {
    await app.open();
    await page.getByRole('button', { name: 'Over Themakamer' }).click();
    await page.getByRole('dialog', { name: 'Over Themakamer' }).getByText('Webversie in de browser').waitFor();
    await expectNoSeriousA11yViolations(page, 'the "Over Themakamer" dialog');
    await page.keyboard.press('Escape');

    await context.setOffline(true);
    await app.notifications().waitFor();
    await expectNoSeriousA11yViolations(page, 'offline with a notification');
  });

  test('at 1024 pixels wide', async ({ app, page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.open('#/casussen');
    await expectNoSeriousA11yViolations(page, '#/casussen at 1024×768');
  });

  test('the check itself fails on a serious violation (guards against a check that cannot fail)', async ({ app, page }) => {
    await app.open();
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'unnamed-button';
      document.querySelector('main')?.append(button);
    });
    await expect(expectNoSeriousA11yViolations(page, 'a page with an unnamed button')).rejects.toThrow(/button-name/u);
  });
});
