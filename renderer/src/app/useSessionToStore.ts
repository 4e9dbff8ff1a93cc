import { useEffect } from 'react';
import type { LiveSession } from '../features/session';
import { watchBrowserConnectivity } from './connectivity';
import { initialSyncState } from './slices/syncSlice';
import { useAppStore } from './store';

/**
 * Mirrors the live session into the UI store while signed in: the user menu's name and
 * organisation, and the sync indicator's state (from the doc manager and the API, not
 * from the browser alone). The browser's online/offline events go to the session.
 * Session and sync change in one update, so a sign-in is not announced as a reconnect.
 */
export function useSessionToStore(live: LiveSession | null, signOut: () => void): void {
  useEffect(() => {
    if (!live) {
      useAppStore.setState({ session: null, sync: initialSyncState.sync });
      return;
    }
    const orgName = (): string => live.directory.getSnapshot().orgs.find((org) => org.id === live.user.org)?.name ?? live.user.org;
    const status = () => {
      const { state, lastSyncedAt } = live.connection.getSnapshot();
      return { state, lastSyncedAt };
    };
    useAppStore.setState({ session: { name: live.user.name, orgName: orgName(), signOut }, sync: status() });
    const stopConnection = live.connection.subscribe(() => useAppStore.getState().setSyncStatus(status()));
    const stopDirectory = live.directory.subscribe(() => {
      const current = useAppStore.getState().session;
      if (current && current.orgName !== orgName()) useAppStore.setState({ session: { ...current, orgName: orgName() } });
    });
    const stopBrowser = watchBrowserConnectivity(
      window,
      () => useAppStore.getState().sync,
      (browser) => live.setBrowserOnline(browser.state !== 'offline'),
    );
    return () => {
      stopConnection();
      stopDirectory();
      stopBrowser();
    };
  }, [live, signOut]);
}
