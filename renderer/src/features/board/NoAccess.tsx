import { ArrowLeft, Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import { EmptyState, PageHeading } from '../../ui';

/** "Geen toegang tot deze casus": nothing of the case, not even its label. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <div className="section-page">
      <PageHeading>{t('sections.case.title')}</PageHeading>
      <EmptyState
        icon={<Lock size={40} />}
        title={t('board.noAccess.title')}
        action={
          <a className="button button--secondary" href={hrefOf({ name: 'cases' })}>
            <span className="button__icon" aria-hidden="true"><ArrowLeft size={18} /></span>
            <span>{t('board.noAccess.back')}</span>
          </a>
        }
      >
        <p>{t('board.noAccess.body')}</p>
      </EmptyState>
    </div>
  );
}
