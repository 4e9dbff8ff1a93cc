/**
 * The one connection state the app's indicator shows, from the doc manager's aggregate
 * over open rooms and from whether the HTTP API answers. It must tell the truth: with no
 * room open the rooms say nothing, and a browser with a network but no server is offline.
 */
import type { AppSyncStatus } from '../../collab/sync-status';

/** What the indicator shows. */
export type AppConnectionState = 'online' | 'offline' | 'syncing' | 'unauthorized';

/** What is known about the connection. */
export interface ConnectionFacts {
  rooms: AppSyncStatus;
  /** How many rooms are open (the aggregate of none says 'online', which proves nothing). */
  openRooms: number;
  /** Did the last API call get an answer? null before the first. */
  apiReachable: boolean | null;
  /** The browser says it has a network. */
  browserOnline: boolean;
  /** The API refused the token (401) or a room closed with 4401. */
  needsLogin: boolean;
}

/** The state for the indicator. */
export function connectionState(facts: ConnectionFacts): AppConnectionState {
  if (facts.needsLogin || facts.rooms.state === 'unauthorized') return 'unauthorized';
  if (!facts.browserOnline || facts.apiReachable === false) return 'offline';
  const activeRooms = facts.openRooms - facts.rooms.forbidden.length - facts.rooms.refused.length;
  if (activeRooms > 0) return facts.rooms.state;
  return facts.apiReachable === true ? 'online' : 'syncing';
}
