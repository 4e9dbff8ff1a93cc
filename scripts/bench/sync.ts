/**
 * `npm run bench:sync [-- --quick] [--only ours|reference] [--scenario a|b] [--rounds N]`: our sync server and the
 * reference @y/websocket-server 0.1.1 side by side, same clients, same load:
 *   A. 25 clients in one room, in alternating rounds: edit→peer latency p50/p99, then delivered edits/s at rising offered load;
 *   B. 2,000 connections over 200 rooms: edit→peer latency, server RSS and CPU.
 * Servers run as child processes; CPU and memory are read from /proc for the server alone.
 * Method and figures: docs/benchmarks.md, "Sync server".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openAdmin } from '../../sync-server/src/cli/admin';
import { connectFleet, type Fleet } from './sync/fleet';
import { startOurs, startReference, type ServerUnderTest } from './sync/servers';
import { percentile } from './sync/stats';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, scenario: { type: 'string' }, rounds: { type: 'string' } } });
const quick = values.quick ?? false;
const which = (values.only ?? 'both') as 'both' | 'ours' | 'reference';
const userCount = 25;
const password = 'bench-wachtwoord-fictief';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Scenario { name: string; rooms: string[]; perRoom: number; editsPerClientPerSecond: number; seconds: number; throughputSteps: number[] }

const roomId = (prefix: string, i: number): string => `case:${prefix}${String(i).padStart(8, '0')}`;
const scenarios: Scenario[] = [
  { name: 'A: 25 clients, 1 room', rooms: [roomId('benchone', 0)], perRoom: 25, editsPerClientPerSecond: 4, seconds: quick ? 4 : 10, throughputSteps: quick ? [500, 2000] : [500, 1000, 2000, 4000] },
  { name: 'B: 2,000 connections, 200 rooms', rooms: Array.from({ length: 200 }, (_, i) => roomId('benchmany', i)), perRoom: 10, editsPerClientPerSecond: 0.2, seconds: quick ? 6 : 15, throughputSteps: [] },
];

interface Result {
  scenario: string; server: string; connections: number; p50: number; p99: number; p99s: number[]; samples: number;
  offered: number; cpuPercent: number; rssMiB: number; peakMiB: number; steps: { offered: number; delivered: number; p99: number }[];
}

/** Drives edits at `editsPerSecond` spread over the fleet's clients for `seconds`. */
async function drive(fleet: Fleet, editsPerSecond: number, seconds: number): Promise<void> {
  const tickMs = 10;
  const clients = fleet.clients;
  let owed = 0;
  let next = Math.floor(Math.random() * clients.length);
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      owed += (editsPerSecond * tickMs) / 1000;
      while (owed >= 1) {
        const client = clients[next % clients.length];
        if (client) fleet.edit(client);
        next += 7; // a stride co-prime with the room sizes spreads edits over rooms and writers
        owed--;
      }
      if (performance.now() - started >= seconds * 1000) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
}

/** Waits until deliveries stop growing (the server has drained its queue). */
async function drain(fleet: Fleet, maxMs = 5000): Promise<void> {
  let last = -1;
  for (let waited = 0; waited < maxMs && fleet.deliveries !== last; waited += 250) {
    last = fleet.deliveries;
    await sleep(250);
  }
}

interface Round { p50: number; p99: number; samples: number; cpuPercent: number; latencies: number[] }

/** One measured round: connect a fleet, warm up, drive the scenario's load, read the server's CPU. */
async function runRound(scenario: Scenario, server: ServerUnderTest, tokens: string[]): Promise<{ round: Round; fleet: Fleet }> {
  const fleet = await connectFleet(server.wsUrl, scenario.rooms, scenario.perRoom, (i) => tokens[i % tokens.length] ?? '');
  await sleep(500);
  const offered = fleet.clients.length * scenario.editsPerClientPerSecond;
  // Warm-up (JIT, room loading), not measured.
  await drive(fleet, offered, 2);
  await drain(fleet);
  fleet.reset();
  const cpuBefore = server.cpuSeconds();
  const wallBefore = performance.now();
  await drive(fleet, offered, scenario.seconds);
  const cpuSeconds = server.cpuSeconds() - cpuBefore;
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  await drain(fleet);
  const latencies = fleet.latencies;
  return {
    fleet,
    round: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length, cpuPercent: (100 * cpuSeconds) / wallSeconds, latencies },
  };
}

/** Delivered edits/s and p99 at each offered load, on a connected fleet. */
async function throughput(scenario: Scenario, fleet: Fleet): Promise<Result['steps']> {
  const peers = scenario.perRoom - 1;
  const steps: Result['steps'] = [];
  for (const step of scenario.throughputSteps) {
    fleet.reset();
    const started = performance.now();
    await drive(fleet, step, 3);
    await drain(fleet);
    const seconds = (performance.now() - started) / 1000;
    steps.push({ offered: step, delivered: fleet.deliveries / peers / seconds, p99: percentile(fleet.latencies, 99) });
  }
  return steps;
}

const median = (values: number[]): number => percentile(values, 50);

async function prepareOurs(dataDir: string, scenario: Scenario): Promise<{ server: ServerUnderTest; tokens: string[] }> {
  const admin = await openAdmin({ dataDir });
  await admin.addOrg('zvh', 'Benchmark ZVH (fictief)');
  for (let u = 0; u < userCount; u++) await admin.addUser({ username: `bench${u}`, org: 'zvh', role: 'deelnemer', password });
  for (const [r, room] of scenario.rooms.entries()) {
    for (let k = 0; k < scenario.perRoom; k++) await admin.grant(room, `bench${(r * scenario.perRoom + k) % userCount}`, 'edit');
  }
  await admin.close();
  const server = await startOurs(dataDir);
  const tokens: string[] = [];
  for (let u = 0; u < userCount; u++) {
    const response = await fetch(`${server.httpUrl}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: `bench${u}`, password }) });
    tokens.push(((await response.json()) as { token: string }).token);
  }
  return { server, tokens };
}

async function main(): Promise<void> {
  const dataRoot = await mkdtemp(join(tmpdir(), 'themakamer-bench-'));
  const results: Result[] = [];
  const rounds = Number(values.rounds ?? (quick ? 2 : 3));
  try {
    for (const [index, scenario] of scenarios.entries()) {
      if (values.scenario && !scenario.name.toLowerCase().startsWith(values.scenario.toLowerCase())) continue;
      const servers: { server: ServerUnderTest; tokens: string[] }[] = [];
      if (which !== 'reference') servers.push(await prepareOurs(join(dataRoot, `ours-${index}`), scenario));
      if (which !== 'ours') servers.push({ server: await startReference(20_000 + Math.floor(Math.random() * 20_000)), tokens: [''] });
      const perServer = new Map<string, Round[]>(servers.map(({ server }) => [server.name, []]));
      const steps = new Map<string, Result['steps']>();
      const scenarioRounds = scenario.throughputSteps.length > 0 ? rounds : 1;
      for (let round = 0; round < scenarioRounds; round++) {
        // Alternate who goes first: the machine's background load drifts.
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const { server, tokens } of order) {
          process.stderr.write(`${scenario.name} — ${server.name}, round ${round + 1}/${scenarioRounds} …\n`);
          const { round: measured, fleet } = await runRound(scenario, server, tokens);
          perServer.get(server.name)?.push(measured);
          if (round === scenarioRounds - 1) steps.set(server.name, await throughput(scenario, fleet));
          fleet.destroy();
          await sleep(500);
        }
      }
      for (const { server } of servers) {
        const measured = perServer.get(server.name) ?? [];
        results.push({
          scenario: scenario.name, server: server.name, connections: scenario.rooms.length * scenario.perRoom,
          offered: scenario.rooms.length * scenario.perRoom * scenario.editsPerClientPerSecond,
          p50: median(measured.map((m) => m.p50)), p99: median(measured.map((m) => m.p99)),
          p99s: measured.map((m) => m.p99), samples: measured.reduce((n, m) => n + m.samples, 0),
          cpuPercent: median(measured.map((m) => m.cpuPercent)), ...server.memory(), steps: steps.get(server.name) ?? [],
        });
        await server.stop();
      }
    }
  } finally {
    await rm(dataRoot, { recursive: true, force: true });
  }

  const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  console.log(`\nSync benchmark (${new Date().toISOString()}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})\n`);
  console.log('| scenario | server | conns | offered edits/s | p50 ms | p99 ms (median of rounds) | p99 per round | samples | server CPU % | RSS MiB | peak RSS MiB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.scenario} | ${r.server} | ${r.connections} | ${f(r.offered, 0)} | ${f(r.p50, 2)} | ${f(r.p99, 2)} | ${r.p99s.map((p) => f(p, 1)).join(' / ')} | ${r.samples} | ${f(r.cpuPercent)} | ${f(r.rssMiB, 0)} | ${f(r.peakMiB, 0)} |`);
  }
  const stepped = results.filter((r) => r.steps.length > 0);
  if (stepped.length > 0) {
    console.log('\n| scenario | server | offered edits/s | delivered edits/s (to all peers) | p99 ms |');
    console.log('|---|---|---|---|---|');
    for (const r of stepped) for (const s of r.steps) console.log(`| ${r.scenario} | ${r.server} | ${s.offered} | ${f(s.delivered, 0)} | ${f(s.p99, 2)} |`);
  }
  const [oursA, refA] = [results.find((r) => r.server === 'ours' && r.scenario.startsWith('A')), results.find((r) => r.server === 'reference' && r.scenario.startsWith('A'))];
  if (oursA && refA) console.log(`\nA: p99 ours/reference = ${f(oursA.p99 / refA.p99, 2)}× (target ≤ 1.3×, and ours ≤ 20 ms)`);
  const oursB = results.find((r) => r.server === 'ours' && r.scenario.startsWith('B'));
  if (oursB) console.log(`B: ours p99 ${f(oursB.p99, 1)} ms (target ≤ 100 ms), peak RSS ${f(oursB.peakMiB, 0)} MiB (target ≤ 500 MiB)`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
