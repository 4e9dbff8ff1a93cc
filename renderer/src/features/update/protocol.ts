/**
 * The app's side of the protocol check (sync-server/src/http/version-route.ts): which version of
 * the contract between app and server this build speaks, and how it compares to a server's.
 */

/**
 * The version of the HTTP API, WebSocket protocol and document schemas this app was built
 * for. Raise it together with the server's `SYNC_PROTOCOL_VERSION` (a server test checks
 * that both are equal).
 */
export const APP_PROTOCOL_VERSION = 2;

/** How this app's protocol relates to the server's. */
export type ProtocolFit = 'same' | 'app-older' | 'app-newer';

/** Compares the app's protocol version with the server's. */
export function compareProtocol(app: number, server: number): ProtocolFit {
  if (app === server) return 'same';
  return app < server ? 'app-older' : 'app-newer';
}
