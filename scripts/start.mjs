#!/usr/bin/env node
// `npm start -- [--port P] [--data-dir D] [--skip-build]`: the desktop app with its own
// local sync server. Starts the server, waits for its "listening on" line, then runs
// `electron-vite preview` (build, then Electron on the built app: the same app:// origin
// and CSP as a packaged app) with THEMAKAMER_SERVER_URL set. Stops both when either ends.
// Without the Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD) it says so and points to `npm run web`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const APP_ORIGIN = 'app://themakamer';
const SERVER_START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

const usage = `Usage: npm start -- [--port P] [--data-dir D] [--skip-build]
  --port P        port of the local sync server (default 8470; 0 = any free port)
  --data-dir D    where the sync server keeps its data (default ./data)
  --skip-build    start Electron on the existing out/ without building first`;

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      port: { type: 'string', default: '8470' },
      'data-dir': { type: 'string', default: './data' },
      'skip-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(`${error.message}\n${usage}`, 2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}

/** The Electron executable electron-vite would start, or null when it is not installed. */
function electronExecutable() {
  if (process.env.ELECTRON_EXEC_PATH) return existsSync(process.env.ELECTRON_EXEC_PATH) ? process.env.ELECTRON_EXEC_PATH : null;
  const moduleDir = join(root, 'node_modules/electron');
  const pathFile = join(moduleDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(moduleDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

if (electronExecutable() === null) {
  fail([
    'Electron is niet geïnstalleerd op deze machine, dus de desktop-app kan hier niet starten.',
    'Gebruik de webversie: `npm run web` (dezelfde app in de browser, met de sync-server op één poort).',
    '',
    'Electron is not installed here (node_modules/electron has no binary, e.g. after',
    'ELECTRON_SKIP_BINARY_DOWNLOAD=1), so the desktop app cannot start. Run `npm run web` for the',
    'same app in a browser, or run `npm install` on a machine that may download Electron.',
  ].join('\n'));
}

/** Stops a child and everything it started (electron-vite starts Electron as its own child). */
function stopTree(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', resolve));
}

/** Starts the sync server and resolves with its URL once it prints the listening line. */
function startServer() {
  // tsx as a loader in the server's own process (as scripts/web.mjs): SIGTERM reaches the
  // server directly, which then flushes its snapshots and exits 0.
  const server = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), 'sync-server/src/cli/cli.ts', '--port', options.port, '--data-dir', options['data-dir'], '--allow-origin', APP_ORIGIN],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: process.platform !== 'win32' },
  );
  const ready = new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`the sync server did not report ready within ${SERVER_START_TIMEOUT_MS / 1000} s`)), SERVER_START_TIMEOUT_MS);
    server.stdout.setEncoding('utf8');
    server.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffered += chunk;
      const match = /Themakamer sync server listening on (\S+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the sync server stopped before it was ready (exit ${code ?? signal})`));
    });
  });
  return { server, ready };
}

const { server, ready } = startServer();
let app = null;
let stopping = false;

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  const children = [app, server].filter(Boolean);
  for (const child of children) stopTree(child);
  const timeout = setTimeout(() => children.forEach((child) => stopTree(child, 'SIGKILL')), STOP_GRACE_MS);
  await Promise.all(children.map(exited));
  clearTimeout(timeout);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));

let serverUrl;
try {
  serverUrl = await ready;
} catch (error) {
  stopTree(server);
  fail(`Themakamer: ${error.message}. See the server's message above (is port ${options.port} in use? try --port).`);
}

server.once('exit', (code) => {
  if (!stopping) {
    console.error(`Themakamer: the sync server stopped (exit ${code}); closing the app.`);
    void stopAll(1);
  }
});

const electronVite = join(root, 'node_modules/electron-vite/bin/electron-vite.js');
app = spawn(process.execPath, [electronVite, 'preview', ...(options['skip-build'] ? ['--skipBuild'] : [])], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, THEMAKAMER_SERVER_URL: serverUrl },
  detached: process.platform !== 'win32',
});
app.once('exit', (code, signal) => void stopAll(code ?? (signal ? 1 : 0)));
