/**
 * What a WebSocket close code from the sync server means for a room (docs/design.md,
 * "WebSocket"). Codes not listed are transient: the provider reconnects with backoff.
 */
import type { RoomState } from './sync-status';

/** Close codes after which reconnecting cannot help, and the room state they lead to. */
const terminal: ReadonlyMap<number, RoomState> = new Map<number, RoomState>([
  [4401, 'unauthorized'], // bad or expired token: a new login (setToken) resumes
  [4403, 'forbidden'], // no grant for this room
  [4410, 'forbidden'], // grant revoked while connected
  [4400, 'refused'], // the server could not accept a message of ours
  [1009, 'refused'], // a message of ours was too big; resending it would loop
]);

/** The terminal state for `code`, or null when the connection should be retried. */
export function terminalStateFor(code: number): RoomState | null {
  return terminal.get(code) ?? null;
}

/** `ws://` or `wss://` origin for a server base URL (`http://…`, `https://…`). */
export function webSocketUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('server URL must be http(s)');
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}
