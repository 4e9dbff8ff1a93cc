import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { syncAnnouncementFor } from './syncAnnouncements';
import { useAppStore } from './store';

/**
 * Announces connection changes (toast and screen reader), whoever reports them. Signing in
 * is not a connection change: then only an offline start is announced, in its own words.
 */
export function useSyncAnnouncements(): void {
  const { t } = useTranslation();
  useEffect(
    () =>
      useAppStore.subscribe((state, previous) => {
        if (state.session !== previous.session && (state.session === null || previous.session === null)) {
          if (state.session !== null && state.sync.state === 'offline') state.announce(t('session.signIn.offlineNotice'), 'warning');
          return;
        }
        const message = syncAnnouncementFor(previous.sync.state, state.sync.state);
        if (message === null) return;
        state.announce(t(`sync.${message}`), message === 'backOnline' ? 'info' : 'warning');
      }),
    [t],
  );
}
