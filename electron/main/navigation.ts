/**
 * What a renderer may load or open. The app is one page on app://themakamer: every
 * navigation elsewhere is stopped, every new window is refused (https links go to the
 * user's browser instead), and network requests may reach only the sync server.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-origin';
import { openExternalLink, safeExternalUrl, type OpenExternal } from './external-links';
import type { ServerUrl } from './server-url';

/** Whether a frame may navigate to `url`: only within the app's own origin. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** The setWindowOpenHandler callback: never a new Electron window; safe https links open in the browser. */
export function windowOpenHandler(openExternal: OpenExternal): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return ({ url }) => {
    if (safeExternalUrl(url) !== null) void openExternalLink(url, openExternal);
    return { action: 'deny' };
  };
}

/** Schemes the browser engine uses internally that carry no network access. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/**
 * Whether the session may send a request: the app's own files, in-memory URLs, and
 * the configured sync server over http(s) and ws(s). Backs up the CSP's connect-src
 * for requests the CSP does not see (favicons, prefetches, extensions).
 */
export function mayRequest(url: string, server: Pick<ServerUrl, 'origin' | 'wsOrigin'>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (isAppUrl(url)) return true;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const hostOrigin = `${parsed.protocol}//${parsed.host}`;
  return hostOrigin === server.origin || hostOrigin === server.wsOrigin;
}
