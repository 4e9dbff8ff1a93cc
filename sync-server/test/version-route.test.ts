/** GET /api/version: the protocol and app version, public and never cached; the CSP lets the service worker run. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SYNC_PROTOCOL_VERSION } from '../src/http/version-route';
import { APP_PROTOCOL_VERSION } from '../../renderer/src/features/update/protocol';
import { newServer, type TestServer } from './helpers';

describe('GET /api/version', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await newServer();
  });
  afterAll(() => t.close());

  it('answers without a token with the protocol and the package version, not cached', async () => {
    const response = await fetch(`${t.url}/api/version`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await response.json()).toEqual({ protocol: SYNC_PROTOCOL_VERSION, app: version, idleLockMinutes: 15 });
  });

  it("tells the app the region's idle lock", async () => {
    const other = await newServer({ idleLockMinutes: 5 });
    try {
      expect(await (await fetch(`${other.url}/api/version`)).json()).toMatchObject({ idleLockMinutes: 5 });
    } finally {
      await other.close();
    }
  });

  it('refuses other methods like every route', async () => {
    const response = await fetch(`${t.url}/api/version`, { method: 'POST' });
    expect(response.status).toBe(405);
  });

  it('allows a same-origin service worker in the CSP', async () => {
    const response = await fetch(`${t.url}/api/version`);
    expect(response.headers.get('content-security-policy')).toContain("worker-src 'self'");
  });

  it('speaks the protocol this app was built for', () => {
    // The app and the server of one release must agree; raise both together.
    expect(APP_PROTOCOL_VERSION).toBe(SYNC_PROTOCOL_VERSION);
  });
});
