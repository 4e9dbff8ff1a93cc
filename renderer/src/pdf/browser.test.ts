import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from './fonts';
import type { browserApi } from './testing/browserEntry';
import { makeTestP12 } from './testing/certificates';

// Rendering and signing must work in the browser build (web app), without Node
// built-ins: bundle the real modules with Vite for the browser, run them in Chromium.

declare global {
  interface Window {
    ThemakamerPdf: typeof browserApi;
  }
}

const here = fileURLToPath(new URL('.', import.meta.url));
const fontDir = new URL('../../../assets/fonts/', import.meta.url);
const workDir = mkdtempSync(join(tmpdir(), 'themakamer-pdf-browser-'));
let browser: Browser | undefined;
let bundle = '';

beforeAll(async () => {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    // Vitest sets NODE_ENV=test, which would make Vite emit development JSX calls.
    oxc: { jsx: { runtime: 'automatic', development: false } },
    // As in renderer/vite.config.ts: node-forge expects a `global`.
    define: { global: 'globalThis', 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      // ES modules as in the app build: pdfkit finds its ICC profile through import.meta.url.
      lib: { entry: join(here, 'testing/browserEntry.ts'), formats: ['es'] },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite produced no chunk');
  bundle = chunk.code;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('in Chromium', () => {
  it('renders and signs the minutes; pdfsig and pdftotext accept the result', async () => {
    // Self-contained: no import left for Node built-ins or anything else.
    expect(bundle).not.toMatch(/^\s*import\s[^;]*from\s*["']/m);
    expect(bundle).not.toMatch(/require\(["'](node:)?(fs|crypto|buffer|path)["']\)/);
    if (!browser) throw new Error('no browser');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><html lang="nl"><body></body></html>');
    await page.addScriptTag({ content: bundle, type: 'module' });
    await page.waitForFunction(() => 'ThemakamerPdf' in window);

    const base64 = (path: URL) => readFileSync(path).toString('base64');
    const signedBase64 = await page.evaluate(
      async ({ fonts, p12, passphrase }) => {
        const bytes = (b64: string) => Uint8Array.from(atob(b64), (char) => char.charCodeAt(0));
        const api = window.ThemakamerPdf;
        api.registerFonts({ regular: bytes(fonts.regular), bold: bytes(fonts.bold), italic: bytes(fonts.italic) });
        const signingTime = new Date().toISOString();
        const pdf = await api.renderMinutesPdf(api.fictionalMinutes(2), {
          signature: { signerName: 'Ruud van IJzendoorn', role: 'Secretaris', organisation: 'ZVH', location: 'Rotterdam', signingTime },
        });
        const signed = await api.signPdf({
          pdf, p12: bytes(p12), passphrase, reason: 'Vastgesteld verslag', location: 'Rotterdam',
          signerName: 'Ruud van IJzendoorn', signingTime,
        });
        let binary = '';
        for (const byte of signed) binary += String.fromCharCode(byte);
        return btoa(binary);
      },
      {
        fonts: {
          regular: base64(new URL(FONT_FILES.regular, fontDir)),
          bold: base64(new URL(FONT_FILES.bold, fontDir)),
          italic: base64(new URL(FONT_FILES.italic, fontDir)),
        },
        p12: Buffer.from(makeTestP12({ passphrase: 'fictief-wachtwoord' })).toString('base64'),
        passphrase: 'fictief-wachtwoord',
      },
    );
    expect(errors).toEqual([]);

    const path = join(workDir, 'browser-signed.pdf');
    writeFileSync(path, Buffer.from(signedBase64, 'base64'));
    const report = spawnSync('pdfsig', [path], { encoding: 'utf8' }).stdout;
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    const text = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Jansen-B\u0133lsma');
    expect(text).toContain('VERTROUWELIJK');
  }, 60_000);
});
