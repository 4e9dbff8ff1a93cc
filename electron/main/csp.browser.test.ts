// The policy in a real Chromium: what it blocks and what it lets through. The page is
// served over http here (plain Chromium cannot register app://), which changes only
// what 'self' means.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { contentSecurityPolicy } from './csp';

const CHROMIUM = '/usr/bin/chromium';

// Runs in the page from a 'self' script; records each probe's outcome.
const probeScript = `
window.results = {};
const record = (name, outcome) => { window.results[name] = outcome; };
try { eval('1'); record('eval', 'ran'); } catch { record('eval', 'blocked'); }
try { new Function('return 1')(); record('function', 'ran'); } catch { record('function', 'blocked'); }
WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
  .then(() => record('wasm', 'ran'), () => record('wasm', 'blocked'));
const sync = document.body.dataset.sync, other = document.body.dataset.other;
fetch(sync + '/healthz').then(() => record('fetchSync', 'ran'), () => record('fetchSync', 'blocked'));
fetch(other + '/healthz').then(() => record('fetchOther', 'ran'), () => record('fetchOther', 'blocked'));
fetch('https://example.invalid/').then(() => record('fetchRemote', 'ran'), () => record('fetchRemote', 'blocked'));
const socket = (name, url) => {
  try {
    const ws = new WebSocket(url);
    ws.onopen = () => { record(name, 'ran'); ws.close(); };
    ws.onerror = () => record(name, 'blocked');
  } catch { record(name, 'blocked'); }
};
socket('wsSync', sync.replace('http', 'ws') + '/room');
socket('wsOther', other.replace('http', 'ws') + '/room');
const remoteScript = document.createElement('script');
remoteScript.src = other + '/evil.js';
remoteScript.onload = () => record('remoteScript', 'ran');
remoteScript.onerror = () => record('remoteScript', 'blocked');
document.head.append(remoteScript);
`;

let browser: Browser;
let appServer: Server;
let syncServer: Server;
let wss: WebSocketServer;
let appOrigin: string;
let syncPort: number;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  syncServer = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', appOrigin);
    res.end(req.url === '/evil.js' ? 'window.results.evilRan = true;' : '{"ok":true}');
  });
  wss = new WebSocketServer({ server: syncServer });
  syncPort = await listen(syncServer);

  appServer = createServer((req, res) => {
    const csp = contentSecurityPolicy({ origin: `http://127.0.0.1:${syncPort}`, wsOrigin: `ws://127.0.0.1:${syncPort}` });
    res.setHeader('Content-Security-Policy', csp);
    if (req.url === '/probe.js') {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(probeScript);
      return;
    }
    res.setHeader('Content-Type', 'text/html');
    // "other" is the same sync server under another host name: only the CSP tells them apart.
    res.end(`<!doctype html><html><body data-sync="http://127.0.0.1:${syncPort}" data-other="http://localhost:${syncPort}">
      <script>window.inlineRan = true;</script><script src="/probe.js"></script></body></html>`);
  });
  appOrigin = `http://127.0.0.1:${await listen(appServer)}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  wss?.close();
  await Promise.all([appServer, syncServer].map((server) => new Promise((resolve) => server?.close(resolve))));
});

describe('the desktop CSP in Chromium', () => {
  it('blocks eval, inline and remote script and every origin but the sync server; allows WebAssembly', async () => {
    const page = await browser.newPage();
    await page.goto(`${appOrigin}/`);
    const expected = ['eval', 'function', 'wasm', 'fetchSync', 'fetchOther', 'fetchRemote', 'wsSync', 'wsOther', 'remoteScript'];
    await page.waitForFunction((names) => names.every((name) => name in (window as unknown as { results: object }).results), expected);
    const results = await page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results);
    const inlineRan = await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan ?? false);
    await page.close();

    expect(inlineRan).toBe(false);
    expect(results).toEqual({
      eval: 'blocked',
      function: 'blocked',
      wasm: 'ran',
      fetchSync: 'ran',
      fetchOther: 'blocked',
      fetchRemote: 'blocked',
      wsSync: 'ran',
      wsOther: 'blocked',
      remoteScript: 'blocked',
    });
  });
});
