/**
 * The bench's sync server: the real CLI in a child process (so its relaying does not share
 * the bench process's event loop with the Node participants), a fresh data dir seeded
 * through the admin API before it starts, and the built renderer (out/renderer) as its
 * static files, so the Chromium participants run the app a user gets from `npm run web`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAdmin } from '../../../sync-server/src/cli/admin';
import type { Role } from '../../../sync-server/src/access/names';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A fictional bench user. */
export interface BenchUser {
  username: string;
  name: string;
  org: string;
  role: Role;
  password: string;
}

/** What goes into the data dir before the server starts. */
export interface BenchSeed {
  orgs: readonly (readonly [id: string, name: string])[];
  users: readonly BenchUser[];
  grants: readonly { room: string; username: string }[];
}

/** The running server. */
export interface MeetingBenchServer {
  url: string;
  wsUrl: string;
  pid: number;
  /** Logs `username` in over HTTP and returns its token. */
  login(user: BenchUser): Promise<string>;
  close(): Promise<void>;
}

/** Builds out/renderer when it is missing or older than renderer/ (the check `npm run web` and the e2e setup make). */
export function ensureRendererBuild(): void {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/web.mjs'), '--build-only'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building the renderer failed (exit ${result.status ?? result.signal})`);
}

function waitForAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the sync server did not start in time:\n${out}`)), 30_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)\n/u.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/u, ''));
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sync server exited early (${code}):\n${out}`));
    });
  });
}

/** Seeds a fresh data dir and starts `sync-server/src/cli/cli.ts --static out/renderer` on a free port. */
export async function startMeetingBenchServer(seed: BenchSeed): Promise<MeetingBenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-bench-meeting-'));
  const admin = await openAdmin({ dataDir });
  try {
    for (const [id, name] of seed.orgs) await admin.addOrg(id, name);
    for (const user of seed.users) await admin.addUser(user);
    for (const grant of seed.grants) await admin.grant(grant.room, grant.username, 'edit');
  } finally {
    await admin.close();
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/cli.ts', '--require-mfa', 'off', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--static', join(repoRoot, 'out/renderer')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let url: string;
  try {
    url = await waitForAddress(child);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const byName = new Map(seed.users.map((user) => [user.username, user]));
  return {
    url,
    wsUrl: url.replace(/^http/u, 'ws'),
    pid: child.pid ?? 0,
    async login(user) {
      if (!byName.has(user.username)) throw new Error(`not a bench user: ${user.username}`);
      const response = await fetch(`${url}/api/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password }),
      });
      if (response.status !== 200) throw new Error(`login ${user.username}: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
