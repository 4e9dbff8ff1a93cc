import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServer, type TestServer } from '../../../../sync-server/test/helpers';
import { SYNC_PROTOCOL_VERSION } from '../../../../sync-server/src/http/version-route';
import { fetchServerVersion } from './serverVersion';

describe('fetchServerVersion', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await newServer();
  });
  afterAll(() => server.close());

  it('reads the real server’s protocol and release', async () => {
    expect(await fetchServerVersion(server.url)).toEqual({ protocol: SYNC_PROTOCOL_VERSION, app: expect.any(String), idleLockMinutes: 15 });
  });

  it('gives null for an unreachable server, an error status or an answer it does not understand', async () => {
    expect(await fetchServerVersion('http://127.0.0.1:9')).toBeNull();
    const answer = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status });
    expect(await fetchServerVersion('http://x', answer(500, { error: 'internal' }))).toBeNull();
    expect(await fetchServerVersion('http://x', answer(404, '<html>'))).toBeNull();
    expect(await fetchServerVersion('http://x', answer(200, { protocol: 'één' }))).toBeNull();
    expect(await fetchServerVersion('http://x', answer(200, { protocol: 2, app: '0.2.0' }))).toEqual({ protocol: 2, app: '0.2.0' });
  });

  it('takes a Themakamer server from before the version route (404 not_found) as protocol 0', async () => {
    const answer: typeof fetch = async () => new Response(JSON.stringify({ error: 'not_found' }), { status: 404 });
    expect(await fetchServerVersion('http://x', answer)).toEqual({ protocol: 0, app: 'onbekend' });
  });
});
