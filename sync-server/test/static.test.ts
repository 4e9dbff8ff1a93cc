/** The same server serves the built renderer: security headers, MIME types, caching, no traversal. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/http/security-headers';
import { newServer, type TestServer } from './helpers';

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

describe('static files', () => {
  let t: TestServer;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'themakamer-static-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Themakamer</title>');
    await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'app.css'), 'body{}');
    await writeFile(join(root, 'assets', 'font.woff2'), 'x');
    await writeFile(join(root, '..', 'themakamer-outside-secret.txt'), 'geheim');
    await symlink('/etc/hostname', join(root, 'link.txt'));
    t = await newServer({ staticDir: root });
  });
  afterAll(async () => {
    await t.close();
    await rm(root, { recursive: true, force: true });
    await rm(join(root, '..', 'themakamer-outside-secret.txt'), { force: true });
  });

  it('serves index.html for / and client routes, revalidated, with the security headers', async () => {
    for (const path of ['/', '/casus/case:abc', '/index.html']) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
      expect(await response.text()).toContain('<title>Themakamer</title>');
    }
  });

  it('serves hashed assets as immutable with their MIME types', async () => {
    for (const [path, type] of [['/assets/index-abc123.js', 'text/javascript; charset=utf-8'], ['/assets/app.css', 'text/css; charset=utf-8'], ['/assets/font.woff2', 'font/woff2']]) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('never serves files outside the root', async () => {
    for (const path of ['/../themakamer-outside-secret.txt', '/%2e%2e/themakamer-outside-secret.txt', '/assets/..%2f..%2fthemakamer-outside-secret.txt', '/link.txt', '/%00']) {
      const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        // fetch normalises ../ away; a raw request path does not.
        const req = request({ host: '127.0.0.1', port: t.server.port, path }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(response.body).not.toContain('geheim');
      expect(response.status).toBe(404);
    }
  });

  it('puts the security headers on API and error responses too', async () => {
    const response = await fetch(`${t.url}/api/me`);
    expect(response.status).toBe(401);
    for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
  });
});
