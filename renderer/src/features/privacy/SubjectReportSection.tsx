import { Search } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatuses, caseTypes, personRoles } from '../../domain/caseVocabulary';
import type { Vocabulary } from '../../domain/vocabulary';
import { useLanguage } from '../../i18n';
import { Button, TextInput } from '../../ui';
import { Notice } from '../session';
import { PrivacyApiError, type SubjectReport } from './privacyApi';
import { usePrivacyApi } from './usePrivacyApi';

type State = { state: 'idle' } | { state: 'searching' } | { state: 'done'; report: SubjectReport; name: string } | { state: 'failed'; offline: boolean };

/**
 * "Inzageverzoek" on the privacy officer's page: in which cases does a person appear, and in
 * which role. Cases by number, type and status only; the server searches the documents and
 * logs that a report was made (not the name).
 */
export function SubjectReportSection() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const api = usePrivacyApi();
  const titleId = useId();
  const [name, setName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [errors, setErrors] = useState<{ name?: string; birthYear?: string }>({});
  const [state, setState] = useState<State>({ state: 'idle' });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = name.trim();
    const year = birthYear.trim() === '' ? undefined : Number(birthYear.trim());
    const next: { name?: string; birthYear?: string } = {};
    if (trimmed.length < 2) next.name = t('privacy.subject.errors.name');
    if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2100)) next.birthYear = t('privacy.subject.errors.birthYear');
    setErrors(next);
    if (next.name || next.birthYear) return;
    setState({ state: 'searching' });
    api.subjectReport({ name: trimmed, ...(year === undefined ? {} : { birthYear: year }) }).then(
      (report) => setState({ state: 'done', report, name: trimmed }),
      (error: unknown) => setState({ state: 'failed', offline: error instanceof PrivacyApiError && error.code === 'unreachable' }),
    );
  };

  const label = <V extends string>(vocabulary: Vocabulary<V>, value: string | null): string =>
    vocabulary.is(value) ? vocabulary.label(value, language) : (value ?? '—');

  return (
    <section className="subject-report" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('privacy.subject.title')}</h2>
      <p>{t('privacy.subject.intro')}</p>
      <form className="access-log__filters subject-report__form" aria-label={t('privacy.subject.title')} onSubmit={submit} noValidate>
        <TextInput label={t('privacy.subject.name')} hint={t('privacy.subject.nameHint')} value={name} maxLength={200} autoComplete="off"
          onChange={(event) => setName(event.target.value)} error={errors.name} />
        <TextInput label={t('privacy.subject.birthYear')} inputMode="numeric" value={birthYear} maxLength={4} autoComplete="off"
          onChange={(event) => setBirthYear(event.target.value)} error={errors.birthYear} />
        <div className="access-log__buttons">
          <Button type="submit" variant="primary" icon={<Search size={18} />} disabled={state.state === 'searching'} aria-busy={state.state === 'searching' || undefined}>
            {state.state === 'searching' ? t('privacy.subject.searching') : t('privacy.subject.search')}
          </Button>
        </div>
      </form>
      {state.state === 'failed' ? (
        <Notice tone="danger" role="alert"><p>{t(state.offline ? 'privacy.subject.errors.offline' : 'privacy.subject.errors.failed')}</p></Notice>
      ) : null}
      {state.state === 'done' ? (
        <div role="status">
          <p className="access-log__count">
            {t('privacy.subject.found', { count: state.report.matches.length, searched: state.report.casesSearched })}
          </p>
          {state.report.matches.length > 0 ? (
            <div className="access-log__table-wrap" role="region" aria-label={t('privacy.subject.tableCaption')} tabIndex={0}>
              <table className="data-table access-log__table">
                <caption className="visually-hidden">{t('privacy.subject.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('privacy.subject.columns.caseNumber')}</th>
                    <th scope="col">{t('privacy.subject.columns.caseType')}</th>
                    <th scope="col">{t('privacy.subject.columns.status')}</th>
                    <th scope="col">{t('privacy.subject.columns.role')}</th>
                    <th scope="col">{t('privacy.subject.columns.birthYear')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.report.matches.map((match) => (
                    <tr key={`${match.room}:${match.role}:${match.birthYear ?? ''}`}>
                      <td>{match.caseNumber ?? t('privacy.subject.noCaseNumber')}</td>
                      <td>{label(caseTypes, match.caseType)}</td>
                      <td>{label(caseStatuses, match.status)}</td>
                      <td>{label(personRoles, match.role)}</td>
                      <td>{match.birthYear ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
