import { CalendarDays } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui';
import { SectionPage } from './SectionPage';

/** Overleggen. The list of meetings comes with the data layer; until then, what to do next. */
export function MeetingsSection() {
  const { t } = useTranslation();
  return (
    <SectionPage title={t('sections.meetings.title')}>
      <EmptyState icon={<CalendarDays size={40} />} title={t('sections.meetings.emptyTitle')}>
        <p>{t('sections.meetings.emptyBody')}</p>
      </EmptyState>
    </SectionPage>
  );
}
