/**
 * Participants as real Chromium pages of the built app (out/renderer, served by the sync
 * server): each in its own browser context (own IndexedDB vault), signed in through the
 * sign-in card, on the meeting page (#/overleggen/<id>), past the confidentiality card,
 * following the chair (the default). A MutationObserver in the page notes when the
 * heading of the item on screen (#mt-item-heading, "Punt n: <label>") changes, with the
 * page's clock, and after the next frame reports both times to the driver. The page's
 * clock is mapped onto the driver's by round-trip calibration (see {@link calibrate}).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { SessionPage } from '../../../e2e/pages/SessionPage';
import type { MeetingId } from '../../../renderer/src/domain/ids';
import { clock } from './nodeParticipants';
import type { BenchUser } from './server';

/** One participant in Chromium. */
export interface BrowserParticipant {
  id: string;
  page: Page;
  context: BrowserContext;
  /** Page clock minus driver clock (ms), and half the best round trip it was measured with. */
  offset: { ms: number; uncertaintyMs: number };
  /** DevTools session of the page, for its main-thread time counters. */
  cdp: CDPSession;
  errors: string[];
}

/** Main-thread time of a page so far (ms), from the DevTools Performance domain. */
export interface MainThreadTime {
  task: number;
  script: number;
  layout: number;
  style: number;
}

/** Reads the page's cumulative main-thread counters. */
export async function mainThreadTime(participant: BrowserParticipant): Promise<MainThreadTime> {
  const { metrics } = await participant.cdp.send('Performance.getMetrics');
  const value = (name: string): number => (metrics.find((metric) => metric.name === name)?.value ?? Number.NaN) * 1000;
  return { task: value('TaskDuration'), script: value('ScriptDuration'), layout: value('LayoutDuration'), style: value('RecalcStyleDuration') };
}

/** Reported by a page: the heading text now on screen, when the DOM changed and when the next frame followed (page clock). */
export type HeadingSeen = (id: string, heading: string, domAt: number, frameAt: number) => void;

/**
 * The page clock's offset from the driver's: the sample with the shortest round trip of
 * `samples` evaluate calls, assuming the page read its clock halfway.
 */
export async function calibrate(page: Page, samples = 15): Promise<{ ms: number; uncertaintyMs: number }> {
  let best = { ms: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let index = 0; index < samples; index++) {
    const before = clock();
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = clock();
    const half = (after - before) / 2;
    if (half < best.uncertaintyMs) best = { ms: pageTime - (before + half), uncertaintyMs: half };
  }
  return best;
}

/**
 * Installs the heading observer in a page that shows the meeting. Plain JavaScript source:
 * a function compiled by tsx would carry its `__name` helper, which the page lacks.
 */
const installObserver = `(() => {
  const stamp = () => performance.timeOrigin + performance.now();
  const headingText = () => document.getElementById('mt-item-heading')?.textContent ?? '';
  let last = headingText();
  const report = (text, domAt) => {
    requestAnimationFrame(() => {
      // A task queued from the frame callback runs once that frame has been produced.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { void window.__meetingBenchSeen(text, domAt, stamp()); };
      channel.port2.postMessage(0);
    });
  };
  new MutationObserver(() => {
    const text = headingText();
    if (text === last) return;
    last = text;
    report(text, stamp());
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

/** Opens one signed-in meeting page per user, one after another (each sign-in runs the vault's PBKDF2 in its page). */
export async function openBrowserParticipants(
  browser: Browser,
  baseUrl: string,
  meetingId: MeetingId,
  users: readonly BenchUser[],
  labels: readonly string[],
  seen: HeadingSeen,
): Promise<BrowserParticipant[]> {
  const participants: BrowserParticipant[] = [];
  for (const user of users) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    const id = `chromium:${user.username}`;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.exposeFunction('__meetingBenchSeen', (text: string, domAt: number, frameAt: number) => seen(id, text, domAt, frameAt));
    const session = new SessionPage(page, baseUrl);
    await session.open(`#/overleggen/${encodeURIComponent(meetingId)}`);
    await session.signIn(user.username, user.password);
    await page.getByRole('button', { name: 'Ik bevestig de geheimhouding en ben aanwezig' }).click({ timeout: 60_000 });
    await page.locator('#mt-item-heading').waitFor({ timeout: 60_000 });
    // Every case's label is on the agenda: the page holds all case boards, so the headings can show them.
    await page.waitForFunction((wanted) => wanted.every((label) => (document.body.textContent ?? '').includes(label)), labels, { timeout: 60_000 });
    await page.evaluate(installObserver);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    participants.push({ id, page, context, offset: await calibrate(page), cdp, errors });
  }
  return participants;
}

/** Closes every page's context. */
export async function closeBrowserParticipants(participants: readonly BrowserParticipant[]): Promise<void> {
  for (const participant of participants) await participant.context.close();
}
