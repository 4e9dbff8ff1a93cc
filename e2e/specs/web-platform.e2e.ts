import { describe, expect, test } from '../fixtures/test';

// Issue 2, point 2: in a browser the renderer uses the web implementation of window.api.
describe('the web platform', () => {
  test('has no window.api, and reports itself as the web version served by its own origin', async ({ app, page, server }) => {
    await app.open();
    expect(await page.evaluate(() => 'api' in window)).toBe(false);
    await page.getByRole('button', { name: 'Over Themakamer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Over Themakamer' });
    await dialog.getByText('Webversie in de browser').waitFor();
    const facts = await dialog.locator('dl').innerText();
    expect(facts).toContain('0.1.0');
    expect(facts).toContain(server.url);
  });

  test('page, API and WebSocket share one origin (the sync server serves the renderer)', async ({ app, page, server }) => {
    await app.open();
    const health = await page.evaluate(async () => (await fetch('/healthz')).json());
    expect(health).toEqual({ ok: true });
    const closeCode = await page.evaluate(
      (room) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(`${location.origin.replace(/^http/u, 'ws')}/${room}`);
          socket.onclose = (event) => resolve(event.code);
        }),
      'case:abcdefgh12345678',
    );
    // No token: refused by the auth gate (4401), which proves the socket reached our server.
    expect(closeCode).toBe(4401);
    expect(new URL(page.url()).origin).toBe(server.url);
  });
});
