/** Headers on every HTTP response (the renderer's CSP is the server's to give in the web build). */
import type { ServerResponse } from 'node:http';

/** The Content-Security-Policy of the web build. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The service worker (sw.js, the offline start) and its workbox runtime: same origin only.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Sets the security headers; HSTS only when served over TLS. */
export function setSecurityHeaders(res: ServerResponse, tls: boolean): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  if (tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
}
