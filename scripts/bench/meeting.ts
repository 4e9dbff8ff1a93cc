/**
 * `npm run bench:meeting [-- --quick] [--participants N] [--browsers N] [--rounds N] [--gap MS] [--cases N] [--profile FILE] [--trace FILE]`:
 * 25 participants connected to a meeting on the real sync server; the chair's "Volgend
 * punt" must reach every screen with p99 ≤ 100 ms. Some participants are Chromium pages
 * of the built app (the meeting page following the chair), the rest y-websocket clients
 * in this process. `--profile FILE` writes a CPU profile (.cpuprofile) of the first page
 * during the rounds. Method and figures: docs/benchmarks.md, "Meeting".
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { setCurrentItem } from '../../renderer/src/collab/live';
import { origins } from '../../renderer/src/collab/origins';
import { confirmConfidentiality, setAttendance } from '../../renderer/src/collab/participants';
import { newClient } from '../../sync-server/test/helpers';
import { ms, summarise, type Summary } from './board/stats';
import { closeBrowserParticipants, calibrate, mainThreadTime, openBrowserParticipants, type BrowserParticipant, type MainThreadTime } from './meeting/browserParticipants';
import { connectNodeParticipants, disconnectNodeParticipants, type NodeParticipant } from './meeting/nodeParticipants';
import { RoundDriver, type Round } from './meeting/rounds';
import { ensureRendererBuild, startMeetingBenchServer } from './meeting/server';
import { planThemakamer, publishThemakamer } from './meeting/themakamer';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' }, participants: { type: 'string' }, browsers: { type: 'string' }, rounds: { type: 'string' },
    gap: { type: 'string' }, cases: { type: 'string' }, warmup: { type: 'string' }, profile: { type: 'string' }, trace: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const participantCount = Number(values.participants ?? 25);
const browserCount = Math.min(participantCount, Number(values.browsers ?? (quick ? 2 : 5)));
const roundCount = Number(values.rounds ?? (quick ? 40 : 200));
const warmupCount = Number(values.warmup ?? 5);
const gapMs = Number(values.gap ?? 300);
const caseCount = Number(values.cases ?? 8);
const TARGET_MS = 100;
const ROUND_TIMEOUT_MS = 10_000;
const IDLE_SAMPLE_MS = 5_000;

const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function main(): Promise<void> {
  // Each y-websocket provider adds a process exit listener; 25 participants and the chair exceed the default 10.
  process.setMaxListeners(100);
  console.log(`bench:meeting — ${participantCount} participants (${browserCount} Chromium pages, ${participantCount - browserCount} Node clients), ${roundCount} rounds`);
  console.log(`load average at start ${load()} (shared machine: figures under load)`);
  ensureRendererBuild();
  const plan = planThemakamer(participantCount, caseCount);
  const server = await startMeetingBenchServer(plan.seed);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'],
  });
  let browserParticipants: BrowserParticipant[] = [];
  let nodeParticipants: NodeParticipant[] = [];
  let chairClient: ReturnType<typeof newClient> | null = null;
  try {
    const chairToken = await server.login(plan.chair);
    const boards = await publishThemakamer(plan, server.wsUrl, chairToken);
    chairClient = newClient(server.wsUrl, plan.meetingId, chairToken);
    await chairClient.synced;
    const chairDoc = chairClient.doc;
    chairDoc.transact(() => {
      confirmConfidentiality(chairDoc, { username: plan.chair.username });
      setAttendance(chairDoc, plan.chair.username, 'aanwezig');
    }, origins.userEdit);

    const browserUsers = plan.participants.slice(0, browserCount);
    const nodeUsers = plan.participants.slice(browserCount);
    const ids = [...browserUsers.map((user) => `chromium:${user.username}`), ...nodeUsers.map((user) => `node:${user.username}`)];
    const driver = new RoundDriver(chairDoc, plan.meetingId, plan.chair.username, boards, plan.labels, ids);

    const started = performance.now();
    browserParticipants = await openBrowserParticipants(browser, server.url, plan.meetingId, browserUsers, [...plan.labels.values()], driver.headingSeen);
    console.log(`${browserParticipants.length} Chromium pages signed in and on the meeting page (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const tokens = await Promise.all(nodeUsers.map(async (user) => ({ user, token: await server.login(user) })));
    nodeParticipants = await connectNodeParticipants(server.wsUrl, plan.meetingId, tokens, driver.nodeSeen);
    console.log(`${nodeParticipants.length} Node participants connected; Chromium ${browser.version()}`);

    // The chair starts the meeting on the first item (pages already show it, so this is not a round),
    // then advances a few times untimed (JIT, first renders of each item).
    setCurrentItem(chairDoc, driver.nextItem(), { username: plan.chair.username });
    await sleep(1000);
    for (let index = 0; index < warmupCount; index++) {
      const round = await driver.advance(-1 - index, ROUND_TIMEOUT_MS);
      if (round.missing.length > 0) throw new Error(`warm-up: ${round.missing.join(', ')} did not follow the chair`);
      await sleep(gapMs);
    }

    // Main-thread time of the pages: an idle stretch (timers ticking, presence) as baseline, then the rounds.
    const sampleTimes = () => Promise.all(browserParticipants.map((participant) => mainThreadTime(participant)));
    const idleStart = await sampleTimes();
    const idleFrom = performance.now();
    await sleep(IDLE_SAMPLE_MS);
    const idleEnd = await sampleTimes();
    const idleMs = performance.now() - idleFrom;

    const loadBefore = load();
    const profiled = values.profile ? browserParticipants[0] : undefined;
    if (profiled) {
      await profiled.cdp.send('Profiler.enable');
      await profiled.cdp.send('Profiler.start');
    }
    // --trace FILE: a DevTools timeline trace of the first page during the rounds (what the
    // main thread does besides script: style, layout, paint, GC), as a JSON array of events.
    const traced = values.trace ? browserParticipants[0] : undefined;
    const traceEvents: unknown[] = [];
    const traceDone = new Promise<void>((resolve) => traced?.cdp.once('Tracing.tracingComplete', () => resolve()));
    if (traced) {
      traced.cdp.on('Tracing.dataCollected', ({ value }) => traceEvents.push(...value));
      await traced.cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
    }
    const roundsStart = await sampleTimes();
    const roundsFrom = performance.now();
    const rounds: Round[] = [];
    for (let index = 0; index < roundCount; index++) {
      rounds.push(await driver.advance(index, ROUND_TIMEOUT_MS));
      await sleep(gapMs);
    }
    const roundsEnd = await sampleTimes();
    if (traced && values.trace) {
      await traced.cdp.send('Tracing.end');
      await traceDone;
      await writeFile(values.trace, JSON.stringify(traceEvents));
      console.log(`timeline trace of ${traced.id} during the rounds: ${values.trace}`);
    }
    if (profiled && values.profile) {
      const { profile } = await profiled.cdp.send('Profiler.stop');
      await writeFile(values.profile, JSON.stringify(profile));
      console.log(`CPU profile of ${profiled.id} during the rounds: ${values.profile}`);
    }
    const roundsMs = performance.now() - roundsFrom;
    const loadAfter = load();
    const perAdvance = mainThreadPerAdvance({ idleStart, idleEnd, idleMs, roundsStart, roundsEnd, roundsMs, rounds: roundCount });

    // Page clocks onto the driver's: the mean of the offsets before and after the rounds.
    const offsets = new Map<string, number>();
    let drift = 0;
    let uncertainty = 0;
    for (const participant of browserParticipants) {
      const after = await calibrate(participant.page);
      offsets.set(participant.id, (participant.offset.ms + after.ms) / 2);
      drift = Math.max(drift, Math.abs(after.ms - participant.offset.ms));
      uncertainty = Math.max(uncertainty, participant.offset.uncertaintyMs, after.uncertaintyMs);
    }
    const errors = browserParticipants.flatMap((participant) => participant.errors.map((error) => `${participant.id}: ${error}`));
    report(rounds, offsets, { drift, uncertainty, loadBefore, loadAfter, chromium: browser.version(), errors, perAdvance });
  } finally {
    disconnectNodeParticipants(nodeParticipants);
    chairClient?.destroy();
    await closeBrowserParticipants(browserParticipants);
    await browser.close();
    await server.close();
  }
}

/**
 * Main-thread time one page spends per advance (mean over pages): the time during the
 * rounds minus what the same page spends idle (timers, presence) in as long a stretch.
 */
function mainThreadPerAdvance(input: {
  idleStart: MainThreadTime[]; idleEnd: MainThreadTime[]; idleMs: number;
  roundsStart: MainThreadTime[]; roundsEnd: MainThreadTime[]; roundsMs: number; rounds: number;
}): MainThreadTime | null {
  const pages = input.roundsStart.length;
  if (pages === 0 || input.rounds === 0) return null;
  const keys = ['task', 'script', 'layout', 'style'] as const;
  const result = { task: 0, script: 0, layout: 0, style: 0 };
  for (let page = 0; page < pages; page++) {
    for (const key of keys) {
      const idleRate = ((input.idleEnd[page]?.[key] ?? 0) - (input.idleStart[page]?.[key] ?? 0)) / input.idleMs;
      const during = (input.roundsEnd[page]?.[key] ?? 0) - (input.roundsStart[page]?.[key] ?? 0);
      result[key] += (during - idleRate * input.roundsMs) / input.rounds / pages;
    }
  }
  return result;
}

function report(rounds: readonly Round[], offsets: ReadonlyMap<string, number>, info: { drift: number; uncertainty: number; loadBefore: string; loadAfter: string; chromium: string; errors: string[]; perAdvance: MainThreadTime | null }): void {
  const node: number[] = [];
  const dom: number[] = [];
  const frame: number[] = [];
  const everyScreen: number[] = [];
  let missing = 0;
  for (const round of rounds) {
    missing += round.missing.length;
    let last = 0;
    for (const [id, arrival] of round.arrivals) {
      const offset = offsets.get(id);
      if (offset === undefined) {
        const latency = arrival.at - round.setAt;
        node.push(latency);
        last = Math.max(last, latency);
      } else {
        dom.push(arrival.at - offset - round.setAt);
        const painted = (arrival.frameAt ?? Number.NaN) - offset - round.setAt;
        frame.push(painted);
        last = Math.max(last, painted);
      }
    }
    if (round.missing.length === 0) everyScreen.push(last);
  }
  const rows: [string, Summary][] = [
    ['every screen shows it (last participant per round; Chromium: next frame)', summarise(everyScreen)],
    ['all participants (Node: doc observed; Chromium: DOM changed)', summarise([...node, ...dom])],
    ['Node clients: live map observed in the Y.Doc', summarise(node)],
    ['Chromium pages: item heading changed in the DOM', summarise(dom)],
    ['Chromium pages: next frame after that', summarise(frame)],
  ];
  console.log(`load average during the rounds: before ${info.loadBefore}, after ${info.loadAfter}`);
  console.log(`clock mapping of the pages: ±${info.uncertainty.toFixed(2)} ms (half the best round trip), drift over the run ${info.drift.toFixed(2)} ms`);
  console.log('');
  console.log('| chair set → seen | n | p50 | p95 | p99 | max |');
  console.log('|---|---|---|---|---|---|');
  for (const [label, s] of rows) console.log(`| ${label} | ${s.n} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`);
  console.log('');
  if (info.perAdvance) {
    const p = info.perAdvance;
    console.log(`main-thread time per advance in one Chromium page (mean over pages, idle baseline subtracted): tasks ${ms(p.task)} (script ${ms(p.script)}, style ${ms(p.style)}, layout ${ms(p.layout)})`);
  }
  const everyP99 = summarise(everyScreen).p99;
  console.log(`target p99 ≤ ${TARGET_MS} ms to every screen: ${everyP99 <= TARGET_MS && missing === 0 ? 'met' : 'NOT met'} (${ms(everyP99)}; ${missing} missed arrivals)`);
  console.log(JSON.stringify({
    bench: 'meeting', chromium: info.chromium, rounds: rounds.length, missing, loadBefore: info.loadBefore, loadAfter: info.loadAfter,
    clock: { uncertaintyMs: info.uncertainty, driftMs: info.drift }, mainThreadPerAdvance: info.perAdvance, results: Object.fromEntries(rows),
  }));
  if (info.errors.length > 0) throw new Error(`page errors: ${info.errors.join('; ')}`);
  if (missing > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
