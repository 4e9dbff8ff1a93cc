/**
 * Starting the two servers under test as child processes, and reading their CPU time
 * and memory from /proc (Linux), so the bench process's own load is not counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A server under test. */
export interface ServerUnderTest {
  name: string;
  wsUrl: string;
  /** Every instance's WebSocket URL (one for a single server). */
  wsUrls: string[];
  httpUrl: string;
  pid: number;
  /** CPU seconds (user + system) used so far. */
  cpuSeconds(): number;
  /** Current and peak resident memory in MiB. */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

const clockTicks = 100;

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/**
 * CPU seconds of a process and its direct children that are alive now (PostgreSQL: the
 * postmaster and its backends, background writer, WAL writer). A backend that exited
 * takes its time with it; with pooled connections that stay open, none do during a run.
 */
export function treeCpuSeconds(pid: number): number {
  if (!pid) return 0;
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(Number(entry));
      if (Number(entry) === pid || Number(fields[1]) === pid) total += (Number(fields[11]) + Number(fields[12])) / clockTicks;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

function memory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start line matching ${pattern}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

function wrap(name: string, child: ChildProcess, httpUrl: string): ServerUnderTest {
  const pid = child.pid ?? 0;
  return {
    name, pid, httpUrl, wsUrl: httpUrl.replace(/^http/, 'ws'), wsUrls: [httpUrl.replace(/^http/, 'ws')],
    cpuSeconds: () => cpuSeconds(pid),
    memory: () => memory(pid),
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Extra CLI arguments and environment for {@link startOurs} (e.g. --database-url and THEMAKAMER_DATA_KEY). */
export interface OursOptions { name?: string; args?: string[]; env?: Record<string, string> }

/** Our server via its CLI (tsx), with the caps raised for one benchmark machine. */
export async function startOurs(dataDir: string, options: OursOptions = {}): Promise<ServerUnderTest> {
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof") is passed to both servers' node, for profiling.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'sync-server/src/cli/cli.ts', '--require-mfa', 'off', '--port', '0', '--data-dir', dataDir,
    '--max-connections-per-ip', '5000', '--max-connections-per-user', '500', ...(options.args ?? [])],
  { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...options.env } });
  const match = await waitForLine(child, /listening on (http:\/\/\S+)\n/);
  return wrap(options.name ?? 'ours', child, match[1] ?? '');
}

/**
 * Several instances of our server as one service (same database, Redis and data key):
 * CPU is the sum over the instances, memory the largest instance's.
 */
export async function startOursCluster(name: string, instances: number, dataDir: string, options: OursOptions): Promise<ServerUnderTest> {
  const servers = await Promise.all(Array.from({ length: instances }, () => startOurs(dataDir, options)));
  const first = servers[0]!;
  return {
    name, pid: first.pid, httpUrl: first.httpUrl, wsUrl: first.wsUrl, wsUrls: servers.map((s) => s.wsUrl),
    cpuSeconds: () => servers.reduce((sum, s) => sum + s.cpuSeconds(), 0),
    memory: () => {
      const each = servers.map((s) => s.memory());
      return { rssMiB: Math.max(...each.map((m) => m.rssMiB)), peakMiB: Math.max(...each.map((m) => m.peakMiB)) };
    },
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}

/** The reference @y/websocket-server 0.1.1 (no auth, memory only), as its package starts it. */
export async function startReference(port: number): Promise<ServerUnderTest> {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'node_modules/@y/websocket-server/src/server.js'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    // Without YPERSISTENCE it keeps documents in memory only (an empty value would mean LevelDB in '').
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'YPERSISTENCE')), HOST: '127.0.0.1', PORT: String(port) },
  });
  await waitForLine(child, /running at/);
  return wrap('reference', child, `http://127.0.0.1:${port}`);
}
