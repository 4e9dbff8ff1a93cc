import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../../app/useNow';
import { collectActions } from '../../domain/actionList';
import { actionStatuses } from '../../domain/actionVocabulary';
import { openActionsForAgenda } from '../../domain/agenda';
import type { CaseBoard } from '../../domain/caseBoard';
import type { CaseId } from '../../domain/ids';
import { useLanguage } from '../../i18n';
import { ActionDue } from '../actions/ActionDue';
import { useDirectory } from '../session';
import '../actions/actions.css';

/**
 * The standard first item "Openstaande acties vorig overleg": the open and overdue actions
 * of the cases on the agenda the user can access, overdue first.
 */
export function OpenActionsItem({ boards, agenda }: { boards: ReadonlyMap<CaseId, CaseBoard>; agenda: readonly CaseId[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName, orgName } = useDirectory();
  const today = useToday();
  const fallback = t('meetings.agenda.loadingLabel');
  const actions = useMemo(() => openActionsForAgenda(collectActions([...boards.values()], fallback), agenda, today), [boards, agenda, today, fallback]);
  const restricted = agenda.some((caseId) => !boards.has(caseId));
  return (
    <div className="mt-open-actions">
      <p className="mt-muted">{t('meetings.openActions.intro')}</p>
      {actions.length === 0 ? <p>{t('meetings.openActions.none')}</p> : (
        <table className="mt-table">
          <caption className="visually-hidden">{t('meetings.agenda.openActions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.openActions.case')}</th>
              <th scope="col">{t('meetings.openActions.action')}</th>
              <th scope="col">{t('meetings.openActions.owner')}</th>
              <th scope="col">{t('meetings.openActions.due')}</th>
              <th scope="col">{t('meetings.openActions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.id} className={action.overdue ? 'mt-table__row--overdue' : undefined}>
                <td>{action.caseLabel}</td>
                <th scope="row">{action.description}</th>
                <td>{t('meetings.openActions.ownerValue', { name: displayName(action.owner), org: orgName(action.ownerOrg) })}</td>
                <td><ActionDue action={action} today={today} /></td>
                <td>{actionStatuses.label(action.status, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restricted ? <p className="mt-muted">{t('meetings.openActions.restrictedNote')}</p> : null}
    </div>
  );
}
