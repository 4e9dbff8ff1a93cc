import { useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { Button } from '../../ui';
import type { DroppedRoom } from './droppedRooms';
import { Notice } from './Notice';
import { useLiveSession } from './useSession';

/**
 * Rooms this device dropped (access ended, case deleted) while they held changes the server
 * never received: said plainly, once per room, until the user acknowledges it.
 */
export function DroppedRoomsNotice() {
  const { t } = useTranslation();
  const live = useLiveSession();
  const dropped = useSyncExternalStore(live.dropped.subscribe, live.dropped.getSnapshot);
  if (dropped.length === 0) return null;
  return (
    <section aria-label={t('session.dropped.region')}>
      {dropped.map((entry) => <DroppedRoomItem key={entry.room} entry={entry} onAcknowledge={() => void live.acknowledgeDropped(entry.room)} />)}
    </section>
  );
}

function DroppedRoomItem({ entry, onAcknowledge }: { entry: DroppedRoom; onAcknowledge(): void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const textId = useId();
  const when = (at: number): string => `${formatDate(at, { language })} ${formatTime(at, { language })}`;
  const what = entry.kind === 'case'
    ? (entry.name ? t('session.dropped.case', { number: entry.name }) : t('session.dropped.caseWithoutNumber'))
    : entry.kind === 'part' ? t('session.dropped.part')
    : (entry.name && !Number.isNaN(Date.parse(entry.name)) ? t('session.dropped.meeting', { date: formatDate(Date.parse(entry.name), { language }) }) : t('session.dropped.meetingWithoutDate'));
  return (
    <Notice tone="danger" role="alert">
      <p id={textId}>
        {t('session.dropped.lost', { what })}{' '}
        {t(entry.changes === 1 ? 'session.dropped.countOne' : 'session.dropped.countMany', { count: entry.changes, from: when(entry.firstAt), to: when(entry.lastAt) })}{' '}
        {t('session.dropped.removed')}
      </p>
      <Button onClick={onAcknowledge} aria-describedby={textId}>{t('session.dropped.acknowledge')}</Button>
    </Notice>
  );
}
