import { ListChecks } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui';
import { SectionPage } from './SectionPage';

/** Acties. The action list comes with the data layer; until then, what to do next. */
export function ActionsSection() {
  const { t } = useTranslation();
  return (
    <SectionPage title={t('sections.actions.title')}>
      <EmptyState icon={<ListChecks size={40} />} title={t('sections.actions.emptyTitle')}>
        <p>{t('sections.actions.emptyBody')}</p>
      </EmptyState>
    </SectionPage>
  );
}
