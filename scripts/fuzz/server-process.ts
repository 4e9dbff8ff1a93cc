/**
 * The sync server in a child process (its CLI, as operators run it), so a crash or a stalled
 * event loop shows as exactly that, and the caller's own event loop is not the server's.
 * Its JSON log lines are kept for the caller to inspect.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A running server process. */
export interface ServerProcess {
  url: string;
  wsUrl: string;
  pid: number;
  /** Log lines (JSON) the server wrote to stderr so far. */
  logs: string[];
  /** Exit code (or signal name) once it exited, null while running. */
  exit(): number | string | null;
  /** SIGTERM, then resolves with the exit code (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | string>;
  /** SIGKILL (a crash: nothing is flushed, no socket is closed cleanly); resolves once it is gone. */
  kill(): Promise<number | string>;
  /** CPU seconds (user + system) used so far (Linux /proc). */
  cpuSeconds(): number;
}

/** Extra environment for the child (e.g. THEMAKAMER_DATA_KEY for PostgreSQL); undefined removes a variable. */
export interface SpawnOptions { env?: Record<string, string | undefined> }

/** Starts `sync-server/src/cli/cli.ts` on a free port with `dataDir`; resolves once it listens. */
export function spawnServer(dataDir: string, extraArgs: string[] = [], options: SpawnOptions = {}): Promise<ServerProcess> {
  const env = { ...process.env, THEMAKAMER_PORT: undefined, ...options.env };
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/cli.ts', '--require-mfa', 'off', '--port', '0', '--data-dir', dataDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const logs: string[] = [];
  let exit: number | string | null = null;
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => {
    exit = code ?? signal ?? 'unknown';
    resolve(exit);
  }));
  let pendingLine = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (pendingLine + chunk.toString()).split('\n');
    pendingLine = lines.pop() ?? '';
    logs.push(...lines.filter(Boolean));
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start within 30 s')), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)\n/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!;
      const pid = child.pid ?? 0;
      resolve({
        url, wsUrl: url.replace(/^http/, 'ws'), pid, logs,
        exit: () => exit,
        stop: async (graceMs = 15_000) => {
          if (exit !== null) return exit;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
        kill: async () => {
          if (exit !== null) return exit;
          child.kill('SIGKILL');
          return exited;
        },
        cpuSeconds: () => {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return (Number(fields[11]) + Number(fields[12])) / 100;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening (${code}): ${logs.slice(-3).join(' | ')}`));
    });
  });
}
