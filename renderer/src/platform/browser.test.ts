import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestP12 } from '../pdf/testing/certificates';
import type { platformForTests } from './testing/browserEntry';

// The web Api in a real browser: a Vite bundle of platform/ (with the signer as its own
// lazily loaded chunk, as in the app) served from a made-up origin to Chromium.

declare global {
  interface Window {
    ThemakamerPlatform: typeof platformForTests;
  }
}

const ORIGIN = 'http://themakamer.test';
const entry = fileURLToPath(new URL('./testing/browserEntry.ts', import.meta.url));
const files = new Map<string, string>();
let entryFile = '';
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let signerChunkRequests = 0;

beforeAll(async () => {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    define: { global: 'globalThis', 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  for (const file of outputs.flatMap((output) => output.output)) {
    if (file.type !== 'chunk') continue;
    files.set(`/${file.fileName}`, file.code);
    if (file.isEntry) entryFile = file.fileName;
  }
  if (!entryFile || files.size < 2) throw new Error('expected an entry chunk and a separate signer chunk');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  if (!browser) throw new Error('no browser');
  context = await browser.newContext({ acceptDownloads: true });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      await route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="nl"><script type="module" src="/${entryFile}"></script></html>` });
      return;
    }
    if (path !== `/${entryFile}`) signerChunkRequests += 1;
    const code = files.get(path);
    await (code === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ contentType: 'text/javascript', body: code }));
  });
  // Stands in for the outside world: no network here.
  await context.route('https://example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>extern</title>' }));
  signerChunkRequests = 0;
  page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'ThemakamerPlatform' in window);
});

afterEach(async () => {
  await context.close();
});

describe('the web Api in Chromium', () => {
  it('is what getApi returns without window.api, and reports the page origin as the server', async () => {
    // Only the entry was loaded so far: signing code stays out of the first load.
    expect(signerChunkRequests).toBe(0);
    const info = await page.evaluate(() => window.ThemakamerPlatform.getApi().getAppInfo());
    expect(info).toMatchObject({ shell: 'web', serverUrl: ORIGIN });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/u);
  });

  it('defers to window.api when the desktop preload set it', async () => {
    const shell = await page.evaluate(async () => {
      const desktop = window.ThemakamerPlatform.createWebApi(window);
      window.api = { ...desktop, getAppInfo: async () => ({ shell: 'desktop', version: '9.9.9', serverUrl: null, platform: 'test' }) };
      return (await window.ThemakamerPlatform.getApi().getAppInfo()).shell;
    });
    expect(shell).toBe('desktop');
  });

  it('saves a file as a download with the given name and exactly the given bytes', async () => {
    const bytes = Array.from({ length: 256 }, (_, i) => i);
    const [download, result] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(
        (data) => window.ThemakamerPlatform.getApi().saveFile({ suggestedName: 'Verslag themakamer 28-11-2025.pdf', mimeType: 'application/pdf', data: new Uint8Array(data) }),
        bytes,
      ),
    ]);
    expect(result).toEqual({ saved: true, path: null });
    expect(download.suggestedFilename()).toBe('Verslag themakamer 28-11-2025.pdf');
    const path = await download.path();
    expect([...(await readFile(path))]).toEqual(bytes);
    // The temporary anchor is gone again.
    expect(await page.evaluate(() => document.querySelectorAll('a[download]').length)).toBe(0);
  });

  it('opens https links in a new tab that has no handle on the app, and refuses other schemes', async () => {
    const [popup, opened] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate(() => window.ThemakamerPlatform.getApi().openExternal('https://example.org/handreiking')),
    ]);
    expect(opened).toBe(true);
    await popup.waitForLoadState();
    expect(popup.url()).toBe('https://example.org/handreiking');
    expect(await popup.evaluate(() => window.opener)).toBeNull();

    const refused = await page.evaluate(async () => {
      const api = window.ThemakamerPlatform.getApi();
      return Promise.all(['javascript:alert(1)', 'http://example.org/', 'file:///etc/passwd'].map((url) => api.openExternal(url)));
    });
    expect(refused).toEqual([false, false, false]);
    expect(context.pages()).toHaveLength(2);
  });

  it('loads the signer on demand and turns its failures into contract codes', async () => {
    const p12 = [...makeTestP12({ passphrase: 'fictief-wachtwoord' })];
    const codes = await page.evaluate(async (certificate) => {
      const request = {
        pdf: new TextEncoder().encode('geen pdf'),
        p12: new Uint8Array(certificate),
        passphrase: 'fictief-wachtwoord',
        reason: 'Vastgesteld verslag',
        location: 'Testregio',
        signerName: 'Sanne Secretaris (fictief)',
        signingTime: new Date().toISOString(),
      };
      const api = window.ThemakamerPlatform.getApi();
      return [await api.signPdf(request), await api.signPdf({ ...request, passphrase: 'verkeerd' })];
    }, p12);
    expect(codes).toEqual([{ ok: false, code: 'bad-pdf' }, { ok: false, code: 'bad-passphrase' }]);
    // The signer came as its own chunk, fetched only now.
    expect(signerChunkRequests).toBeGreaterThan(0);
  });

  it('has no key store in a browser', async () => {
    const results = await page.evaluate(async () => {
      const api = window.ThemakamerPlatform.getApi();
      return [await api.wrapKey(new Uint8Array([1])), await api.unwrapKey(new Uint8Array([1]))];
    });
    expect(results).toEqual([{ available: false, data: null }, { available: false, data: null }]);
  });
});
