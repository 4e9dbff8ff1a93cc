import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { syncAnnouncementFor } from './syncAnnouncements';
import { useAppStore } from './store';

/** Announces connection changes (toast and screen reader), whoever reports them. */
export function useSyncAnnouncements(): void {
  const { t } = useTranslation();
  useEffect(
    () =>
      useAppStore.subscribe((state, previous) => {
        const message = syncAnnouncementFor(previous.sync.state, state.sync.state);
        if (message === null) return;
        state.announce(t(`sync.${message}`), message === 'backOnline' ? 'info' : 'warning');
      }),
    [t],
  );
}
