import { spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../fixtures/paths';
import { describe, expect, test } from '../fixtures/test';

/** Runs scripts/web.mjs to completion (for the cases where it must stop on its own). */
function runWeb(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/web.mjs'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web.mjs ${args.join(' ')} did not stop:\n${stdout}${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// Issue 2, point 2: `npm run web -- [--port P] [--data-dir D]`.
describe('npm run web', () => {
  test('prints where to open the app, in Dutch and English', async ({ server }) => {
    expect(server.output()).toContain(`Themakamer staat klaar: open ${server.url}/ in uw browser.`);
    expect(server.output()).toContain(`Themakamer is ready: open ${server.url}/ in your browser.`);
  });

  test('does not rebuild when out/renderer is current', async () => {
    const result = await runWeb(['--build-only']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('building the renderer');
  });

  test('a build without its service worker (from before the offline start) is rebuilt, so the app starts offline', async () => {
    // out/renderer is rebuilt in place (the same files again): fine while e2e files run one at a time.
    const worker = join(repoRoot, 'out/renderer/sw.js');
    await rm(worker);
    const result = await runWeb(['--build-only']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('building the renderer (out/renderer/sw.js (the offline start) is missing)');
    await access(worker);
  });

  test('a port in use is refused with a hint, and nothing keeps running', async ({ server }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-e2e-busy-'));
    try {
      const port = new URL(server.url).port;
      const result = await runWeb(['--port', port, '--data-dir', dataDir, '--no-build']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`Port ${port} is already in use.`);
      expect(result.stderr).toContain('Try --port.');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test.for([
    [['--port', 'abc'], 'Invalid --port: abc'],
    [['--port', '70000'], 'Invalid --port: 70000'],
    [['--rebuild', '--no-build'], '--rebuild and --no-build exclude each other.'],
    [['--onbekend'], "Unknown option '--onbekend'"],
  ] as const)('refuses %j with a usage message', async ([args, message]) => {
    const result = await runWeb([...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
