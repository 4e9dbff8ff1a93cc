import { ChevronLeft, ChevronRight, Play } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { setCurrentItem } from '../../collab/live';
import type { MeetingLive } from '../../domain/meetingRecords';
import { Button } from '../../ui';
import { useSession } from '../session';
import type { AgendaRow } from './agendaRows';
import { awayFromChair, follow as followAgain, stepItem, unfollow, type AgendaItemKey, type FollowState } from './followState';
import { MeetingTimers } from './MeetingTimers';
import { useRowLabel } from './useRowLabel';

/** Props of {@link MeetingModeBar}. */
export interface MeetingModeBarProps {
  doc: Y.Doc;
  live: MeetingLive;
  keys: readonly AgendaItemKey[];
  rows: readonly AgendaRow[];
  viewing: AgendaItemKey | null;
  isChair: boolean;
  follow: FollowState;
  onFollowChange(next: FollowState): void;
}

/**
 * Meeting mode: the chair starts the meeting and moves every screen with "Vorig punt" and
 * "Volgend punt"; a participant follows, or stops following and rejoins. The item on
 * screen is announced politely; focus never moves (someone may be typing).
 */
export function MeetingModeBar({ doc, live, keys, rows, viewing, isChair, follow, onFollowChange }: MeetingModeBarProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const rowLabel = useRowLabel();
  const started = live.startedAt !== null;
  const describe = (key: AgendaItemKey | null): string => {
    const row = rows.find((candidate) => candidate.key === key);
    return row ? t('meetings.mode.item', { position: row.position, label: rowLabel(row) }) : '';
  };
  const go = (item: AgendaItemKey | null): void => {
    if (item !== null) setCurrentItem(doc, item, { username: user.username });
  };
  const index = live.currentItem === null ? -1 : keys.indexOf(live.currentItem);

  return (
    <div className="mt-mode">
      <MeetingTimers live={live} />
      {isChair ? (
        <div className="mt-mode__controls">
          {!started ? (
            <Button variant="primary" icon={<Play size={16} />} disabled={keys.length === 0} onClick={() => go(viewing ?? keys[0] ?? null)}>
              {t('meetings.mode.start')}
            </Button>
          ) : (
            <>
              <Button icon={<ChevronLeft size={16} />} disabled={index <= 0} onClick={() => go(stepItem(keys, live.currentItem, -1))}>{t('meetings.mode.previous')}</Button>
              <Button variant="primary" icon={<ChevronRight size={16} />} disabled={index === -1 ? keys.length === 0 : index >= keys.length - 1} onClick={() => go(stepItem(keys, live.currentItem, 1))}>
                {t('meetings.mode.next')}
              </Button>
              <span className="mt-muted">{t('meetings.mode.chairHint')}</span>
            </>
          )}
        </div>
      ) : (
        <div className="mt-mode__controls">
          {follow.following ? (
            <>
              <span>{started ? t('meetings.mode.following') : t('meetings.mode.followingNotStarted')}</span>
              <Button onClick={() => onFollowChange(unfollow(viewing, follow))}>{t('meetings.mode.unfollow')}</Button>
            </>
          ) : (
            <>
              <span>
                {t('meetings.mode.notFollowing')}
                {awayFromChair(follow, live.currentItem) ? ` ${t('meetings.mode.chairAt', { item: describe(live.currentItem) })}` : ''}
              </span>
              <Button variant="primary" onClick={() => onFollowChange(followAgain())}>{t('meetings.mode.follow')}</Button>
            </>
          )}
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">{viewing !== null ? t('meetings.mode.onScreen', { item: describe(viewing) }) : ''}</p>
    </div>
  );
}
