import { describe, expect, test } from '../fixtures/test';

// Issue 2, point 6: the sync indicator tells the truth about the connection.
// Every user with a case role now has a room from the start (the region's measures board), so
// the indicator also says when it last synced: the state is what it starts with.
const state = async (app: { syncIndicator(): { textContent(): Promise<string | null> } }) => ((await app.syncIndicator().textContent()) ?? '').replace(/Laatst gesynchroniseerd.*$/u, '');

describe('sync status', () => {
  test('shows offline when the network goes away and online when it comes back, and says so', async ({ app, context }) => {
    await app.open();
    await expect.poll(() => state(app)).toBe('Online');

    await context.setOffline(true);
    await expect.poll(() => state(app)).toBe('Offline');
    expect(await app.syncIndicator().getAttribute('data-sync-state')).toBe('offline');
    await expect.poll(() => app.liveRegion().textContent()).toBe('De verbinding is verbroken. U bent offline.');
    expect(await app.notifications().textContent()).toContain('De verbinding is verbroken. U bent offline.');

    await context.setOffline(false);
    await expect.poll(() => state(app)).toBe('Online');
    await expect.poll(() => app.liveRegion().textContent()).toBe('De verbinding is hersteld. U bent weer online.');
  });

  test('stays offline across screens (the app keeps working without a network)', async ({ app, context }) => {
    await app.open();
    await context.setOffline(true);
    await expect.poll(() => state(app)).toBe('Offline');
    await app.navLink('Acties').click();
    await expect.poll(() => app.heading().textContent()).toBe('Acties');
    expect(await state(app)).toBe('Offline');
  });

  test('a toast can be dismissed with its button', async ({ app, context, page }) => {
    await app.open();
    await context.setOffline(true);
    await app.notifications().waitFor();
    await page.getByRole('button', { name: 'Melding sluiten' }).click();
    await app.notifications().waitFor({ state: 'detached' });
  });
});
