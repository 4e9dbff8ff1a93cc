/**
 * Part 1 of bench:board: open a case with three years of history from the vault to the
 * first render of its board, in Chromium with real IndexedDB and WebCrypto. One browser
 * context (one profile, one vault) is filled once, then every run is a fresh page load:
 * sign in (not timed), then the timed start of the live session up to the rendered board.
 */
import { writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { BenchServer } from './server';
import { summarise, type Summary } from './stats';

/** What part 1 reports. */
export interface OpenResult {
  edits: number;
  fill: Record<string, unknown>;
  runs: number;
  /** The first page load of the board (cold: nothing of the page cached), reported apart. */
  first: Sample;
  liveMs: Summary;
  /** Until the case's document was read from the vault, decrypted and applied. */
  loadedMs: Summary;
  boardMs: Summary;
  frameMs: Summary;
  /** Until the board is live: full document applied, first plan editor mounted. */
  editableMs: Summary;
  /** Runs whose board was painted from the vault's read copy of the case. */
  fromCopy: number;
}

interface Sample { liveMs: number; loadedMs: number; boardMs: number; frameMs: number; editableMs: number; fromCopy: boolean }

async function load(page: Page, url: string, timeoutMs: number): Promise<Record<string, unknown>> {
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.ready || window.__bench?.error, undefined, { timeout: timeoutMs, polling: 50 });
  const state = await page.evaluate(() => {
    const { ready: _ready, error, ...rest } = window.__bench;
    return { error, rest: JSON.parse(JSON.stringify(rest)) as Record<string, unknown> };
  });
  if (state.error) throw new Error(state.error);
  return state.rest;
}

/** Runs part 1. */
export async function runOpenBench(browser: Browser, server: BenchServer, options: { edits: number; runs: number; profile?: string }): Promise<OpenResult> {
  const room = 'case:benchopen000000001';
  const user = server.users[0];
  if (!user) throw new Error('no users');
  await server.admin.grant(room, user.username, 'edit');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const url = (mode: string, extra: Record<string, string> = {}) =>
      `${server.url}/index.html?${new URLSearchParams({ mode, room, ...server.pageParams(user), ...extra })}`;
    const fill = await load(page, url('fill', { edits: String(options.edits) }), 15 * 60_000);
    const samples: Sample[] = [];
    for (let run = 0; run <= options.runs; run++) {
      // --profile: a CPU profile of the last run (a warm one), from before its page load to its end.
      const cdp = options.profile && run === options.runs ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const result = await load(page, url('open'), 60_000);
      if (cdp && options.profile) {
        const { profile } = await cdp.send('Profiler.stop');
        await writeFile(options.profile, JSON.stringify(profile));
        await cdp.detach();
      }
      samples.push({
        liveMs: Number(result.liveMs), loadedMs: Number(result.loadedMs), boardMs: Number(result.boardMs), frameMs: Number(result.frameMs),
        editableMs: Number(result.editableMs), fromCopy: result.fromCopy === true,
      });
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const [first, ...warm] = samples;
    if (!first) throw new Error('no runs');
    return {
      edits: options.edits,
      fill,
      runs: warm.length,
      first,
      liveMs: summarise(warm.map((s) => s.liveMs)),
      loadedMs: summarise(warm.map((s) => s.loadedMs)),
      boardMs: summarise(warm.map((s) => s.boardMs)),
      frameMs: summarise(warm.map((s) => s.frameMs)),
      editableMs: summarise(warm.map((s) => s.editableMs)),
      fromCopy: warm.filter((s) => s.fromCopy).length,
    };
  } finally {
    await context.close();
  }
}
