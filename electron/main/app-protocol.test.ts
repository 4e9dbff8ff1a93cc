import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, nodeAppFiles, serveAppRequest } from './app-protocol';
import { contentSecurityPolicy } from './csp';

const base = mkdtempSync(join(tmpdir(), 'themakamer-app-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Themakamer</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("fictief");');
writeFileSync(join(root, 'assets', 'yoga.wasm'), new Uint8Array([0, 97, 115, 109]));
writeFileSync(join(root, 'assets', 'notes.unknownext'), 'x');
writeFileSync(join(base, 'secret.txt'), 'outside the root');
symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const csp = contentSecurityPolicy({ origin: 'http://127.0.0.1:8470', wsOrigin: 'ws://127.0.0.1:8470' });
const files = nodeAppFiles(root);
const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), files, csp);

describe('app:// protocol handler', () => {
  it('serves index.html for / and by name, with CSP and hardening headers', async () => {
    for (const url of ['app://themakamer/', 'app://themakamer/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(csp);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await response.text()).toContain('<title>Themakamer</title>');
    }
  });

  it('serves scripts and wasm with their MIME types', async () => {
    const script = await get('app://themakamer/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("fictief");');
    const wasm = await get('app://themakamer/assets/yoga.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://themakamer/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['a missing file', 'app://themakamer/assets/missing.js'],
    ['dot-dot (normalised by the URL parser)', 'app://themakamer/../secret.txt'],
    ['encoded dot-dot (also normalised)', 'app://themakamer/%2e%2e/secret.txt'],
    ['encoded slash and dot-dot', 'app://themakamer/assets%2f..%2f..%2fsecret.txt'],
    ['a symlink leading outside the root', 'app://themakamer/assets/link.txt'],
    ['an unknown file type', 'app://themakamer/assets/notes.unknownext'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://themakamer:8080/index.html'],
    ['a directory', 'app://themakamer/assets'],
  ])('refuses %s with 404 and still sends the CSP', async (_name, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(await response.text()).toBe('');
  });

  it('refuses an encoded backslash or NUL with 400', async () => {
    expect((await get('app://themakamer/assets%5c..%5csecret.txt')).status).toBe(400);
    expect((await get('app://themakamer/index.html%00.js')).status).toBe(400);
    expect((await get('app://themakamer/%E0%A4%A')).status).toBe(400);
  });

  it('refuses writes with 405', async () => {
    const response = await serveAppRequest(new Request('app://themakamer/index.html', { method: 'POST', body: 'x' }), files, csp);
    expect(response.status).toBe(405);
  });

  it('registers app:// as a standard secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false });
  });
});
