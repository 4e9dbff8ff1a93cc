import { useTranslation } from 'react-i18next';
import type { MeetingMeta } from '../../domain/meetingRecords';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { StatusPill } from '../../ui';
import { useDirectory } from '../session';
import { meetingWhen } from './meetingLabels';

/** The facts of a meeting: when, where, chair, secretary and the minutes status. */
export function MeetingFacts({ meta }: { meta: MeetingMeta }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName } = useDirectory();
  const approved = meta.status === 'vastgesteld';
  return (
    <dl className="mt-facts">
      <div>
        <dt>{t('meetings.facts.when')}</dt>
        <dd>{meetingWhen(meta.start, language)}</dd>
      </div>
      <div>
        <dt>{t('meetings.facts.where')}</dt>
        <dd>
          {meta.location ?? null}
          {meta.location && meta.videoLink ? ' · ' : null}
          {meta.videoLink ? <a href={meta.videoLink} target="_blank" rel="noreferrer noopener">{t('meetings.facts.videoLink')}</a> : null}
          {!meta.location && !meta.videoLink ? '–' : null}
        </dd>
      </div>
      <div>
        <dt>{t('meetings.facts.chair')}</dt>
        <dd>{displayName(meta.chair)}</dd>
      </div>
      <div>
        <dt>{t('meetings.facts.secretary')}</dt>
        <dd>{meta.secretary ? displayName(meta.secretary) : '–'}</dd>
      </div>
      <div>
        <dt>{t('meetings.facts.status')}</dt>
        <dd>
          <StatusPill tone={approved ? 'positive' : 'neutral'}>{approved ? t('meetings.status.approved') : t('meetings.status.concept')}</StatusPill>
          {approved && meta.approvedAt ? (
            <span className="mt-facts__approved">
              {' '}{t('meetings.minutes.approvedOn', {
                date: formatDate(Date.parse(meta.approvedAt), { language }),
                time: formatTime(Date.parse(meta.approvedAt), { language }),
                name: meta.approvedBy ? displayName(meta.approvedBy) : '–',
                version: meta.version,
              })}
            </span>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}
