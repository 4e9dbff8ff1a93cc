import { useTranslation } from 'react-i18next';
import { ActionsView } from '../../features/actions/ActionsView';
import { SectionPage } from './SectionPage';

/** Acties: every action of every case the user may see, filterable, the user's own first. */
export function ActionsSection() {
  const { t } = useTranslation();
  return (
    <SectionPage title={t('sections.actions.title')}>
      <ActionsView />
    </SectionPage>
  );
}
