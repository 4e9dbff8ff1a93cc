import { CalendarDays, Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/useNow';
import { Button, EmptyState, PageHeading } from '../../ui';
import { useSession } from '../session';
import { splitMeetings } from './meetingList';
import { MeetingTable } from './MeetingTable';
import { NewMeetingDialog } from './NewMeetingDialog';
import { useMeetings } from './useMeetingData';
import './meetings.css';

/** "Overleggen": upcoming and past meetings I am invited to; "Nieuw overleg" for a procesregisseur. */
export function MeetingsOverview() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { meetings } = useMeetings();
  const now = useNow(60_000);
  const lists = useMemo(() => splitMeetings(meetings, new Date(now)), [meetings, now]);
  const [creating, setCreating] = useState(false);
  const mayCreate = user.role === 'procesregisseur';
  const empty = lists.upcoming.length === 0 && lists.past.length === 0;

  return (
    <div className="section-page mt-overview">
      <div className="mt-page-bar">
        <PageHeading>{t('sections.meetings.title')}</PageHeading>
        {mayCreate ? (
          <Button variant="primary" icon={<Plus size={18} />} onClick={() => setCreating(true)}>{t('meetings.new')}</Button>
        ) : null}
      </div>
      {empty ? (
        <EmptyState icon={<CalendarDays size={40} />} title={t('sections.meetings.emptyTitle')}>
          <p>{lists.pending.length > 0 ? t('meetings.pending', { count: lists.pending.length }) : t('sections.meetings.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <section className="mt-overview__part" aria-labelledby="mt-upcoming">
            <h2 id="mt-upcoming" className="mt-heading">{t('meetings.upcoming')}</h2>
            {lists.upcoming.length > 0
              ? <MeetingTable rows={lists.upcoming} caption={t('meetings.upcoming')} />
              : <p className="mt-muted">{t('meetings.noUpcoming')}</p>}
          </section>
          <section className="mt-overview__part" aria-labelledby="mt-past">
            <h2 id="mt-past" className="mt-heading">{t('meetings.past')}</h2>
            {lists.past.length > 0
              ? <MeetingTable rows={lists.past} caption={t('meetings.past')} />
              : <p className="mt-muted">{t('meetings.noPast')}</p>}
          </section>
        </>
      )}
      {mayCreate ? <NewMeetingDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
