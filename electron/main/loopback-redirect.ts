/**
 * Sign-in in the system browser with a loopback redirect (RFC 8252, "OAuth 2.0 for Native
 * Apps"): the desktop app never shows the identity provider's page in its own window. It
 * listens on 127.0.0.1 on a random port, opens the sign-in URL in the user's browser (an
 * injected opener: `shell.openExternal` in the app, a stand-in in tests) and waits for one
 * redirect to `http://127.0.0.1:<port>/callback` that carries its own random `state`.
 * Requests with another state, another path or another method are refused and do not end
 * the wait; the wait ends with the first matching redirect or at the timeout. Plain Node: no
 * `electron` import, so it is tested with a real loopback request.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The path of the redirect on the loopback listener. */
export const loopbackPath = '/callback';

/** What the listener needs from its caller. */
export interface LoopbackSignInOptions {
  /** The URL to open in the browser, given the loopback redirect URI and the state to bring back. */
  signInUrl(redirectUri: string, state: string): string;
  /** Opens a URL in the system browser. */
  open(url: string): Promise<void>;
  /** How long the user may take (default 5 minutes). */
  timeoutMs?: number;
  /** Ends the wait early (the user cancelled, or started again). */
  signal?: AbortSignal;
}

/** Why no redirect came. */
export class LoopbackSignInError extends Error {
  override name = 'LoopbackSignInError';
  constructor(readonly reason: 'timeout' | 'cancelled' | 'open-failed' | 'listen-failed') {
    super(reason);
  }
}

const page = (text: string): string =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Themakamer</title></head><body><main><p>${text}</p></main></body></html>`;

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'",
    'Referrer-Policy': 'no-referrer',
  });
  res.end(page(text));
}

const sameState = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * Opens the sign-in in the system browser and resolves with the query of the one redirect
 * that brought back this attempt's state (the caller reads its code or error from it).
 */
export async function signInThroughBrowser(options: LoopbackSignInOptions): Promise<URLSearchParams> {
  if (options.signal?.aborted) throw new LoopbackSignInError('cancelled');
  const state = randomBytes(32).toString('base64url');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', () => reject(new LoopbackSignInError('listen-failed')));
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${loopbackPath}`;

  try {
    return await new Promise<URLSearchParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new LoopbackSignInError('timeout')), options.timeoutMs ?? 5 * 60_000);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(new LoopbackSignInError('cancelled'));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const url = new URL(req.url ?? '/', redirectUri);
        if (req.method !== 'GET' || url.pathname !== loopbackPath) return answer(res, 404, 'Niet gevonden.');
        if (!sameState(url.searchParams.get('state') ?? '', state)) return answer(res, 400, 'Deze aanmelding hoort niet bij Themakamer op dit apparaat.');
        answer(res, 200, 'U bent aangemeld. U kunt dit venster sluiten en teruggaan naar Themakamer.');
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(url.searchParams);
      });
      options.open(options.signInUrl(redirectUri, state)).catch(() => {
        clearTimeout(timer);
        reject(new LoopbackSignInError('open-failed'));
      });
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
