import { Download, Filter, ShieldCheck, ShieldX, X } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../app/sections/SectionPage';
import { useAppStore } from '../../app/store';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { getApi } from '../../platform';
import { Button, Select, TextInput } from '../../ui';
import { Notice } from '../session';
import { emptyAccessLogForm, isAccessLogCategory, queryOfForm, type AccessLogForm } from './accessLogForm';
import { useEntryText } from './entryText';
import { SubjectReportSection } from './SubjectReportSection';
import { accessLogCategories, PrivacyApiError, type AccessLogEntry, type AccessLogPage as LogPage, type AccessLogQuery, type ChainVerdict, type LogPeople } from './privacyApi';
import { usePrivacyApi } from './usePrivacyApi';
import './privacy.css';

type LoadError = 'unreachable' | 'unauthorized' | 'forbidden' | 'other';

function loadErrorOf(error: unknown): LoadError {
  if (!(error instanceof PrivacyApiError)) return 'other';
  return error.code === 'unreachable' || error.code === 'unauthorized' || error.code === 'forbidden' ? error.code : 'other';
}

/** The date of a CSV file name: yyyy-mm-dd of today in the computer's zone. */
const today = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * "Toegangslog" (privacy officer only): who opened which case or meeting, exported, signed,
 * gained or lost access, or signed in; filtered by person, organisation, case number, period and
 * kind; the audit chain's check; a CSV export the server logs. Cases appear by number only.
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const api = usePrivacyApi();
  const [form, setForm] = useState<AccessLogForm>(emptyAccessLogForm);
  const [query, setQuery] = useState<AccessLogQuery>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [log, setLog] = useState<{ state: 'loading' } | { state: 'ready'; page: LogPage } | { state: 'error'; error: LoadError }>({ state: 'loading' });
  const [people, setPeople] = useState<LogPeople | null>(null);
  const [verdict, setVerdict] = useState<{ state: 'checking' } | { state: 'done'; verdict: ChainVerdict } | { state: 'failed' }>({ state: 'checking' });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState(false);

  useEffect(() => {
    let live = true;
    api.people().then((answer) => live && setPeople(answer), () => live && setPeople({ users: [], orgs: [] }));
    api.verifyChain().then((answer) => live && setVerdict({ state: 'done', verdict: answer }), () => live && setVerdict({ state: 'failed' }));
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    let live = true;
    setLog({ state: 'loading' });
    api.accessLog(query).then(
      (page) => live && setLog({ state: 'ready', page }),
      (error: unknown) => live && setLog({ state: 'error', error: loadErrorOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, query]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = queryOfForm(form);
    if (!result.ok) {
      setFormError(t('privacy.accessLog.periodReversed'));
      return;
    }
    setFormError(null);
    setQuery(result.query);
  };

  const clear = (): void => {
    setForm(emptyAccessLogForm);
    setFormError(null);
    setQuery({});
  };

  const exportCsv = async (): Promise<void> => {
    setExporting(true);
    setExportError(false);
    try {
      const data = await api.exportCsv(query);
      const saved = await getApi().saveFile({ suggestedName: `toegangslog-${today()}.csv`, mimeType: 'text/csv', data });
      if (saved.saved) useAppStore.getState().announce(t('privacy.accessLog.exported'));
    } catch {
      setExportError(true);
    } finally {
      setExporting(false);
    }
  };

  const set = <K extends keyof AccessLogForm>(key: K) => (value: AccessLogForm[K]) => setForm((current) => ({ ...current, [key]: value }));

  return (
    <SectionPage title={t('sections.access-log.title')}>
      <p className="access-log__intro">{t('privacy.accessLog.intro')}</p>
      <ChainStatus verdict={verdict} />
      <form className="access-log__filters" aria-label={t('privacy.accessLog.filters')} onSubmit={submit} noValidate>
        <Select label={t('privacy.accessLog.person')} value={form.user} onChange={(event) => set('user')(event.target.value)}
          options={[{ value: '', label: t('privacy.accessLog.anyPerson') }, ...(people?.users ?? []).map((user) => ({
            value: user.username,
            label: user.disabled ? t('privacy.accessLog.disabledPerson', { name: `${user.name} (${user.username})` }) : `${user.name} (${user.username})`,
          }))]} />
        <Select label={t('privacy.accessLog.org')} value={form.org} onChange={(event) => set('org')(event.target.value)}
          options={[{ value: '', label: t('privacy.accessLog.anyOrg') }, ...(people?.orgs ?? []).map((org) => ({ value: org.id, label: org.name }))]} />
        <TextInput label={t('privacy.accessLog.caseNumber')} hint={t('privacy.accessLog.caseNumberHint')} value={form.caseNumber} maxLength={200}
          onChange={(event) => set('caseNumber')(event.target.value)} />
        <TextInput type="date" label={t('privacy.accessLog.from')} value={form.from} onChange={(event) => set('from')(event.target.value)}
          error={formError} />
        <TextInput type="date" label={t('privacy.accessLog.until')} value={form.until} onChange={(event) => set('until')(event.target.value)} />
        <Select label={t('privacy.accessLog.category')} value={form.category}
          onChange={(event) => set('category')(isAccessLogCategory(event.target.value) ? event.target.value : '')}
          options={[{ value: '', label: t('privacy.accessLog.anyCategory') }, ...accessLogCategories.map((category) => ({ value: category, label: t(`privacy.accessLog.categories.${category}`) }))]} />
        <div className="access-log__buttons">
          <Button type="submit" variant="primary" icon={<Filter size={18} />}>{t('privacy.accessLog.apply')}</Button>
          <Button icon={<X size={18} />} onClick={clear}>{t('privacy.accessLog.clear')}</Button>
          <Button icon={<Download size={18} />} onClick={() => void exportCsv()} disabled={exporting} aria-busy={exporting || undefined}>
            {exporting ? t('privacy.accessLog.exporting') : t('privacy.accessLog.exportCsv')}
          </Button>
        </div>
      </form>
      {exportError ? <Notice tone="danger" role="alert"><p>{t('privacy.accessLog.errors.exportFailed')}</p></Notice> : null}
      <LogResults log={log} />
      <SubjectReportSection />
    </SectionPage>
  );
}

function ChainStatus({ verdict }: { verdict: { state: 'checking' } | { state: 'done'; verdict: ChainVerdict } | { state: 'failed' } }) {
  const { t } = useTranslation();
  const labelId = useId();
  let body;
  if (verdict.state === 'checking') body = <p>{t('privacy.accessLog.chain.checking')}</p>;
  else if (verdict.state === 'failed') body = <p>{t('privacy.accessLog.chain.failed')}</p>;
  else if (verdict.verdict.ok) body = <p>{t('privacy.accessLog.chain.ok', { count: verdict.verdict.entries })}</p>;
  else body = <p>{t('privacy.accessLog.chain.broken', { seq: verdict.verdict.firstBad })}</p>;
  const broken = verdict.state === 'done' && !verdict.verdict.ok;
  const ok = verdict.state === 'done' && verdict.verdict.ok;
  return (
    <section className={['access-log__chain', broken ? 'access-log__chain--broken' : null, ok ? 'access-log__chain--ok' : null].filter(Boolean).join(' ')}
      aria-labelledby={labelId} role={broken ? 'alert' : 'status'}>
      <h2 id={labelId} className="access-log__chain-title">
        <span aria-hidden="true">{broken ? <ShieldX size={20} /> : <ShieldCheck size={20} />}</span> {t('privacy.accessLog.chain.label')}
      </h2>
      {body}
    </section>
  );
}

function LogResults({ log }: { log: { state: 'loading' } | { state: 'ready'; page: LogPage } | { state: 'error'; error: LoadError } }) {
  const { t } = useTranslation();
  if (log.state === 'loading') return <p role="status">{t('privacy.accessLog.loading')}</p>;
  if (log.state === 'error') return <Notice tone="danger" role="alert"><p>{t(`privacy.accessLog.errors.${log.error}`)}</p></Notice>;
  const { entries, truncated } = log.page;
  return (
    <>
      <p className="access-log__count" role="status">{t('privacy.accessLog.count', { count: entries.length })}</p>
      {truncated ? <Notice tone="info"><p>{t('privacy.accessLog.truncated', { count: entries.length })}</p></Notice> : null}
      {entries.length === 0 ? <p>{t('privacy.accessLog.empty')}</p> : <LogTable entries={entries} />}
    </>
  );
}

function LogTable({ entries }: { entries: readonly AccessLogEntry[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const text = useEntryText();
  return (
    // Wider than the screen on a small laptop: the region scrolls, so it takes focus (arrow keys scroll it).
    <div className="access-log__table-wrap" role="region" aria-label={t('privacy.accessLog.tableCaption')} tabIndex={0}>
      <table className="data-table access-log__table">
        <caption>{t('privacy.accessLog.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('privacy.accessLog.columns.at')}</th>
            <th scope="col">{t('privacy.accessLog.columns.event')}</th>
            <th scope="col">{t('privacy.accessLog.columns.person')}</th>
            <th scope="col">{t('privacy.accessLog.columns.org')}</th>
            <th scope="col">{t('privacy.accessLog.columns.subject')}</th>
            <th scope="col">{t('privacy.accessLog.columns.detail')}</th>
            <th scope="col">{t('privacy.accessLog.columns.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const at = Date.parse(entry.at);
            return (
              <tr key={entry.seq}>
                <td className="access-log__time"><time dateTime={entry.at}>{formatDate(at, { language })} {formatTime(at, { language })}</time></td>
                <th scope="row">{text.event(entry.event)}</th>
                <td>{text.person(entry.actor)}</td>
                <td>{entry.actor?.orgName ?? entry.actor?.org ?? <span className="text-muted">–</span>}</td>
                <td>{text.subject(entry) ?? <span className="text-muted">–</span>}</td>
                <td>{text.detail(entry) || <span className="text-muted">–</span>}</td>
                <td>{entry.ip ?? <span className="text-muted">–</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
