/**
 * The desktop's loopback redirect (RFC 8252) with real HTTP requests to 127.0.0.1: the
 * browser stand-in follows the sign-in URL back to the listener as a browser would.
 */
import { describe, expect, it } from 'vitest';
import { LoopbackSignInError, signInThroughBrowser } from './loopback-redirect';

/** The URL the app would open; here it names the redirect URI and state so the stand-in can come back. */
const signInUrl = (redirectUri: string, state: string): string => `https://login.organisatie.test/start?return=${encodeURIComponent(redirectUri)}&state=${state}`;
const target = (url: string): { redirectUri: string; state: string } => {
  const parsed = new URL(url);
  return { redirectUri: parsed.searchParams.get('return')!, state: parsed.searchParams.get('state')! };
};

describe('signInThroughBrowser', () => {
  it('listens on 127.0.0.1 at a random port and resolves with the redirect that brings back its state', async () => {
    let opened = '';
    const result = await signInThroughBrowser({
      signInUrl,
      async open(url) {
        opened = url;
        const { redirectUri, state } = target(url);
        expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
        expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
        // Not this attempt's state, another path, another method: refused, and the wait goes on.
        expect((await fetch(`${redirectUri}?oidc=aanvaller&state=verkeerd`)).status).toBe(400);
        expect((await fetch(redirectUri.replace('/callback', '/iets'))).status).toBe(404);
        expect((await fetch(`${redirectUri}?state=${state}`, { method: 'POST' })).status).toBe(404);
        const done = await fetch(`${redirectUri}?oidc=eenmalige-code&state=${state}`);
        expect(done.status).toBe(200);
        expect(await done.text()).toContain('U kunt dit venster sluiten');
      },
    });
    expect(result.get('oidc')).toBe('eenmalige-code');
    // The listener is gone afterwards.
    await expect(fetch(target(opened).redirectUri)).rejects.toThrow();
  });

  it('gives up at the timeout and closes the listener', async () => {
    let redirectUri = '';
    const waiting = signInThroughBrowser({ signInUrl, timeoutMs: 200, async open(url) { redirectUri = target(url).redirectUri; } });
    await expect(waiting).rejects.toEqual(new LoopbackSignInError('timeout'));
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('stops waiting when cancelled, and closes the listener', async () => {
    let redirectUri = '';
    const cancel = new AbortController();
    const waiting = signInThroughBrowser({ signInUrl, signal: cancel.signal, async open(url) { redirectUri = target(url).redirectUri; } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    cancel.abort();
    await expect(waiting).rejects.toEqual(new LoopbackSignInError('cancelled'));
    await expect(fetch(redirectUri)).rejects.toThrow();
    await expect(signInThroughBrowser({ signInUrl, signal: cancel.signal, open: async () => undefined })).rejects.toEqual(new LoopbackSignInError('cancelled'));
  });

  it('fails at once when the browser cannot be opened', async () => {
    await expect(signInThroughBrowser({ signInUrl, open: () => Promise.reject(new Error('no browser')) })).rejects.toEqual(new LoopbackSignInError('open-failed'));
  });
});
