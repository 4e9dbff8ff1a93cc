import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import type { CaseSummary } from '../../domain/caseList';
import { caseStatuses, caseTypes, riskLevels } from '../../domain/caseVocabulary';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { StatusPill } from '../../ui';
import { riskTone } from './labels';

/** The cases as a table: label (a link to the board), number, type, status, risk, open actions, next meeting. */
export function CaseTable({ rows, busy = false }: { rows: readonly CaseSummary[]; busy?: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <table className="data-table" aria-busy={busy || undefined}>
      <caption>{t('cases.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cases.columns.label')}</th>
          <th scope="col">{t('cases.columns.caseNumber')}</th>
          <th scope="col">{t('cases.columns.type')}</th>
          <th scope="col">{t('cases.columns.status')}</th>
          <th scope="col">{t('cases.columns.risk')}</th>
          <th scope="col">{t('cases.columns.openActions')}</th>
          <th scope="col">{t('cases.columns.nextMeeting')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <a className="data-table__link" href={hrefOf({ name: 'case', caseId: row.id })}>{row.label}</a>
            </th>
            <td>{row.caseNumber || <span className="text-muted">–</span>}</td>
            <td>{row.type ? caseTypes.label(row.type, language) : t('cases.unknown')}</td>
            <td>{row.status ? caseStatuses.label(row.status, language) : t('cases.unknown')}</td>
            <td>
              {row.risk ? <StatusPill tone={riskTone[row.risk]}>{riskLevels.label(row.risk, language)}</StatusPill> : <span className="text-muted">{t('cases.noRisk')}</span>}
            </td>
            <td className="data-table__num">
              {row.openActions}
              {row.overdueActions > 0 ? <> <span className="text-danger">({t('cases.overdue', { count: row.overdueActions })})</span></> : null}
            </td>
            <td>
              {row.nextMeeting
                ? t('cases.nextMeetingAt', { date: formatDate(Date.parse(row.nextMeeting), { language }), time: formatTime(Date.parse(row.nextMeeting), { language }) })
                : <span className="text-muted">{t('cases.noMeeting')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
