import { useTranslation } from 'react-i18next';
import { actionStatuses } from '../../domain/actionVocabulary';
import type { CaseBoard } from '../../domain/caseBoard';
import { caseStatuses, measureKinds, riskAssessmentKinds, riskLevels, timelineTypes } from '../../domain/caseVocabulary';
import { safetyPlanSections } from '../../domain/safetyPlanSections';
import { formatDate, useLanguage } from '../../i18n';
import { useDirectory } from '../session';

/**
 * A case board read-only, as one column of the history view: status, risk, measures,
 * actions, timeline and the safety plan. Persons are left out: names stay on the live
 * board itself.
 */
export function BoardSnapshot({ board, title }: { board: CaseBoard; title: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName } = useDirectory();
  const date = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { language });
  return (
    <section className="mt-snapshot" aria-label={title}>
      <h2 className="mt-heading">{title}</h2>
      <h3 className="mt-subheading">{t('meetings.history.status')}</h3>
      <p>{board.meta ? caseStatuses.label(board.meta.status, language) : '–'}</p>
      <h3 className="mt-subheading">{t('meetings.history.risk')}</h3>
      <ul className="mt-snapshot__list">
        {riskAssessmentKinds.values.map((kind) => {
          const risk = board.risk[kind];
          return <li key={kind}>{riskAssessmentKinds.label(kind, language)}: {risk ? `${riskLevels.label(risk.level, language)} (${date(risk.date)})` : t('meetings.history.none')}</li>;
        })}
      </ul>
      <h3 className="mt-subheading">{t('meetings.history.measures')}</h3>
      {board.measures.length === 0 ? <p className="mt-muted">{t('meetings.history.none')}</p> : (
        <ul className="mt-snapshot__list">
          {board.measures.map((measure) => (
            <li key={measure.id}>{measureKinds.label(measure.kind, language)}: {date(measure.start)} – {measure.end ? date(measure.end) : t('meetings.history.open')}</li>
          ))}
        </ul>
      )}
      <h3 className="mt-subheading">{t('meetings.history.actions')}</h3>
      {board.actions.length === 0 ? <p className="mt-muted">{t('meetings.history.none')}</p> : (
        <ul className="mt-snapshot__list">
          {board.actions.map((action) => (
            <li key={action.id}>{action.description} · {displayName(action.owner)} · {date(action.due)} · {actionStatuses.label(action.status, language)}</li>
          ))}
        </ul>
      )}
      <h3 className="mt-subheading">{t('meetings.history.timeline')}</h3>
      {board.timeline.length === 0 ? <p className="mt-muted">{t('meetings.history.none')}</p> : (
        <ul className="mt-snapshot__list">
          {board.timeline.map((event) => <li key={event.id}>{date(event.date)} · {timelineTypes.label(event.type, language)} · {event.text}</li>)}
        </ul>
      )}
      <h3 className="mt-subheading">{t('meetings.history.plan')}</h3>
      {board.plan.map((section) => (
        <div key={section.key} className="mt-snapshot__plan">
          <p className="mt-changes__section-title">{safetyPlanSections.label(section.key, language)}</p>
          {section.text.trim() === '' ? <p className="mt-muted">{t('meetings.history.empty')}</p> : <p className="mt-prewrap">{section.text}</p>}
        </div>
      ))}
    </section>
  );
}
