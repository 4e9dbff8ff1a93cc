import { useTranslation } from 'react-i18next';
import { actionStatuses } from '../../domain/actionVocabulary';
import { safetyPlanSections } from '../../domain/safetyPlanSections';
import { useLanguage } from '../../i18n';
import { useDirectory } from '../session';
import type { CaseChanges } from './approvalDiff';
import { DiffLines } from './DiffLines';

/** What changed in a case since the approved version: plan lines, decisions, withheld notes and actions. */
export function ChangesView({ changes }: { changes: CaseChanges }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { orgName, displayName } = useDirectory();
  if (changes.unchanged) return <p className="mt-muted">{t('meetings.changes.none')}</p>;
  const { decisions, withheld, actions, plan } = changes;
  return (
    <div className="mt-changes">
      {decisions.added.length + decisions.removed.length + decisions.changed.length > 0 ? (
        <>
          <h5 className="mt-changes__title">{t('meetings.changes.decisions')}</h5>
          <ul className="mt-changes__list">
            {decisions.added.map((d) => <li key={`a${d.id}`} className="mt-diff--added">{t('meetings.changes.added', { text: d.text })}</li>)}
            {decisions.removed.map((d) => <li key={`r${d.id}`} className="mt-diff--removed">{t('meetings.changes.removed', { text: d.text })}</li>)}
            {decisions.changed.map(({ before, after }) => <li key={`c${before.id}`}>{t('meetings.changes.changed', { before: before.text, after: after.text })}</li>)}
          </ul>
        </>
      ) : null}
      {actions.added.length + actions.removed.length + actions.changed.length > 0 ? (
        <>
          <h5 className="mt-changes__title">{t('meetings.changes.actions')}</h5>
          <ul className="mt-changes__list">
            {actions.added.map((a) => <li key={`a${a.id}`} className="mt-diff--added">{t('meetings.changes.added', { text: a.description })}</li>)}
            {actions.removed.map((a) => <li key={`r${a.id}`} className="mt-diff--removed">{t('meetings.changes.removed', { text: a.description })}</li>)}
            {actions.changed.map(({ before, after }) => (
              <li key={`c${before.id}`}>
                {after.description}:{' '}
                {(actions.fields[before.id] ?? []).map((field) => {
                  const show = (value: string) => (field === 'status' ? actionStatuses.is(value) ? actionStatuses.label(value, language) : value : field === 'owner' ? displayName(value) : value);
                  return t('meetings.changes.field', { field: t(`meetings.changes.fields.${field}`), before: show(before[field]), after: show(after[field]) });
                }).join('; ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {withheld.added.length + withheld.removed.length + withheld.changed.length > 0 ? (
        <>
          <h5 className="mt-changes__title">{t('meetings.changes.withheld')}</h5>
          <ul className="mt-changes__list">
            {withheld.added.map((w) => <li key={`a${w.org}`} className="mt-diff--added">{orgName(w.org)}: {t('meetings.changes.added', { text: w.text })}</li>)}
            {withheld.removed.map((w) => <li key={`r${w.org}`} className="mt-diff--removed">{orgName(w.org)}: {t('meetings.changes.removed', { text: w.text })}</li>)}
            {withheld.changed.map(({ before, after }) => <li key={`c${before.org}`}>{orgName(before.org)}: {t('meetings.changes.changed', { before: before.text, after: after.text })}</li>)}
          </ul>
        </>
      ) : null}
      {plan.length > 0 ? (
        <>
          <h5 className="mt-changes__title">{t('meetings.changes.plan')}</h5>
          {plan.map((section) => (
            <div key={section.key} className="mt-changes__section">
              <p className="mt-changes__section-title">{safetyPlanSections.label(section.key, language)}</p>
              <DiffLines lines={section.lines} />
            </div>
          ))}
        </>
      ) : null}
    </div>
  );
}
