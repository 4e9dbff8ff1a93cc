/**
 * Part 2 of bench:board: a keystroke in the safety plan with 10 peers connected.
 * Real sync server, 10 real providers in this process typing in their own sections, the
 * page under test in Chromium opening the case through the real doc manager and vault.
 */
import type { Browser } from 'playwright-core';
import { initCaseDoc } from '../../../renderer/src/collab/caseHeader';
import { appendBlocks } from '../../../renderer/src/collab/richText';
import { planFragment } from '../../../renderer/src/collab/safetyPlan';
import { origins } from '../../../renderer/src/collab/origins';
import { safetyPlanSections } from '../../../renderer/src/domain/safetyPlanSections';
import { newClient, waitFor } from '../../../sync-server/test/helpers';
import { connectPeers, disconnectPeers, startTyping } from './peers';
import type { BenchServer } from './server';
import { summarise, type Summary } from './stats';

/** What part 2 reports. */
export interface KeystrokeResult {
  peers: number;
  keystrokes: number;
  remoteEditsDuringRun: number;
  toUpdate: Summary;
  toFrame: Summary;
  /** Handling plus the rendering work of the frame that shows the character (no vsync wait). */
  work: Summary;
  /** Keystrokes shown one or more frames later than the first frame after they were handled. */
  droppedFrames: number;
  /** Event Timing entries ≥ 16 ms (keydown, keypress, beforeinput, input) during the run. */
  slowEvents: number;
}

const typedText = 'Bij een nieuw signaal belt de politie direct de procesregisseur en informeert Veilig Thuis. ';

/** Seeds the case (header and a filled plan) through one provider, as its creator would. */
async function seedCase(server: BenchServer, room: string): Promise<void> {
  const creator = server.users[0];
  if (!creator) throw new Error('no users');
  const client = newClient(server.wsUrl, room, creator.token);
  await client.synced;
  initCaseDoc(client.doc, {
    label: 'Casus 2026-901 (fictief)', caseNumber: 'BENCH-901', type: 'ex-partnerstalking', status: 'in-behandeling',
    procesregisseur: creator.username,
  }, { username: creator.username });
  client.doc.transact(() => {
    for (const key of safetyPlanSections.values) {
      const fragment = planFragment(client.doc, key);
      if (!fragment) continue;
      appendBlocks(fragment, [
        { kind: 'paragraph', runs: [{ text: `Afspraken in deze sectie (fictief): ${safetyPlanSections.label(key, 'nl')}. ` }] },
        { kind: 'list', ordered: false, items: [[{ text: 'Eerste afspraak (fictief)' }], [{ text: 'Tweede afspraak (fictief)' }]] },
      ]);
    }
  }, origins.userEdit);
  // Another client sees the seeded plan: it is stored on the server.
  const check = newClient(server.wsUrl, room, creator.token);
  await check.synced;
  await waitFor(() => planFragment(check.doc, 'monitoring-en-evaluatie')?.length === 2, 10_000, 'the seeded case');
  check.destroy();
  client.destroy();
}

/** Runs part 2 with `keystrokes` measured characters. */
export async function runKeystrokeBench(browser: Browser, server: BenchServer, options: { keystrokes: number; peerIntervalMs: number; typingDelayMs: number; screenshot?: string }): Promise<KeystrokeResult> {
  const room = 'case:benchkeystroke000001';
  const [pageUser, ...peerUsers] = server.users;
  if (!pageUser || peerUsers.length < 10) throw new Error('bench needs 11 users');
  for (const user of server.users) await server.admin.grant(room, user.username, 'edit');
  await seedCase(server, room);

  const sections = safetyPlanSections.values.filter((key) => key !== 'signalen-en-wie-wat-doet');
  const peers = await connectPeers(server.wsUrl, room, peerUsers.slice(0, 10), sections);
  const typing = startTyping(peers, options.peerIntervalMs);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const query = new URLSearchParams({ mode: 'keystroke', room, ...server.pageParams(pageUser) });
    await page.goto(`${server.url}/index.html?${query}`);
    await page.waitForFunction(() => window.__bench?.ready || window.__bench?.error, undefined, { timeout: 60_000 });
    const failed = await page.evaluate(() => window.__bench.error);
    if (failed) throw new Error(failed);
    const editor = page.getByRole('textbox', { name: 'Veiligheidsplan: Signalen en wie wat doet' });
    await editor.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.presence-bar__user').length === 10, undefined, { timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('End');

    // Warm-up: the first keystrokes pay for lazy work (JIT, first awareness broadcast).
    await page.keyboard.type(typedText.slice(0, 20), { delay: options.typingDelayMs });
    await page.evaluate(() => {
      (window.__bench.toUpdate as number[]).length = 0;
      (window.__bench.toFrame as number[]).length = 0;
      (window.__bench.work as number[]).length = 0;
      (window.__bench.frameDelays as number[]).length = 0;
      (window.__bench.slowEvents as unknown[]).length = 0;
    });
    const editsBefore = typing.edits();
    let typed = '';
    while (typed.length < options.keystrokes) typed += typedText;
    typed = typed.slice(0, options.keystrokes);
    await page.keyboard.type(typed, { delay: options.typingDelayMs });
    await page.waitForTimeout(200);
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: false });
    const result = await page.evaluate(() => ({
      toUpdate: [...(window.__bench.toUpdate as number[])],
      toFrame: [...(window.__bench.toFrame as number[])],
      work: [...(window.__bench.work as number[])],
      frameDelays: [...(window.__bench.frameDelays as number[])],
      slowEvents: (window.__bench.slowEvents as { name: string }[]).filter((e) => ['keydown', 'keypress', 'beforeinput', 'input'].includes(e.name)).length,
    }));
    // Everything typed arrived in the document (the peers see it): the measurement covered real edits.
    const observer = peers[0];
    if (!observer) throw new Error('no peers');
    await waitFor(() => (planFragment(observer.client.doc, 'signalen-en-wie-wat-doet')?.toString() ?? '').includes(typed.slice(-30).trim()), 10_000, 'the typed text at a peer');
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (result.toUpdate.length < options.keystrokes * 0.95) throw new Error(`only ${result.toUpdate.length} of ${options.keystrokes} keystrokes were measured`);
    return {
      peers: peers.length,
      keystrokes: result.toUpdate.length,
      remoteEditsDuringRun: typing.edits() - editsBefore,
      toUpdate: summarise(result.toUpdate),
      toFrame: summarise(result.toFrame),
      work: summarise(result.work),
      // rAF's frame time is the frame's start (vsync); a frame starting more than one 60 Hz interval after the update came late.
      droppedFrames: result.frameDelays.filter((delay) => delay > 1000 / 60 + 1).length,
      slowEvents: result.slowEvents,
    };
  } finally {
    typing.stop();
    disconnectPeers(peers);
    await context.close();
  }
}
