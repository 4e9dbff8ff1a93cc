import { memo, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { setCurrentItem } from '../../collab/live';
import { useNow } from '../../app/useNow';
import { isId, type CaseId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import { useSession } from '../session';
import { AgendaPanel } from './AgendaPanel';
import { agendaRows, rowKeys } from './agendaRows';
import { ChairOverview } from './ChairOverview';
import { initialFollowState, pick, viewedItem, type AgendaItemKey, type FollowState } from './followState';
import { ItemView } from './ItemView';
import { MeetingModeBar } from './MeetingModeBar';
import { useCaseAccess, useCaseFacts, useMeetingSummaries } from './useMeetingData';

/** Props of {@link MeetingContent}. */
export interface MeetingContentProps {
  meeting: Meeting;
  doc: Y.Doc;
  isChair: boolean;
  canEdit: boolean;
}

/** Agenda, boards and access are memoised above: the overview re-renders when they change, not on every advance. */
const StableChairOverview = memo(ChairOverview);

/**
 * The agenda, meeting mode and the item on screen (shown only past the confidentiality
 * gate). The chair's picks put an item on every screen once the meeting has started;
 * before that they only change the chair's own view (preparing the agenda starts no timer).
 */
export function MeetingContent({ meeting, doc, isChair, canEdit }: MeetingContentProps) {
  const { user } = useSession();
  const agendaKey = meeting.agenda.join(' ');
  const agenda = useMemo(() => agendaKey.split(' ').filter((id): id is CaseId => isId('case', id)), [agendaKey]);
  const { canOpen } = useCaseAccess();
  const { boards } = useCaseFacts(agenda);
  const { meetings } = useMeetingSummaries();
  const now = useNow(60_000);
  const rows = useMemo(() => agendaRows({ order: agenda, canOpen, boards, meetings, now: new Date(now) }), [agenda, canOpen, boards, meetings, now]);
  const keys = useMemo(() => rowKeys(rows), [rows]);
  const [follow, setFollow] = useState<FollowState>(initialFollowState);
  const [chairPreview, setChairPreview] = useState<AgendaItemKey | null>(null);
  const started = meeting.live.startedAt !== null;
  const current = meeting.live.currentItem;

  let viewing: AgendaItemKey | null;
  if (isChair) {
    viewing = started ? viewedItem(initialFollowState, current, keys) : (chairPreview !== null && keys.includes(chairPreview) ? chairPreview : keys[0] ?? null);
  } else {
    viewing = viewedItem(follow, current, keys);
  }

  const onPick = (item: AgendaItemKey): void => {
    if (!isChair) setFollow(pick(item));
    else if (started) setCurrentItem(doc, item, { username: user.username });
    else setChairPreview(item);
  };

  return (
    <>
      <div className="mt-layout">
        <AgendaPanel
          meetingId={meeting.id}
          doc={doc}
          rows={rows}
          viewing={viewing}
          current={started ? current : null}
          isChair={isChair && canEdit}
          onPick={onPick}
        />
        <section className="mt-item-area" aria-labelledby="mt-item-heading">
          <MeetingModeBar
            doc={doc}
            live={meeting.live}
            keys={keys}
            rows={rows}
            viewing={viewing}
            isChair={isChair && canEdit}
            follow={follow}
            onFollowChange={setFollow}
          />
          <ItemView meetingId={meeting.id} meetingStart={meeting.meta?.start ?? null} rows={rows} viewing={viewing} boards={boards} agenda={agenda} />
        </section>
      </div>
      {isChair ? <StableChairOverview agenda={agenda} boards={boards} canOpen={canOpen} /> : null}
    </>
  );
}
