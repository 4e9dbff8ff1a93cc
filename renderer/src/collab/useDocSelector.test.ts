import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { hookTestApi } from './testing/hookBrowserEntry';

// The hook needs a real React renderer and DOM: bundle it with Vite, run it in Chromium.

const here = fileURLToPath(new URL('.', import.meta.url));
let browser: Browser | undefined;
let bundle = '';

beforeAll(async () => {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    oxc: { jsx: { runtime: 'automatic', development: false } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { write: false, minify: false, lib: { entry: join(here, 'testing/hookBrowserEntry.tsx'), formats: ['es'] } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite produced no chunk');
  bundle = chunk.code;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('useDocSelector in React (Chromium)', () => {
  it('re-renders a component only when its selected value changes, and unsubscribes on unmount', async () => {
    if (!browser) throw new Error('no browser');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><html lang="nl"><body></body></html>');
    await page.addScriptTag({ content: bundle, type: 'module' });
    await page.waitForFunction(() => 'ThemakamerHookTest' in globalThis);
    const result = await page.evaluate(() =>
      (globalThis as unknown as { ThemakamerHookTest: typeof hookTestApi }).ThemakamerHookTest.run());
    expect(errors).toEqual([]);
    expect(result.steps).toEqual([
      { step: 'mounted', label: 1, actions: 1, text: 'Casus A (fictief)open' },
      { step: 'unrelated change', label: 1, actions: 1, text: 'Casus A (fictief)open' },
      { step: 'label changed', label: 2, actions: 1, text: 'Casus B (fictief)open' },
      { step: 'status changed', label: 2, actions: 2, text: 'Casus B (fictief)gedaan' },
    ]);
    expect(result.updateListenersAfterUnmount).toBe(0);
    await page.close();
  });
});
