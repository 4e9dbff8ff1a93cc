/**
 * The 'oidc-sign-in' and 'oidc-cancel' handlers: sign-in with the organisation's identity
 * provider in the system browser (RFC 8252). The main process listens on a loopback port
 * (loopback-redirect.ts), opens the configured sync server's start route in the user's
 * browser with that port and a fresh state as the return address, and hands the renderer the
 * one-time code that comes back; the renderer redeems it with POST /api/oidc/exchange. No
 * session token ever travels in a URL, and the provider's page never runs in an app window.
 *
 * The browser only ever opens the configured server's origin (validated by server-url.ts:
 * https, or http on loopback), never a URL the renderer supplies. One attempt at a time: a
 * new one cancels the one before (the user closed the browser tab and clicks again).
 * Plain Node: `shell.openExternal` is injected.
 */
import type { OidcSignInRequest, OidcSignInResult } from '../contract';
import type { OpenExternal } from './external-links';
import { LoopbackSignInError, signInThroughBrowser } from './loopback-redirect';

/** What the handlers need: the configured server, the browser, and how long to wait. */
export interface OidcSignInDeps {
  /** The configured sync server's origin (ServerUrl.origin). */
  serverOrigin: string;
  openExternal: OpenExternal;
  /** Default 5 minutes. */
  timeoutMs?: number;
}

const codePattern = /^[A-Za-z0-9_-]{43}$/;
const reasonPattern = /^[a-z-]{1,40}$/;

/** The start route with the loopback return address (`return` and `return_state`, as the server expects). */
export function oidcStartUrl(serverOrigin: string, org: string, redirectUri: string, state: string): string {
  const url = new URL('/api/oidc/start', serverOrigin);
  url.searchParams.set('org', org);
  url.searchParams.set('return', redirectUri);
  url.searchParams.set('return_state', state);
  return url.href;
}

/** The code or the server's reason in the loopback redirect's query; anything else is 'failed'. */
export function resultOf(query: URLSearchParams): OidcSignInResult {
  const code = query.get('oidc');
  if (code !== null && codePattern.test(code)) return { ok: true, code };
  const reason = query.get('oidc-error');
  return { ok: false, error: reason !== null && reasonPattern.test(reason) ? reason : 'failed' };
}

/** Makes both handlers around one attempt at a time. */
export function createOidcSignIn(deps: OidcSignInDeps) {
  let current: AbortController | null = null;

  async function signIn(request: OidcSignInRequest): Promise<OidcSignInResult> {
    if (new URL(request.serverUrl).origin !== deps.serverOrigin) {
      console.warn('[oidc] sign-in refused: not the configured server');
      return { ok: false, error: 'other-server' };
    }
    current?.abort();
    const attempt = new AbortController();
    current = attempt;
    try {
      const query = await signInThroughBrowser({
        signInUrl: (redirectUri, state) => oidcStartUrl(deps.serverOrigin, request.org, redirectUri, state),
        open: deps.openExternal,
        signal: attempt.signal,
        ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
      });
      const result = resultOf(query);
      if (!result.ok) console.warn(`[oidc] sign-in ended: ${result.error}`);
      return result;
    } catch (error) {
      const reason = error instanceof LoopbackSignInError ? error.reason : 'failed';
      console.warn(`[oidc] sign-in ended: ${reason}`);
      return { ok: false, error: reason };
    } finally {
      if (current === attempt) current = null;
    }
  }

  async function cancel(): Promise<boolean> {
    if (current === null) return false;
    current.abort();
    current = null;
    return true;
  }

  return { signIn, cancel };
}
