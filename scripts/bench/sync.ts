/**
 * `npm run bench:sync [-- --quick] [--only ours|reference] [--scenario a|b] [--rounds N]`: our sync server and the
 * reference @y/websocket-server 0.1.1 side by side, same clients, same load:
 *   A. 25 clients in one room, in alternating rounds: edit→peer latency p50/p99, then delivered edits/s at rising offered load;
 *   B. 2,000 connections over 200 rooms: edit→peer latency, server RSS and CPU.
 * Servers run as child processes; CPU and memory are read from /proc for the server alone.
 * Method and figures: docs/benchmarks.md, "Sync server".
 *
 * `npm run bench:sync -- --scale [--quick] [--scenario a|b] [--rounds N] [--pg-durability normal|full] [--background-load N]`: the same
 * scenarios on our server alone, on SQLite as one instance (the reference) and on PostgreSQL + Redis as two
 * instances with every room's clients split over both; latency counts only the deliveries where
 * writer and peer are on different instances. Method and figures: docs/benchmarks.md, "Sync server scaled out".
 *
 * `npm run bench:sync -- --saturation [--quick] [--only ours|reference] [--rounds N] [--workers N] [--loads 1000,2000,…]`: delivered
 * edits/s at rising offered load in one room of 25, with light clients in N worker processes
 * (scripts/bench/sync/saturation.ts). Method and figures: docs/benchmarks.md, "Sync server at saturation".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openAdmin } from '../../sync-server/src/cli/admin';
import { startPostgres, startRedis, type PostgresDurability, type TestPostgres, type TestRedis } from '../../sync-server/test/backends';
import { connectFleet, type Fleet } from './sync/fleet';
import { startOurs, startOursCluster, startReference, treeCpuSeconds, type ServerUnderTest } from './sync/servers';
import { percentile } from './sync/stats';
import { runSaturation, saturationReport, type Prepared } from './sync/saturation';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, scenario: { type: 'string' }, rounds: { type: 'string' }, scale: { type: 'boolean' }, saturation: { type: 'boolean' }, workers: { type: 'string' }, loads: { type: 'string' }, 'pg-durability': { type: 'string' }, 'background-load': { type: 'string' } } });
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

/** With several instances, p50/p99 are over cross-instance deliveries only; `allP99` over every delivery. */
interface Round { p50: number; p99: number; allP99: number; samples: number; cpuPercent: number; backendCpuPercent: number; latencies: number[]; edits: number }

/** CPU seconds of what the servers depend on (PostgreSQL and Redis), when they are measured. */
let backendCpuSeconds: () => number = () => 0;

/** One measured round: connect a fleet, warm up, drive the scenario's load, read the server's CPU. */
async function runRound(scenario: Scenario, server: ServerUnderTest, tokens: string[]): Promise<{ round: Round; fleet: Fleet }> {
  const fleet = await connectFleet(server.wsUrls, scenario.rooms, scenario.perRoom, (i) => tokens[i % tokens.length] ?? '');
  await sleep(500);
  const offered = fleet.clients.length * scenario.editsPerClientPerSecond;
  // Warm-up (JIT, room loading), not measured.
  await drive(fleet, offered, 2);
  await drain(fleet);
  fleet.reset();
  const cpuBefore = server.cpuSeconds();
  const backendBefore = backendCpuSeconds();
  const wallBefore = performance.now();
  await drive(fleet, offered, scenario.seconds);
  const cpuSeconds = server.cpuSeconds() - cpuBefore;
  const backendSeconds = backendCpuSeconds() - backendBefore;
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  await drain(fleet);
  const latencies = server.wsUrls.length > 1 ? fleet.crossLatencies : fleet.latencies;
  return {
    fleet,
    round: {
      p50: percentile(latencies, 50), p99: percentile(latencies, 99), allP99: percentile(fleet.latencies, 99), samples: latencies.length,
      cpuPercent: (100 * cpuSeconds) / wallSeconds, backendCpuPercent: (100 * backendSeconds) / wallSeconds, latencies,
      edits: fleet.clients.reduce((n, c) => n + c.seq, 0),
    },
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

/** Where a scaled-out deployment keeps its state. */
interface Shared { databaseUrl: string; redisUrl: string; dataKey: string; instances: number }

async function prepareOurs(dataDir: string, scenario: Scenario, shared: Shared | null = null, name = 'ours'): Promise<{ server: ServerUnderTest; tokens: string[] }> {
  const admin = await openAdmin({ dataDir, databaseUrl: shared?.databaseUrl ?? null });
  await admin.addOrg('zvh', 'Benchmark ZVH (fictief)');
  for (let u = 0; u < userCount; u++) await admin.addUser({ username: `bench${u}`, org: 'zvh', role: 'deelnemer', password });
  for (const [r, room] of scenario.rooms.entries()) {
    for (let k = 0; k < scenario.perRoom; k++) await admin.grant(room, `bench${(r * scenario.perRoom + k) % userCount}`, 'edit');
  }
  await admin.close();
  const server = shared
    ? await startOursCluster(`PostgreSQL + Redis, ${shared.instances} instances`, shared.instances, dataDir, {
      args: ['--database-url', shared.databaseUrl, '--redis-url', shared.redisUrl], env: { THEMAKAMER_DATA_KEY: shared.dataKey },
    })
    : await startOurs(dataDir, { name });
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

/** What PostgreSQL holds after a run, once the instances stopped (and compacted every loaded room). */
async function storageFigures(databaseUrl: string): Promise<{ rooms: number; head: number; rows: number; rowBytes: number; snapshots: number; snapshotBytes: number; databaseBytes: number; walLsn: bigint }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async (query: string): Promise<number> => Number(Object.values((await client.query(query)).rows[0] as Record<string, unknown>)[0] ?? 0);
    return {
      rooms: await one("SELECT count(*) FROM rooms WHERE head > 0"),
      head: await one('SELECT coalesce(sum(head), 0) FROM rooms'),
      rows: await one('SELECT count(*) FROM updates'),
      rowBytes: await one('SELECT coalesce(sum(length(data)), 0) FROM updates'),
      snapshots: await one('SELECT count(*) FROM snapshots'),
      snapshotBytes: await one('SELECT coalesce(sum(length(data)), 0) FROM snapshots'),
      databaseBytes: await one('SELECT pg_database_size(current_database())'),
      walLsn: BigInt(await one("SELECT pg_current_wal_lsn() - '0/0'")),
    };
  } finally {
    await client.end();
  }
}

/**
 * `--background-load N`: N processes that spin at normal priority for the whole run, so a run
 * "under load" is a condition the bench sets, the same for every deployment, not an accident
 * of what else the machine was doing.
 */
function startBackgroundLoad(): ChildProcess[] {
  const count = Number(values['background-load'] ?? 0);
  if (!Number.isInteger(count) || count < 0) throw new Error('--background-load is a whole number of spinning processes');
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

/** `--scale`: SQLite on one instance against PostgreSQL + Redis on two, same scenarios. */
async function mainScale(): Promise<void> {
  const durability = (values['pg-durability'] ?? 'normal') as PostgresDurability;
  if (!['normal', 'full'].includes(durability)) throw new Error('--pg-durability is normal or full');
  const dataRoot = await mkdtemp(join(tmpdir(), 'themakamer-bench-scale-'));
  const rounds = Number(values.rounds ?? (quick ? 2 : 3));
  let postgres: TestPostgres | null = null;
  let redis: TestRedis | null = null;
  const rows: string[] = [];
  const verdicts: string[] = [];
  const storage: string[] = [];
  const spinners = startBackgroundLoad();
  try {
    process.stderr.write(`starting PostgreSQL (durability ${durability}) and Redis …\n`);
    [postgres, redis] = await Promise.all([startPostgres({ durability }), startRedis()]);
    const pgPid = Number(readFileSync(join(postgres.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const redisPid = redis.pid();
    const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
    for (const [index, scenario] of scenarios.entries()) {
      if (values.scenario && !scenario.name.toLowerCase().startsWith(values.scenario.toLowerCase())) continue;
      const databaseUrl = await postgres.database();
      const shared: Shared = { databaseUrl, redisUrl: redis.url, dataKey: randomBytes(32).toString('base64'), instances: 2 };
      const deployments = [
        await prepareOurs(join(dataRoot, `sqlite-${index}`), scenario, null, 'SQLite, 1 instance'),
        await prepareOurs(join(dataRoot, `pg-${index}`), scenario, shared),
      ];
      const measured = new Map<string, Round[]>(deployments.map(({ server }) => [server.name, []]));
      // WAL is written by the whole cluster; only this scenario's instances use it meanwhile.
      const walBefore = (await storageFigures(databaseUrl)).walLsn;
      const scenarioRounds = scenario.throughputSteps.length > 0 ? rounds : 1;
      for (let round = 0; round < scenarioRounds; round++) {
        const order = round % 2 === 0 ? deployments : [...deployments].reverse();
        for (const { server, tokens } of order) {
          process.stderr.write(`${scenario.name} — ${server.name}, round ${round + 1}/${scenarioRounds} …\n`);
          backendCpuSeconds = server.wsUrls.length > 1 ? () => treeCpuSeconds(pgPid) + treeCpuSeconds(redisPid) : () => 0;
          const { round: result, fleet } = await runRound(scenario, server, tokens);
          measured.get(server.name)?.push(result);
          fleet.destroy();
          await sleep(500);
        }
      }
      const p99 = new Map<string, number>();
      for (const { server } of deployments) {
        const list = measured.get(server.name) ?? [];
        const memory = server.memory();
        p99.set(server.name, median(list.map((m) => m.p99)));
        rows.push(`| ${scenario.name} | ${server.name} | ${scenario.rooms.length * scenario.perRoom} | ${f(scenario.rooms.length * scenario.perRoom * scenario.editsPerClientPerSecond, 0)} | ${f(median(list.map((m) => m.p50)), 2)} | ${f(median(list.map((m) => m.p99)), 2)} | ${list.map((m) => f(m.p99, 1)).join(' / ')} | ${f(median(list.map((m) => m.allP99)), 2)} | ${list.reduce((n, m) => n + m.samples, 0)} | ${f(median(list.map((m) => m.cpuPercent)))} | ${server.wsUrls.length > 1 ? f(median(list.map((m) => m.backendCpuPercent))) : '–'} | ${f(memory.peakMiB, 0)} |`);
        await server.stop();
      }
      const edits = (measured.get(deployments[1]!.server.name) ?? []).reduce((n, m) => n + m.edits, 0);
      const s = await storageFigures(databaseUrl);
      const walPerEdit = Number(s.walLsn - walBefore) / Math.max(1, edits);
      storage.push(`| ${scenario.name} | ${edits} | ${s.head} | ${f(s.head / Math.max(1, edits), 2)} | ${f(walPerEdit, 0)} | ${s.rows} | ${s.snapshots} | ${f(s.snapshotBytes / Math.max(1, s.snapshots), 0)} | ${f(s.databaseBytes / 1024 / 1024, 1)} |`);
      const [single, scaled] = deployments.map(({ server }) => p99.get(server.name) ?? Number.NaN) as [number, number];
      if (scenario.name.startsWith('A')) {
        const ratio = scaled / single;
        verdicts.push(`A: cross-instance p99 ${f(scaled, 2)} ms vs SQLite p99 ${f(single, 2)} ms = ${f(ratio, 2)}× (target ≤ 2.5×): ${ratio <= 2.5 ? 'met' : 'NOT met'}`);
      } else {
        verdicts.push(`B: cross-instance p99 ${f(scaled, 1)} ms on 2 instances (target ≤ 100 ms): ${scaled <= 100 ? 'met' : 'NOT met'}; SQLite, 1 instance: ${f(single, 1)} ms`);
      }
    }
  } finally {
    for (const spinner of spinners) spinner.kill('SIGKILL');
    await redis?.stop();
    await postgres?.stop();
    await rm(dataRoot, { recursive: true, force: true });
  }
  console.log(`\nSync benchmark, scaled out (${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, PostgreSQL durability ${durability}, background load ${spinners.length} spinning process(es))\n`);
  console.log('| scenario | deployment | conns | offered edits/s | p50 ms | p99 ms (median of rounds) | p99 per round | p99 ms, all pairs | samples | instances CPU % (sum) | PostgreSQL + Redis CPU % | peak RSS MiB (largest instance) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log('\nOn two instances p50/p99 count only deliveries between clients of different instances.\n');
  for (const verdict of verdicts) console.log(verdict);
  console.log('\nPostgreSQL after the run (instances stopped with SIGTERM, which compacts every loaded room):\n');
  console.log('| scenario | edits sent | seqs stored (sum of heads) | rows per edit | WAL bytes per edit (incl. shutdown compaction) | update rows left | snapshots | bytes per snapshot | database MiB |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of storage) console.log(row);
}

/** `--saturation`: both servers, light clients in worker processes, offered load rising until delivered stops growing. */
async function mainSaturation(): Promise<void> {
  const dataRoot = await mkdtemp(join(tmpdir(), 'themakamer-bench-sat-'));
  const rounds = Number(values.rounds ?? (quick ? 1 : 3));
  const workers = Number(values.workers ?? Math.max(2, cpus().length - 1));
  const room = roomId('benchsat', 0);
  const scenario: Scenario = { name: 'saturation', rooms: [room], perRoom: userCount, editsPerClientPerSecond: 0, seconds: 0, throughputSteps: [] };
  const loadBefore = loadavg();
  const servers: Prepared[] = [];
  let report = '';
  try {
    if (which !== 'reference') servers.push(await prepareOurs(join(dataRoot, 'ours'), scenario));
    if (which !== 'ours') servers.push({ server: await startReference(20_000 + Math.floor(Math.random() * 20_000)), tokens: [''] });
    const steps = await runSaturation(servers, {
      room, clients: userCount, workers, rounds, seconds: quick ? 2 : 4,
      loads: values.loads ? values.loads.split(',').map(Number) : [1000, 2000, 4000, 8000, 16000, 32000],
    });
    report = saturationReport(steps, rounds);
  } finally {
    for (const { server } of servers) await server.stop();
    await rm(dataRoot, { recursive: true, force: true });
  }
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`\nSync benchmark at saturation (${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores, ${workers} client workers, load average before ${load(loadBefore)}, after ${load(loadavg())})\n`);
  console.log(report);
}

(values.saturation ? mainSaturation() : values.scale ? mainScale() : main()).then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
