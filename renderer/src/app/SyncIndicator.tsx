import { CloudOff, KeyRound, RefreshCw, Wifi } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPill, type StatusTone } from '../ui';
import { formatMoment, useLanguage } from '../i18n';
import type { SyncState } from './slices/syncSlice';
import { selectSync, useAppStore } from './store';
import { useNow } from './useNow';

const looks: Record<SyncState, { tone: StatusTone; icon: ReactNode }> = {
  online: { tone: 'positive', icon: <Wifi size={16} /> },
  offline: { tone: 'warning', icon: <CloudOff size={16} /> },
  syncing: { tone: 'busy', icon: <RefreshCw size={16} /> },
  unauthorized: { tone: 'danger', icon: <KeyRound size={16} /> },
};

/** The connection state, always visible: online / offline / synchroniseren, and when it last synced. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { state, lastSyncedAt } = useAppStore(selectSync);
  const now = useNow();
  const look = looks[state];
  return (
    <div className="sync-indicator" role="group" aria-label={t('sync.label')} data-sync-state={state}>
      <StatusPill tone={look.tone} icon={look.icon}>{t(`sync.${state}`)}</StatusPill>
      {lastSyncedAt !== null ? (
        <span className="sync-indicator__last">
          {t('sync.lastSynced', { moment: formatMoment(t, lastSyncedAt, now, { language }) })}
        </span>
      ) : null}
    </div>
  );
}
