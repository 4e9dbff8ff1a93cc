import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRoom } from '../../domain/ids';
import { PageHeading } from '../../ui';
import { afterNextPaint } from '../plan/nextTask';
import { useCaseDoc } from '../session';
import { CaseBoard } from './CaseBoard';
import { NoAccess } from './NoAccess';

/**
 * The route `#/casussen/<caseId>`. A case that is not in the user's rooms (never granted,
 * or revoked) is never opened: "Geen toegang", with nothing of the case on the page.
 *
 * Opening paints the board from the case's read copy in the vault (its content without the
 * editing history) while the full document is applied, then the same board goes live on
 * the real document: until then it is inert and marked busy.
 */
export function BoardPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const state = useCaseDoc(caseId, { readCopy: true });
  const copyShown = state.status === 'open' && state.readCopy ? state.readCopyShown : null;
  // The full document is applied only after the read copy's board was painted.
  useEffect(() => copyShown ? afterNextPaint(copyShown) : undefined, [copyShown]);
  if (state.status === 'no-access' || !isRoom(caseId)) return <NoAccess />;
  if (state.status === 'open' && !state.loaded && state.readCopy) {
    return <CaseBoard room={caseId} doc={state.readCopy} awareness={state.awareness} access={state.access} manage={state.manage} readCopy />;
  }
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
