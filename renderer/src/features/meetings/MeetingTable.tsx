import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import { useLanguage } from '../../i18n';
import { StatusPill } from '../../ui';
import { useDirectory } from '../session';
import type { MeetingSummary } from './meetingList';
import { meetingTypeLabel, meetingWhen } from './meetingLabels';

/** Meetings as a table: type (a link to the meeting), when, where, chair, number of cases, minutes status. */
export function MeetingTable({ rows, caption }: { rows: readonly MeetingSummary[]; caption: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName } = useDirectory();
  return (
    <table className="mt-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meetings.columns.meeting')}</th>
          <th scope="col">{t('meetings.columns.when')}</th>
          <th scope="col">{t('meetings.columns.where')}</th>
          <th scope="col">{t('meetings.columns.chair')}</th>
          <th scope="col">{t('meetings.columns.cases')}</th>
          <th scope="col">{t('meetings.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <a className="mt-table__link" href={hrefOf({ name: 'meeting', meetingId: row.id })}>
                {meetingTypeLabel(row.meta, language)}
                <span className="visually-hidden"> {meetingWhen(row.meta.start, language)}</span>
              </a>
            </th>
            <td>{meetingWhen(row.meta.start, language)}</td>
            <td>{row.meta.location ?? (row.meta.videoLink ? t('meetings.video') : '–')}</td>
            <td>{displayName(row.meta.chair)}</td>
            <td className="mt-table__num">{row.caseCount}</td>
            <td>
              <StatusPill tone={row.meta.status === 'vastgesteld' ? 'positive' : 'neutral'}>
                {row.meta.status === 'vastgesteld' ? t('meetings.status.approved') : t('meetings.status.concept')}
              </StatusPill>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
