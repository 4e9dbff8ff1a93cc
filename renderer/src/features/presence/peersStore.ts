/**
 * The peers of a room as a store React can subscribe to: recomputed when awareness
 * states change (not on the periodic keep-alive renewals), with a stable snapshot so a
 * view re-renders only when who is there, or where, changed.
 */
import type { Awareness } from 'y-protocols/awareness';
import { readPeers, type Peer } from '../../collab/awareness';

/** A subscribable list of the other clients in a room. */
export interface PeersStore {
  getSnapshot(): Peer[];
  /** Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const samePeers = (a: readonly Peer[], b: readonly Peer[]): boolean =>
  a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

/** Creates the store for one awareness instance. */
export function createPeersStore(awareness: Awareness): PeersStore {
  const listeners = new Set<() => void>();
  let current = readPeers(awareness);
  const refresh = (): boolean => {
    const next = readPeers(awareness);
    if (samePeers(current, next)) return false;
    current = next;
    return true;
  };
  const onChange = (): void => {
    if (refresh()) for (const listener of [...listeners]) listener();
  };
  return {
    getSnapshot() {
      if (listeners.size === 0) refresh();
      return current;
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        refresh();
        awareness.on('change', onChange);
      }
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) awareness.off('change', onChange);
      };
    },
  };
}
