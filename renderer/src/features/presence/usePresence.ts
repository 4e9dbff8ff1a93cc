import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { createPeersStore } from './peersStore';
import { summarisePresence, type PresentUser } from './presenceSummary';

/** The username this client publishes in awareness (null before the room set it). */
export function localUsername(awareness: Awareness): string | null {
  const user = (awareness.getLocalState() as { user?: { username?: unknown } } | null)?.user;
  return typeof user?.username === 'string' ? user.username : null;
}

/** The other users who have this room open, and the plan sections they type in. */
export function usePresence(awareness: Awareness): PresentUser[] {
  const store = useMemo(() => createPeersStore(awareness), [awareness]);
  const peers = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return useMemo(() => summarisePresence(peers, localUsername(awareness)), [peers, awareness]);
}
