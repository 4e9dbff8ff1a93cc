import { FolderOpen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui';
import { SectionPage } from './SectionPage';

/** Casussen. The list of cases comes with the data layer; until then, what to do next. */
export function CasesSection() {
  const { t } = useTranslation();
  return (
    <SectionPage title={t('sections.cases.title')}>
      <EmptyState icon={<FolderOpen size={40} />} title={t('sections.cases.emptyTitle')}>
        <p>{t('sections.cases.emptyBody')}</p>
      </EmptyState>
    </SectionPage>
  );
}
