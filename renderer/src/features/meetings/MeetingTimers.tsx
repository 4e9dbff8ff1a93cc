import { Clock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/useNow';
import type { MeetingLive } from '../../domain/meetingRecords';
import { elapsedSeconds, formatDuration } from './meetingTimer';

/**
 * The meeting and item timers, from the start times in the meeting document: every screen
 * shows the same figure, and a reload or a late joiner does not reset them. Only this small
 * component re-renders every second.
 */
export function MeetingTimers({ live }: { live: MeetingLive }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const meeting = elapsedSeconds(live.startedAt, now);
  const item = elapsedSeconds(live.itemStartedAt, now);
  if (meeting === null) return <p className="mt-timers mt-muted">{t('meetings.mode.notStarted')}</p>;
  return (
    <p className="mt-timers">
      <Clock size={16} aria-hidden="true" />
      <span role="timer" aria-live="off">{t('meetings.mode.meetingTimer', { time: formatDuration(meeting) })}</span>
      <span role="timer" aria-live="off">{t('meetings.mode.itemTimer', { time: formatDuration(item ?? 0) })}</span>
    </p>
  );
}
