/**
 * Which browser origins may use the server: the server's own origin (the web app it serves),
 * the desktop app's origin, and origins the operator allows (`--allow-origin`). A request
 * without an Origin header comes from a native client, not a page, and passes. The HTTP API
 * (CORS) and the WebSocket upgrade use this one rule.
 */
import type { IncomingMessage } from 'node:http';

/** The desktop renderer's origin (electron/main/app-origin.ts). */
export const desktopOrigin = 'app://themakamer';

/** True when a page on `origin` may call this server. */
export function isAllowedOrigin(req: IncomingMessage, tls: boolean, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === desktopOrigin || allowedOrigins.includes(origin)) return true;
  const host = req.headers.host;
  return host !== undefined && origin.toLowerCase() === `${tls ? 'https' : 'http'}://${host.toLowerCase()}`;
}
