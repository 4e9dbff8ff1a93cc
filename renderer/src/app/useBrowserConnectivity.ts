import { useEffect } from 'react';
import { watchBrowserConnectivity } from './connectivity';
import { useAppStore } from './store';

/** Feeds the sync indicator from the browser's online/offline state while mounted. */
export function useBrowserConnectivity(): void {
  useEffect(
    () => watchBrowserConnectivity(window, () => useAppStore.getState().sync, (status) => useAppStore.getState().setSyncStatus(status)),
    [],
  );
}
