/** With a certificate and key the server speaks https (with HSTS) and wss. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addTestUser, newServer, testPassword, type TestServer } from './helpers';

describe('TLS', () => {
  let t: TestServer;
  let dir: string;
  let cert: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'themakamer-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    cert = await readFile(join(dir, 'cert.pem'));
    t = await newServer({ tls: { cert, key: await readFile(join(dir, 'key.pem')) } });
    await addTestUser(t.admin, 'anna');
    await t.admin.grant('case:tlstest000000001', 'anna', 'edit');
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves https and wss', async () => {
    expect(t.url).toMatch(/^https:\/\//);
    expect(t.wsUrl).toMatch(/^wss:\/\//);
    const post = (path: string, body: string) => new Promise<{ status: number; body: string; hsts: string | undefined }>((resolve, reject) => {
      const req = request(`${t.url}${path}`, { method: 'POST', ca: cert, headers: { 'Content-Type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, hsts: res.headers['strict-transport-security'] as string | undefined }));
      });
      req.on('error', reject);
      req.end(body);
    });
    const loggedIn = await post('/api/login', JSON.stringify({ username: 'anna', password: testPassword }));
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.hsts).toBe('max-age=31536000');
    const { token } = JSON.parse(loggedIn.body) as { token: string };
    const socket = new WebSocket(`${t.wsUrl}/case:tlstest000000001?token=${token}`, { ca: cert });
    const first = await new Promise<Buffer>((resolve, reject) => {
      socket.once('message', (data) => resolve(data as Buffer));
      socket.once('error', reject);
    });
    expect(first[0]).toBe(0);
    socket.close();
  });
});
