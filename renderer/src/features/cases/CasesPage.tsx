import { FolderOpen, Plus, SearchX } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchCases } from '../../domain/caseList';
import { caseStatuses, caseTypes, riskLevels, type CaseStatus, type CaseType, type RiskLevel } from '../../domain/caseVocabulary';
import { useLanguage } from '../../i18n';
import { Button, EmptyState, PageHeading, Select, TextInput } from '../../ui';
import { useSession } from '../session';
import { canCreateCase } from './canCreateCase';
import { CaseTable } from './CaseTable';
import { suggestCaseLabel } from './caseSummaries';
import { NewCaseDialog } from './NewCaseDialog';
import { useCaseSummaries } from './useCaseSummaries';
import './cases.css';

const collator = new Intl.Collator('nl', { numeric: true });

/** "Casussen": the cases I may see, searchable and filterable, with "Nieuwe casus" for roles that may create one. */
export function CasesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useSession();
  const { rows: summaries, loading } = useCaseSummaries();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<CaseType | ''>('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [risk, setRisk] = useState<RiskLevel | ''>('');
  const [creating, setCreating] = useState(false);

  const rows = useMemo(
    () => searchCases(summaries, query, {
      ...(type ? { types: [type] } : {}),
      ...(status ? { statuses: [status] } : {}),
      ...(risk ? { risks: [risk] } : {}),
    }).sort((a, b) => collator.compare(a.label, b.label)),
    [summaries, query, type, status, risk],
  );
  const suggestion = useMemo(() => suggestCaseLabel(summaries.map((row) => row.label), new Date().getFullYear()), [summaries]);
  const filtered = query !== '' || type !== '' || status !== '' || risk !== '';
  const any = { value: '', label: t('cases.any') };
  const mayCreate = canCreateCase(user.role);

  return (
    <div className="section-page">
      <div className="page-bar">
        <PageHeading>{t('sections.cases.title')}</PageHeading>
        {mayCreate ? (
          <Button variant="primary" icon={<Plus size={18} />} onClick={() => setCreating(true)}>{t('cases.newCase')}</Button>
        ) : null}
      </div>
      {summaries.length === 0 ? (
        <EmptyState icon={<FolderOpen size={40} />} title={t('sections.cases.emptyTitle')}>
          <p>{t('sections.cases.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <form className="case-filters" role="search" onSubmit={(event) => event.preventDefault()}>
            <TextInput type="search" label={t('cases.search')} hint={t('cases.searchHint')} value={query} onChange={(event) => setQuery(event.target.value)} />
            <Select label={t('cases.filterType')} value={type} onChange={(event) => setType(caseTypes.is(event.target.value) ? event.target.value : '')}
              options={[any, ...caseTypes.values.map((value) => ({ value, label: caseTypes.label(value, language) }))]} />
            <Select label={t('cases.filterStatus')} value={status} onChange={(event) => setStatus(caseStatuses.is(event.target.value) ? event.target.value : '')}
              options={[any, ...caseStatuses.values.map((value) => ({ value, label: caseStatuses.label(value, language) }))]} />
            <Select label={t('cases.filterRisk')} value={risk} onChange={(event) => setRisk(riskLevels.is(event.target.value) ? event.target.value : '')}
              options={[any, ...riskLevels.values.map((value) => ({ value, label: riskLevels.label(value, language) }))]} />
          </form>
          <p className="case-list__count" role="status" aria-live="polite">{t('cases.resultCount', { count: rows.length })}</p>
          {rows.length > 0 ? <CaseTable rows={rows} busy={loading} /> : (
            <EmptyState
              icon={<SearchX size={40} />}
              title={t('cases.noResultsTitle')}
              action={filtered ? (
                <Button onClick={() => { setQuery(''); setType(''); setStatus(''); setRisk(''); }}>{t('cases.clearFilters')}</Button>
              ) : undefined}
            >
              <p>{t('cases.noResultsBody')}</p>
            </EmptyState>
          )}
        </>
      )}
      <NewCaseDialog open={creating} onClose={() => setCreating(false)} suggestion={suggestion} />
    </div>
  );
}
