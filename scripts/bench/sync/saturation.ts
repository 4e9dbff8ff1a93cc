/**
 * `npm run bench:sync -- --saturation`: delivered edits/s at rising offered load in one room
 * of 25, with light clients (light-worker.ts) in worker processes so the servers saturate
 * before the clients do. Method and figures: docs/benchmarks.md, "Sync server at saturation".
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as url from 'lib0/url';
import { cpuSeconds, type ServerUnderTest } from './servers';
import { connectLightFleet, type LightFleet, type StepFigures } from './light-fleet';
import { percentile } from './stats';

/** A server with the token each client index uses ('' for the reference). */
export interface Prepared { server: ServerUnderTest; tokens: string[] }

/** Options of a saturation run. */
export interface SaturationOptions { room: string; clients: number; workers: number; rounds: number; seconds: number; loads: number[] }

/** One measured step of one server. */
export interface SaturationStep {
  round: number; offered: number; server: string; figures: StepFigures;
  p50: number; p99: number; serverCpu: number; clientCpuMax: number; clientCpuSum: number;
  /** The whole machine's busy share over the step (100 = every core busy), other work included. */
  machineBusy: number;
  saturated: string;
}

const selfCheckLoad = 200;

/** p50 and p99 (nearest rank) of many samples: a typed array sorts numerically and fast. */
function tail(latencies: Float64Array): { p50: number; p99: number } {
  if (latencies.length === 0) return { p50: Number.NaN, p99: Number.NaN };
  const sorted = latencies.slice().sort();
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { p50: at(50), p99: at(99) };
}

/** Fails loudly unless every edit reached every peer exactly once, with a sane latency. */
function selfCheck(server: string, f: StepFigures, echoesExpected: boolean): void {
  const problems: string[] = [];
  if (f.sent === 0) problems.push('nothing sent');
  if (f.duplicates > 0) problems.push(`${f.duplicates} duplicate deliveries`);
  if (f.unknown > 0) problems.push(`${f.unknown} deliveries of edits not sent in this step`);
  if (f.incomplete > 0) problems.push(`${f.incomplete} edits not delivered to exactly every peer`);
  if (f.closed > 0) problems.push(`${f.closed} sockets closed`);
  if (f.latencies.some((l) => l < 0 || l > 5000)) problems.push('a latency below 0 or above 5 s');
  // The reference sends every update back to its sender too; ours relays to the others only.
  if (echoesExpected ? f.echoes !== f.sent : f.echoes !== 0) problems.push(`${f.echoes} echoes for ${f.sent} edits`);
  if (problems.length > 0) throw new Error(`saturation self-check failed on ${server}: ${problems.join('; ')}`);
  process.stderr.write(`self-check ${server}: ${f.sent} edits, each delivered once to all ${f.deliveries / f.sent} peers, p99 ${tail(f.latencies).p99.toFixed(2)} ms\n`);
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
function machineJiffies(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

function pidsCpu(pids: number[]): number[] {
  return pids.map((pid) => cpuSeconds(pid));
}

/** Runs the offered loads on every server (order alternating per step), `rounds` times. */
export async function runSaturation(servers: Prepared[], options: SaturationOptions): Promise<SaturationStep[]> {
  const steps: SaturationStep[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const fleets = new Map<string, LightFleet>();
    try {
      for (const { server, tokens } of servers) {
        const fleet = await connectLightFleet(options.clients, options.workers, (i) =>
          `${server.wsUrl}/${options.room}?${url.encodeQueryParams({ token: tokens[i % tokens.length] ?? '' })}`);
        fleets.set(server.name, fleet);
        await fleet.checkClocks();
        selfCheck(server.name, await fleet.step(selfCheckLoad, 2), server.name === 'reference');
      }
      let previous = new Map<string, number>();
      for (const [index, offered] of options.loads.entries()) {
        const order = (round + index) % 2 === 0 ? servers : [...servers].reverse();
        const delivered = new Map<string, number>();
        for (const { server } of order) {
          process.stderr.write(`saturation round ${round + 1}/${options.rounds}, ${offered} edits/s offered — ${server.name} …\n`);
          const fleet = fleets.get(server.name)!;
          const cpuBefore = server.cpuSeconds();
          const clientsBefore = pidsCpu(fleet.pids);
          const machineBefore = machineJiffies();
          let clientsDriven: number[] = [];
          const figures = await fleet.step(offered, options.seconds, () => { clientsDriven = pidsCpu(fleet.pids); });
          const serverCpu = (100 * (server.cpuSeconds() - cpuBefore)) / figures.seconds;
          const machineAfter = machineJiffies();
          const machineBusy = (100 * (machineAfter.busy - machineBefore.busy)) / (machineAfter.total - machineBefore.total);
          // Clients over the drive only: while a saturated server drains its backlog they only receive.
          const driveSeconds = figures.sent / figures.sentPerSecond;
          const clientCpu = clientsDriven.map((s, k) => (100 * (s - clientsBefore[k]!)) / driveSeconds);
          const clientCpuMax = Math.max(...clientCpu);
          // A server short of a full core while every core is busy is held back by other work (or the clients).
          const sides = [
            serverCpu >= 90 ? 'server' : '', clientCpuMax >= 90 || figures.sentPerSecond < 0.95 * offered ? 'clients' : '',
            serverCpu < 90 && machineBusy >= 90 ? `machine (${cpus().length} cores busy)` : '',
          ].filter(Boolean);
          if (figures.duplicates + figures.unknown + figures.closed > 0) {
            throw new Error(`${server.name} at ${offered}: ${figures.duplicates} duplicates, ${figures.unknown} unknown, ${figures.closed} closed`);
          }
          steps.push({
            round, offered, server: server.name, figures, ...tail(figures.latencies),
            serverCpu, clientCpuMax, clientCpuSum: clientCpu.reduce((a, b) => a + b, 0), machineBusy, saturated: sides.join(' + ') || '–',
          });
          delivered.set(server.name, figures.deliveredPerSecond);
        }
        // Stop climbing once no server delivers 10 % more than at the step before.
        const growing = [...delivered].some(([name, d]) => !previous.has(name) || d >= 1.1 * previous.get(name)!);
        previous = delivered;
        if (!growing) break;
      }
    } finally {
      for (const fleet of fleets.values()) await fleet.stop();
    }
  }
  return steps;
}

/** The run's tables (Markdown). */
export function saturationReport(steps: SaturationStep[], rounds: number): string {
  const f = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const lines = [
    '| round | offered edits/s | server | sent edits/s | delivered edits/s (to all 24 peers) | complete | p50 ms | p99 ms | server CPU % | client workers CPU % (max / sum) | machine busy % | saturated |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of steps) {
    lines.push(`| ${s.round + 1} | ${s.offered} | ${s.server} | ${f(s.figures.sentPerSecond)} | ${f(s.figures.deliveredPerSecond)} | ${f(100 * s.figures.complete, 1)} % | ${f(s.p50, 2)} | ${f(s.p99, 1)} | ${f(s.serverCpu)} | ${f(s.clientCpuMax)} / ${f(s.clientCpuSum)} | ${f(s.machineBusy)} | ${s.saturated} |`);
  }
  lines.push('', '| server | best delivered edits/s per round | median | p99 ms at that step |', '|---|---|---|---|');
  const names = [...new Set(steps.map((s) => s.server))];
  const best = new Map<string, number>();
  for (const name of names) {
    const perRound = Array.from({ length: rounds }, (_, round) => steps.filter((s) => s.server === name && s.round === round)
      .reduce<SaturationStep | null>((top, s) => (!top || s.figures.deliveredPerSecond > top.figures.deliveredPerSecond ? s : top), null));
    const values = perRound.filter((s): s is SaturationStep => s !== null);
    const median = percentile(values.map((s) => s.figures.deliveredPerSecond), 50);
    best.set(name, median);
    lines.push(`| ${name} | ${values.map((s) => `${f(s.figures.deliveredPerSecond)} (at ${s.offered})`).join(' / ')} | ${f(median)} | ${values.map((s) => f(s.p99, 1)).join(' / ')} |`);
  }
  const [ours, reference] = [best.get('ours'), best.get('reference')];
  // Without a step where a server delivered clearly less than offered, its best is only a lower bound.
  const reachedLimit = (name: string): boolean => steps.some((s) => s.server === name && s.figures.deliveredPerSecond < 0.9 * s.offered);
  if (ours !== undefined && reference !== undefined && !(reachedLimit('ours') && reachedLimit('reference'))) {
    lines.push('', 'Saturation: not reached by both servers at these loads (raise --loads); no verdict.');
  } else if (ours !== undefined && reference !== undefined) {
    lines.push('', `Saturation: ours ${f(ours)} vs reference ${f(reference)} delivered edits/s = ${f(ours / reference, 2)}× (target ≥ 1): ${ours >= reference ? 'met' : 'NOT met'}`);
  }
  return lines.join('\n');
}
