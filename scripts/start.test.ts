// `npm start` end to end with a stand-in for the Electron binary (the one thing this
// machine cannot have): a real sync server, real electron-vite preview, real signals.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'themakamer-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The fake "Electron": reports what it was given, checks the server answers, then exits
// with FAKE_EXIT or waits to be stopped (FAKE_WAIT).
const fakeElectron = join(work, 'electron');
writeFileSync(fakeElectron, `#!${process.execPath}
const url = process.env.THEMAKAMER_SERVER_URL;
fetch(url + '/healthz').then((r) => r.json()).then((body) => {
  console.log('FAKE ' + JSON.stringify({ url, body, pid: process.pid }));
  if (process.env.FAKE_WAIT) setInterval(() => {}, 1000);
  else process.exit(Number(process.env.FAKE_EXIT ?? 0));
}, () => process.exit(99));
`);
chmodSync(fakeElectron, 0o755);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(env: Record<string, string>, onStdout?: (text: string, pid: number) => void): Promise<Run> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data-dir', join(work, `data-${Date.now()}`), '--skip-build'], {
    cwd: root,
    env: { ...process.env, ELECTRON_ENTRY: 'out/main/index.js', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout?.(stdout, child.pid!);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

function fakeReport(stdout: string): { url: string; body: unknown; pid: number } {
  const line = stdout.split('\n').find((l) => l.startsWith('FAKE '));
  if (!line) throw new Error(`the fake Electron never reported:\n${stdout}`);
  return JSON.parse(line.slice(5));
}

async function serverIsDown(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`).then(() => false, () => true);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('without the Electron binary: explains and points to npm run web, starts nothing', async () => {
    const run = await start({ ELECTRON_EXEC_PATH: join(work, 'no-such-electron') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr).toContain('Electron is niet geïnstalleerd');
    expect(run.stdout).not.toContain('listening');
  });

  it('starts the sync server, gives Electron its URL, and stops the server when Electron quits', async () => {
    const run = await start({ ELECTRON_EXEC_PATH: fakeElectron });
    expect(run.code).toBe(0);
    const report = fakeReport(run.stdout);
    expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(report.body).toEqual({ ok: true });
    expect(run.stdout).toContain(`Themakamer sync server listening on ${report.url}`);
    expect(await serverIsDown(report.url)).toBe(true);
  }, 60_000);

  it("passes Electron's exit code on", async () => {
    const run = await start({ ELECTRON_EXEC_PATH: fakeElectron, FAKE_EXIT: '7' });
    expect(run.code).toBe(7);
    expect(await serverIsDown(fakeReport(run.stdout).url)).toBe(true);
  }, 60_000);

  it('on SIGTERM stops Electron and the server', async () => {
    let signalled = false;
    const run = await start({ ELECTRON_EXEC_PATH: fakeElectron, FAKE_WAIT: '1' }, (stdout, pid) => {
      if (!signalled && stdout.includes('FAKE ')) {
        signalled = true;
        process.kill(pid, 'SIGTERM');
      }
    });
    const report = fakeReport(run.stdout);
    expect(run.code).toBe(0);
    expect(isRunning(report.pid)).toBe(false);
    expect(await serverIsDown(report.url)).toBe(true);
  }, 60_000);

  it('refuses an unknown option with usage', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--prot', '1'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm start');
  });
});
