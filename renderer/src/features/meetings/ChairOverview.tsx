import { AlertTriangle, Flag } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../../app/useNow';
import type { CaseBoard } from '../../domain/caseBoard';
import { escalationLevels } from '../../domain/caseVocabulary';
import { chairOverview } from '../../domain/chairOverview';
import type { CaseId } from '../../domain/ids';
import { formatDate, useLanguage } from '../../i18n';
import { useDirectory } from '../session';

/** Props of {@link ChairOverview}. */
export interface ChairOverviewProps {
  agenda: readonly CaseId[];
  boards: ReadonlyMap<CaseId, CaseBoard>;
  canOpen(caseId: CaseId): boolean;
}

/** The chair's overview: per case on the agenda, its escalations and overdue actions (cases the chair can open only). */
export function ChairOverview({ agenda, boards, canOpen }: ChairOverviewProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName, orgName } = useDirectory();
  const today = useToday();
  const fallback = t('meetings.agenda.loadingLabel');
  const overview = useMemo(() => chairOverview(
    agenda.flatMap((caseId) => { const board = canOpen(caseId) ? boards.get(caseId) : undefined; return board ? [board] : []; }),
    today,
    fallback,
  ), [agenda, boards, canOpen, today, fallback]);
  const date = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { language });

  return (
    <section className="mt-card mt-overview-panel" aria-labelledby="mt-chair-title">
      <h2 id="mt-chair-title" className="mt-heading">{t('meetings.chair.title')}</h2>
      {overview.length === 0 ? <p className="mt-muted">{t('meetings.chair.none')}</p> : (
        <ul className="mt-overview-panel__list">
          {overview.map((entry) => (
            <li key={entry.caseId} className="mt-overview-panel__case">
              <h3 className="mt-subheading">{entry.label}</h3>
              <p className={entry.escalations.length > 0 ? 'mt-warning-text' : 'mt-muted'}>
                <Flag size={14} aria-hidden="true" /> {t('meetings.chair.escalations', { count: entry.escalations.length })}
              </p>
              {entry.escalations.length > 0 ? (
                <ul className="mt-overview-panel__items">
                  {entry.escalations.slice(0, 3).map((event) => (
                    <li key={event.id}>
                      {date(event.date)} · {event.level ? escalationLevels.label(event.level, language) : ''} · {event.text}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className={entry.overdueActions.length > 0 ? 'mt-danger-text' : 'mt-muted'}>
                <AlertTriangle size={14} aria-hidden="true" /> {t('meetings.chair.overdue', { count: entry.overdueActions.length })}
              </p>
              {entry.overdueActions.length > 0 ? (
                <ul className="mt-overview-panel__items">
                  {entry.overdueActions.map((action) => (
                    <li key={action.id}>
                      {action.description} · {t('meetings.openActions.ownerValue', { name: displayName(action.owner), org: orgName(action.ownerOrg) })} · {t('actions.overdue', { count: action.daysOverdue })}
                    </li>
                  ))}
                </ul>
              ) : null}
              {entry.measuresNeedingAttention.length > 0 ? (
                <p className="mt-warning-text">{t('meetings.chair.measures', { count: entry.measuresNeedingAttention.length })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
