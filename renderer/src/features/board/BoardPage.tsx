import { useTranslation } from 'react-i18next';
import { isRoom } from '../../domain/ids';
import { PageHeading } from '../../ui';
import { useCaseDoc } from '../session';
import { CaseBoard } from './CaseBoard';
import { NoAccess } from './NoAccess';

/**
 * The route `#/casussen/<caseId>`. A case that is not in the user's rooms (never granted,
 * or revoked) is never opened: "Geen toegang", with nothing of the case on the page.
 */
export function BoardPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const state = useCaseDoc(caseId);
  if (state.status === 'no-access' || !isRoom(caseId)) return <NoAccess />;
  if (state.status === 'checking' || !state.loaded) {
    return (
      <div className="section-page">
        <PageHeading>{t('sections.case.title')}</PageHeading>
        <p role="status">{t('board.loading')}</p>
      </div>
    );
  }
  return <CaseBoard room={caseId} doc={state.doc} awareness={state.awareness} access={state.access} manage={state.manage} />;
}
