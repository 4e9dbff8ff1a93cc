/**
 * Real PostgreSQL and Redis servers for tests, started from Debian's binaries on loopback
 * in a temp dir and stopped afterwards. PostgreSQL refuses to run as root, so as root its
 * commands run as the `postgres` user. Nothing here is mocked: these are the same servers
 * an operator runs, with durability switched off for speed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const isRoot = process.getuid?.() === 0;

/** The directory of PostgreSQL's server binaries (Debian keeps them off PATH). */
export function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  throw new Error('PostgreSQL server binaries not found (apt-get install -y postgresql)');
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const runAsPostgres = (command: string, args: string[]): string => {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
};

/** A running PostgreSQL cluster; `database()` makes a fresh, empty database per test. */
export interface TestPostgres {
  port: number;
  /** The cluster's data directory (its postmaster.pid names the server process). */
  dataDir: string;
  /** A new empty database on this cluster; resolves with its URL. */
  database(): Promise<string>;
  stop(): Promise<void>;
}

let databases = 0;

/**
 * How much the cluster writes to disk before a commit returns: 'test' (default) switches
 * fsync off; 'normal' keeps fsync and full-page writes but commits without waiting for the
 * WAL flush (synchronous_commit=off: a crash of the machine may lose the last fraction of a
 * second, never corrupts); 'full' is PostgreSQL's default (every commit waits for its flush).
 */
export type PostgresDurability = 'test' | 'normal' | 'full';

const durabilitySettings: Record<PostgresDurability, string> = {
  test: '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
  normal: '-c synchronous_commit=off',
  full: '',
};

/** Starts a PostgreSQL cluster (initdb in a temp dir, trust auth on loopback). */
export async function startPostgres(options: { durability?: PostgresDurability } = {}): Promise<TestPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'themakamer-pg-'));
  chmodSync(dir, 0o700);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  runAsPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${durabilitySettings[options.durability ?? 'test']} -c max_connections=300`;
  runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', '-t', '60', 'start']);
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    dataDir: data,
    async database() {
      const name = `t${process.pid}_${++databases}_${Date.now() % 100000}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A running Redis server that a test can kill and start again on the same port. */
export interface TestRedis {
  port: number;
  /** The server's process id (0 while it is not running). */
  pid(): number;
  url: string;
  /** SIGKILL: the server is gone, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const waitForPort = async (port: number, child: ChildProcess): Promise<void> => {
  const { Socket } = await import('node:net');
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => { socket.destroy(); resolve(false); });
      socket.connect(port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('redis-server did not start');
};

/** Starts redis-server on a free loopback port without persistence. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
    await waitForPort(port, child);
  };
  const kill = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { port, pid: () => (child as ChildProcess | null)?.pid ?? 0, url: `redis://127.0.0.1:${port}`, kill, restart: start, stop: kill };
}
