#!/usr/bin/env node
// `npm run web -- [--port P] [--data-dir D] [--host H] [--demo] [--rebuild|--no-build] [--build-only]`: the app in a
// browser. Builds the renderer when out/renderer is missing, older than anything under
// renderer/, or without its service worker (sw.js: the offline start), then runs the sync
// server with --static out/renderer so page, API and WebSocket share one origin, and prints
// the address. SIGINT/SIGTERM are passed on; the exit code is the server's. --build-only
// stops after the build check; --demo first fills an empty data dir with the fictional demo region
// (scripts/demo.ts, which prints its accounts); with an empty data dir and no --demo the server
// prints a one-time setup link instead; --no-build serves out/renderer as it is (the e2e setup builds
// once, then starts one server per test with --no-build); --renderer-dir D serves another
// finished build instead (the e2e update test serves two builds in turn on one address).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(root, 'renderer');
const builtIndex = join(root, 'out/renderer/index.html');
const builtServiceWorker = join(root, 'out/renderer/sw.js');
const SERVER_START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

const usage = `Usage: npm run web -- [options]
  --port P        port (default 8470; 0 = any free port)
  --data-dir D    where the sync server keeps its data (default ./data)
  --host H        address to listen on (default 127.0.0.1: only this computer)
  --database-url URL  PostgreSQL instead of the data dir (see npm run sync-server -- --help)
  --redis-url URL     Redis fan-out between instances on the same database
  --retention-interval-hours H  how often the server deletes closed cases past their retention
                  period (default 24; 0 = never; see npm run sync-server -- --help)
  --demo          fill an empty data dir with the fictional demo region first and print its accounts
  --rebuild       build the renderer even if out/renderer looks up to date
  --no-build      serve out/renderer as it is (it must exist)
  --build-only    build if needed, then exit without starting the server
  --renderer-dir D  serve this finished renderer build instead of out/renderer (no build check)`;

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
      host: { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      'retention-interval-hours': { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'build-only': { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
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
if (options.rebuild && options['no-build']) fail('--rebuild and --no-build exclude each other.', 2);
if (options['renderer-dir'] && (options.rebuild || options['build-only'])) fail('--renderer-dir serves a finished build: it excludes --rebuild and --build-only.', 2);
if (!/^\d{1,5}$/.test(options.port) || Number(options.port) > 65535) fail(`Invalid --port: ${options.port}\n${usage}`, 2);

/** Newest modification time (ms) of any file under `dir`; node_modules and dot-folders are not sources. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why the renderer must be built, or null when out/renderer is current. */
function buildReason() {
  if (options['renderer-dir']) {
    if (!existsSync(join(options['renderer-dir'], 'index.html'))) fail(`Themakamer: --renderer-dir ${options['renderer-dir']} has no index.html.`);
    return null;
  }
  if (options['no-build']) {
    if (!existsSync(builtIndex)) fail('Themakamer: --no-build, but out/renderer/index.html is missing. Run `npm run build:web` first.');
    if (!existsSync(builtServiceWorker)) process.stderr.write('Themakamer: out/renderer/sw.js is missing: the app will not start offline. Run `npm run build:web`.\n');
    return null;
  }
  if (options.rebuild) return '--rebuild';
  if (!existsSync(builtIndex)) return 'out/renderer/index.html is missing';
  // An older build (from before the offline start) has no service worker: without it the
  // app cannot load without a network.
  if (!existsSync(builtServiceWorker)) return 'out/renderer/sw.js (the offline start) is missing';
  if (newestMtime(rendererDir) > statSync(builtIndex).mtimeMs) return 'renderer/ changed since the last build';
  return null;
}

const reason = buildReason();
if (reason !== null) {
  console.log(`Themakamer: building the renderer (${reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // NODE_ENV pinned: run from a test runner (NODE_ENV=test), Vite would bundle React's development build.
  const build = spawnSync(npm, ['run', '--silent', 'build:web'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) fail(`Themakamer: the renderer build failed (exit ${build.status ?? build.signal}); see above.`);
}
if (options['build-only']) process.exit(0);

if (options.demo) {
  // The demo refuses a data dir that already has users: the server then starts on what is there.
  const demo = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), 'scripts/demo.ts', '--data-dir', options['data-dir']], { cwd: root, stdio: 'inherit' });
  if (demo.status !== 0) process.stderr.write('Themakamer: de demo is niet geplaatst (zie hierboven); de server start met de gegevens die er al zijn.\n');
}

// tsx as a loader in the server's own process, not its CLI: the CLI relays SIGTERM through a
// child and, when the child does not confirm within 30 ms (a busy machine), SIGKILLs it
// (exit 143) — the server would then stop without writing its snapshots.
const serverArgs = [
  '--import', import.meta.resolve('tsx'), 'sync-server/src/cli/cli.ts',
  '--static', options['renderer-dir'] ?? 'out/renderer',
  '--port', options.port,
  '--data-dir', options['data-dir'],
  ...(options.host ? ['--host', options.host] : []),
  ...(options['database-url'] ? ['--database-url', options['database-url']] : []),
  ...(options['redis-url'] ? ['--redis-url', options['redis-url']] : []),
  ...(options['retention-interval-hours'] !== undefined ? ['--retention-interval-hours', options['retention-interval-hours']] : []),
];
const server = spawn(process.execPath, serverArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });

let stopping = false;
function stop(signal) {
  if (stopping || server.exitCode !== null || server.signalCode !== null) return;
  stopping = true;
  server.kill(signal);
  setTimeout(() => server.kill('SIGKILL'), STOP_GRACE_MS).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal === 'SIGHUP' ? 'SIGTERM' : signal));

const startTimer = setTimeout(() => {
  process.stderr.write(`Themakamer: the sync server did not report ready within ${SERVER_START_TIMEOUT_MS / 1000} s.\n`);
  stop('SIGTERM');
}, SERVER_START_TIMEOUT_MS);

let buffered = '';
let ready = false;
server.stdout.setEncoding('utf8');
server.stdout.on('data', (chunk) => {
  // The server's own lines go through unchanged: tools (and the e2e fixture) parse its listening line.
  process.stdout.write(chunk);
  if (ready) return;
  buffered += chunk;
  const match = /Themakamer sync server listening on (\S+)/.exec(buffered);
  if (!match) return;
  ready = true;
  buffered = '';
  clearTimeout(startTimer);
  process.stdout.write(
    `\nThemakamer staat klaar: open ${match[1]}/ in uw browser.\n` +
      `Themakamer is ready: open ${match[1]}/ in your browser. Stop with Ctrl+C.\n`,
  );
});

server.once('exit', (code, signal) => {
  clearTimeout(startTimer);
  if (!ready && !stopping) {
    process.stderr.write(`Themakamer: the sync server stopped before it was ready (exit ${code ?? signal}). Is port ${options.port} in use? Try --port.\n`);
  }
  process.exit(code ?? (stopping ? 0 : 1));
});
