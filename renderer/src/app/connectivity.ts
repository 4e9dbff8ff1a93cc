import type { SyncStatus } from './slices/syncSlice';

/** What the connectivity watch needs from the browser window. */
export interface ConnectivitySource {
  navigator: Pick<Navigator, 'onLine'>;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/**
 * Reports whether the browser has a network, from `navigator.onLine` and its events.
 * It knows nothing of the sync server: it is the sync indicator's source until the sync
 * provider reports (then that replaces it). Keeps the last sync time it is given.
 * Returns the unsubscribe.
 */
export function watchBrowserConnectivity(
  source: ConnectivitySource,
  current: () => SyncStatus,
  report: (status: SyncStatus) => void,
): () => void {
  const update = (): void => {
    report({ state: source.navigator.onLine ? 'online' : 'offline', lastSyncedAt: current().lastSyncedAt });
  };
  update();
  source.addEventListener('online', update);
  source.addEventListener('offline', update);
  return () => {
    source.removeEventListener('online', update);
    source.removeEventListener('offline', update);
  };
}
