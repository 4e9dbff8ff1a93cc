import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { chromiumArgs, contextDefaults } from '../fixtures/chromium';
import { repoRoot, chromiumPath } from '../fixtures/paths';
import { createTestCase, seedUser, seedWithGrants } from '../fixtures/plan';
import {
  buildOtherVersion, cacheStorage, entryScriptOf, filesUnder, foundUnder, runningBuild, waitForOfflineShell,
} from '../fixtures/serviceWorker';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { startWebApp, type WebApp } from '../fixtures/webApp';
import { BoardPage } from '../pages/BoardPage';
import { PlanPage } from '../pages/PlanPage';
import { SessionPage } from '../pages/SessionPage';

// Issue 17, part 1: the web app starts without a network. After one online visit the service
// worker has the app shell; a reload with no network (context offline and the server
// stopped) loads the app, the vault unlocks with the password and every case opens from it.
const room = 'case:e2eofflinestart01';
const hash = `#/casussen/${encodeURIComponent(room)}`;
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const section = 'Situatie en risico';
const base = 'Fictief: betrokkene meldt berichten van de ex-partner.';
const offlineNotice = 'U werkt offline; wijzigingen worden later gesynchroniseerd';
const builtRenderer = join(repoRoot, 'out/renderer');

/** Console errors of a page, collected so a test can allow exactly the offline ones. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Everything but the browser's own reports of requests that could not reach the stopped server. */
function unexpectedErrors(errors: readonly string[]): string[] {
  return errors.filter((line) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/u.test(line));
}

/** The server's port, to start it again on the same address (the service worker is per origin). */
function portOf(server: WebApp): number {
  return Number(new URL(server.url).port);
}

describe('offline start of the web app', () => {
  test.override('seed', seedWithGrants([
    { room, username: 'pim.proef', access: 'edit' },
    { room, username: 'dirk.deelnemer', access: 'edit' },
  ]));

  test('the built service worker precaches every asset of the build, and no API or room path', async () => {
    const worker = await readFile(join(builtRenderer, 'sw.js'), 'utf8');
    const assets = await readdir(join(builtRenderer, 'assets'));
    expect(assets.length).toBeGreaterThan(5);
    for (const asset of assets) expect(worker, asset).toContain(`"assets/${asset}"`);
    expect(worker).toContain('"index.html"');
    // Runtime caching is off: the only route besides the precache is the navigation fallback,
    // and that one refuses the API, the health check and the rooms' WebSocket path.
    expect(worker).not.toMatch(/NetworkFirst|StaleWhileRevalidate|CacheFirst|NetworkOnly/u);
    expect(worker).toContain('denylist:[/^\\/api(\\/|$)/u,/^\\/healthz$/u,/^\\/(case|meeting|measures)(:|%3A)/iu]');
  });

  test('after one online visit: reload with no network, unlock, open and edit the case offline; back online the edit reaches the server', async ({ server, newUserContext }) => {
    const label = 'Casus 2026-701 (fictief)';
    await createTestCase(server.url, pim, { room, label, plan: { 'situatie-en-risico': [base] } });
    const context = await newUserContext();
    const { page, session } = await signedInPage(context, server.url, dirk, hash);
    const plan = new PlanPage(page);
    const board = new BoardPage(page);
    await expect.poll(() => plan.text(section), { timeout: 15_000 }).toBe(base);
    await expect.poll(() => session.syncState(), { timeout: 15_000 }).toBe('online');
    await waitForOfflineShell(page);
    const errors = collectErrors(page);

    // No network at all: the browser is offline and the server is gone too, so nothing can
    // come from it whatever the service worker would try.
    await context.setOffline(true);
    await server.stop();
    // As after Chromium's idle timeout (~30 s) or the next morning: the worker is not running
    // and must start from what the profile kept, with no network.
    const devtools = await context.newCDPSession(page);
    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');
    await devtools.detach();
    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(200);
    expect(await session.heading().textContent()).toBe('Ontgrendelen');
    await session.unlock(dirk.password);
    await expect.poll(() => session.syncState()).toBe('offline');
    await page.getByText(offlineNotice).first().waitFor();
    await board.heading().getByText(label).waitFor({ timeout: 15_000 });
    await expect.poll(() => plan.text(section), { timeout: 15_000 }).toBe(base);
    await plan.typeAtEnd(section, ' Offline na herstart aangevuld.');
    await board.addPerson('overig', 'Olaf Offline');
    expect(await plan.text(section)).toBe(`${base} Offline na herstart aangevuld.`);
    // The case list works from the vault as well.
    await page.evaluate(() => {
      window.location.hash = '#/casussen';
    });
    await page.getByRole('link', { name: label }).waitFor();
    await page.goBack();
    await board.heading().getByText(label).waitFor();

    // Back online: the same server (same address and data) starts again; the edit merges.
    const again = await startWebApp(server.dataDir, { port: portOf(server) });
    try {
      await context.setOffline(false);
      await expect.poll(() => session.syncState(), { timeout: 30_000 }).toBe('online');
      const other = await signedInPage(await newUserContext(), again.url, pim, hash);
      const otherPlan = new PlanPage(other.page);
      await expect.poll(() => otherPlan.text(section), { timeout: 15_000 }).toBe(`${base} Offline na herstart aangevuld.`);
      await new BoardPage(other.page).panel('Betrokkenen').getByRole('listitem').filter({ hasText: 'Olaf Offline' }).waitFor({ timeout: 15_000 });
      expect(unexpectedErrors(errors)).toEqual([]);
      await other.page.context().close();
      await context.close();
    } finally {
      await again.stop();
    }
  });

  test('a new version between two visits waits; "Nieuwe versie beschikbaar" loads it on click without losing an edit, and it is taken at the next start', async ({ server, newUserContext }) => {
    const otherBuild = await mkdtemp(join(tmpdir(), 'themakamer-e2e-build-b-'));
    let second: WebApp | null = null;
    try {
      buildOtherVersion(otherBuild);
      const buildA = await entryScriptOf(builtRenderer);
      const buildB = await entryScriptOf(otherBuild);
      expect(buildB).not.toBe(buildA);

      const label = 'Casus 2026-702 (fictief)';
      await createTestCase(server.url, pim, { room, label, plan: { 'situatie-en-risico': [base] } });
      const context = await newUserContext();
      const { page, session } = await signedInPage(context, server.url, dirk, hash);
      const plan = new PlanPage(page);
      await expect.poll(() => plan.text(section), { timeout: 15_000 }).toBe(base);
      await waitForOfflineShell(page);
      expect(await runningBuild(page)).toBe(buildA);

      // The release: the same address now serves build B.
      await server.stop();
      second = await startWebApp(server.dataDir, { port: portOf(server), rendererDir: otherBuild });

      // The next visit still runs A (a reload does not swap versions under an open tab); the
      // browser finds B, installs it in the background and the app offers it.
      await page.reload();
      await session.unlock(dirk.password);
      expect(await runningBuild(page)).toBe(buildA);
      const notice = page.getByRole('status').filter({ hasText: 'Nieuwe versie beschikbaar.' });
      await notice.waitFor({ timeout: 30_000 });
      await expect.poll(() => session.syncState(), { timeout: 15_000 }).toBe('online');
      await expectNoSeriousA11yViolations(page, 'the board with "Nieuwe versie beschikbaar"');
      // Nothing is swapped while the user works: still A, still the same page.
      await plan.typeAtEnd(section, ' Eerste aanvulling.');
      expect(await runningBuild(page)).toBe(buildA);

      // An edit typed right before the click, then the click by keyboard.
      await plan.typeAtEnd(section, ' Vlak voor de update.');
      const load = notice.getByRole('button', { name: 'Nieuwe versie laden', exact: true });
      await load.focus();
      const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
      await page.keyboard.press('Enter');
      await navigated;
      await session.heading().filter({ hasText: 'Ontgrendelen' }).waitFor();
      expect(await runningBuild(page)).toBe(buildB);
      await session.unlock(dirk.password);
      const expected = `${base} Eerste aanvulling. Vlak voor de update.`;
      await expect.poll(() => plan.text(section), { timeout: 15_000 }).toBe(expected);
      expect(await page.getByText('Nieuwe versie beschikbaar.').count()).toBe(0);
      // And the server has it.
      const other = await signedInPage(await newUserContext(), second.url, pim, hash);
      await expect.poll(() => new PlanPage(other.page).text(section), { timeout: 15_000 }).toBe(expected);

      // The next start: a third build would wait the same way; here, closing every tab of the
      // version that waited is enough to take it. Back to build A to see it swap at start.
      await other.page.context().close();
      await page.close();
      await second.stop();
      second = await startWebApp(server.dataDir, { port: portOf(server) });
      const first = await context.newPage();
      await first.goto(`${second.url}/${hash}`);
      await new SessionPage(first, second.url).heading().waitFor();
      // This start still runs B (it was active); the browser now installs A as the new version.
      expect(await runningBuild(first)).toBe(buildB);
      await expect.poll(() => first.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), { timeout: 30_000 }).toBe(true);
      await first.close();
      // The next start, with no tab of the old version left, runs the new one, unasked.
      await expect.poll(async () => {
        const next = await context.newPage();
        try {
          await next.goto(`${second!.url}/`);
          return await runningBuild(next);
        } finally {
          await next.close();
        }
      }, { timeout: 20_000 }).toBe(buildA);
      await context.close();
    } finally {
      await second?.stop();
      await rm(otherBuild, { recursive: true, force: true });
    }
  });

  test('an app older or newer than the server\'s protocol says so in Dutch', async ({ server, newUserContext }) => {
    const context = await newUserContext();
    // A server of a later release first, then one from before GET /api/version existed.
    let answer = { status: 200, body: { protocol: 99, app: '9.9.9' } as object };
    await context.route(`${server.url}/api/version`, (route) => route.fulfill({
      status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body),
    }));
    const { page } = await signedInPage(context, server.url, pim, '#/casussen');
    const older = page.getByRole('status').filter({ hasText: 'Deze versie van Themakamer is ouder dan die van de server (protocol 2, server 99)' });
    await older.waitFor();
    expect(await older.textContent()).toContain('neem dan contact op met uw beheerder');
    await expectNoSeriousA11yViolations(page, 'the app older than the server');

    answer = { status: 404, body: { error: 'not_found' } };
    await page.reload();
    await new SessionPage(page, server.url).unlock(pim.password);
    await page.getByRole('status').filter({ hasText: 'Deze versie van Themakamer is nieuwer dan die van de server (protocol 2, server 0)' }).waitFor();
    await context.unroute(`${server.url}/api/version`);
  });
});

describe('what the service worker keeps', () => {
  test.override('seed', seedWithGrants([{ room, username: 'pim.proef', access: 'edit' }]));

  test('no case content and no token in Cache Storage or anywhere the service worker keeps data on disk; sign-out works offline', async ({ server }) => {
    const profile = await mkdtemp(join(tmpdir(), 'themakamer-e2e-profile-'));
    let context: BrowserContext | null = null;
    try {
      const marker = 'Kenmerk-Q7ZX-fictief';
      const label = `Casus 2026-703 ${marker}`;
      await createTestCase(server.url, pim, { room, label, plan: { 'situatie-en-risico': [`${base} ${marker}-plan`] }, personName: `Petra ${marker}-persoon` });
      context = await chromium.launchPersistentContext(profile, { ...contextDefaults, executablePath: chromiumPath, args: chromiumArgs });
      const tokens: string[] = [];
      context.on('response', (response) => {
        // The token comes with the second step (the password step answers with a ticket).
        if (!/\/api\/login(\/code)?$/u.test(response.url())) return;
        response.json().then((body: { token?: string }) => body.token && tokens.push(body.token), () => {});
      });
      const { page, session } = await signedInPage(context, server.url, pim, hash);
      const plan = new PlanPage(page);
      await expect.poll(() => plan.text(section), { timeout: 15_000 }).toContain(`${marker}-plan`);
      await plan.typeAtEnd(section, ` ${marker}-getypt`);
      await expect.poll(() => session.syncState(), { timeout: 15_000 }).toBe('online');
      await waitForOfflineShell(page);
      expect(tokens).toHaveLength(1);

      // Used offline too (the shell from the cache), then signed out offline: the sign-in
      // card comes back, from the service worker, and the same password still opens the vault.
      await context.setOffline(true);
      await page.reload();
      await session.unlock(pim.password);
      await new BoardPage(page).heading().getByText(label).waitFor({ timeout: 15_000 });
      await plan.typeAtEnd(section, ` ${marker}-offline`);
      await session.signOut();
      await page.reload();
      expect(await session.heading().textContent()).toBe('Inloggen');
      await session.signIn(pim.username, pim.password);
      expect(await session.syncState()).toBe('offline');
      await expect.poll(() => plan.text(section), { timeout: 15_000 }).toContain(`${marker}-offline`);

      // What the origin's Cache Storage holds: the precached shell, nothing else.
      const cached = await cacheStorage(page);
      expect(cached.map((cache) => cache.name)).toEqual([expect.stringMatching(/^workbox-precache-v2-/u)]);
      for (const path of cached[0]?.paths ?? []) expect(path).toMatch(/^\/(index\.html|assets\/[^/]+)$/u);
      await context.close();
      context = null;

      // On disk: the service worker's script cache, its registration database and Cache
      // Storage, and the browser's HTTP cache.
      const dirs = ['Default/Service Worker', 'Default/Cache'].map((dir) => join(profile, dir));
      const swFiles = await filesUnder(dirs[0]!);
      expect(swFiles.some((file) => file.startsWith('CacheStorage/'))).toBe(true);
      const secrets = [marker, label, tokens[0]!];
      const found = (await Promise.all(dirs.map((dir) => foundUnder(dir, secrets)))).flat();
      // Control: the scan reads the cached app itself (a text of the update notice in its bundle).
      const control = await foundUnder(dirs[0]!, ['Nieuwe versie beschikbaar.']);
      expect(control.length).toBeGreaterThan(0);
      expect(found).toEqual([]);
    } finally {
      await context?.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
