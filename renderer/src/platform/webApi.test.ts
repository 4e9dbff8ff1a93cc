import { describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { createWebApi, type WebEnvironment } from './webApi';

// The browser edges (location, navigator, window.open) are stand-ins here; the real
// download and popup behaviour is checked in Chromium (browser.test.ts).
function environment() {
  const opened: { url: string; target: string; features: string }[] = [];
  const env = {
    location: { origin: 'http://127.0.0.1:8470' },
    navigator: { platform: 'Linux x86_64' },
    document: undefined as unknown as Document,
    open: (url: string, target: string, features: string) => {
      opened.push({ url, target, features });
      return null;
    },
  } satisfies WebEnvironment;
  return { env, opened };
}

describe('web Api', () => {
  it('reports the web shell, the package version and its own origin as the server', async () => {
    const { env } = environment();
    await expect(createWebApi(env).getAppInfo()).resolves.toEqual({
      shell: 'web', version, serverUrl: 'http://127.0.0.1:8470', platform: 'Linux x86_64',
    });
  });

  it('opens only safe https links, in a new tab without opener or referrer', async () => {
    const { env, opened } = environment();
    const api = createWebApi(env);
    await expect(api.openExternal('https://example.org/handreiking')).resolves.toBe(true);
    await expect(api.openExternal('javascript:alert(1)')).resolves.toBe(false);
    await expect(api.openExternal('http://example.org/')).resolves.toBe(false);
    expect(opened).toEqual([{ url: 'https://example.org/handreiking', target: '_blank', features: 'noopener,noreferrer' }]);
  });

  it('has no key store to wrap the vault key with', async () => {
    const api = createWebApi(environment().env);
    await expect(api.wrapKey(new Uint8Array([1, 2, 3]))).resolves.toEqual({ available: false, data: null });
    await expect(api.unwrapKey(new Uint8Array([1, 2, 3]))).resolves.toEqual({ available: false, data: null });
  });
});
