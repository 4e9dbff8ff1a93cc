/**
 * The Content-Security-Policy of the desktop renderer, sent as a header by the app://
 * protocol handler. It is stricter than the web build's (sync-server/src/http/security-headers.ts)
 * only in connect-src: the page may talk to the one configured sync server and nothing else.
 */
import type { ServerUrl } from './server-url';

/** Builds the policy for a given sync server; every directive is listed so none falls back silently. */
export function contentSecurityPolicy(server: Pick<ServerUrl, 'origin' | 'wsOrigin'>): string {
  return [
    "default-src 'none'",
    // react-pdf's layout engine (yoga) is WebAssembly; no eval, no remote script.
    "script-src 'self' 'wasm-unsafe-eval'",
    // React and the rich-text editor set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${server.origin} ${server.wsOrigin}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every app:// response besides the CSP. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};
