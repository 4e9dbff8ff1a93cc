import type { StateCreator } from 'zustand';

/** What the connection to the sync server is doing. */
export type SyncState = 'online' | 'offline' | 'syncing' | 'unauthorized';

/** The status the sync indicator shows; fed by whoever knows the connection. */
export interface SyncStatus {
  state: SyncState;
  /** Epoch ms of the last completed synchronisation, or null when there was none yet. */
  lastSyncedAt: number | null;
}

/** The sync status as UI state. */
export interface SyncSlice {
  sync: SyncStatus;
  setSyncStatus(status: SyncStatus): void;
}

/** Initial state of {@link SyncSlice}: online until someone says otherwise. */
export const initialSyncState = { sync: { state: 'online', lastSyncedAt: null } } satisfies Partial<SyncSlice>;

/** Creates the sync slice. */
export const createSyncSlice: StateCreator<SyncSlice, [], [], SyncSlice> = (set, get) => ({
  ...initialSyncState,
  setSyncStatus(status) {
    const current = get().sync;
    if (current.state === status.state && current.lastSyncedAt === status.lastSyncedAt) return;
    set({ sync: { state: status.state, lastSyncedAt: status.lastSyncedAt } });
  },
});
