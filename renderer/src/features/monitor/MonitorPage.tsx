import { Download, FileText, Plus, RefreshCw, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../app/sections/SectionPage';
import { useAppStore } from '../../app/store';
import { getApi } from '../../platform';
import { Button, Select, TextInput } from '../../ui';
import { isId } from '../../domain/ids';
import { Notice, useDirectory, useLiveSession, useRooms } from '../session';
import { chartGeometry, chartRows, chartSummary } from './chartGeometry';
import { MonitorChart } from './MonitorChart';
import { createMonitorApi, MonitorApiError, type MonitorAnswer, type MonitorApi, type MonitorFigure } from './monitorApi';
import { monitorCsv, monitorFileName, type MonitorValue } from './monitorCsv';
import { figureGroups, readBoard, type BoardNames } from './monitorPdf';
import { initialChoices, isoDay, maxPeriods, resolvePeriod, type PeriodChoice, type ResolvedPeriod } from './periods';
import './monitor.css';

type LoadError = 'unreachable' | 'unauthorized' | 'forbidden' | 'other';
const loadErrorOf = (error: unknown): LoadError =>
  error instanceof MonitorApiError && (error.code === 'unreachable' || error.code === 'unauthorized' || error.code === 'forbidden') ? error.code : 'other';

/** The groups in the order the server sends them, with their figures merged over the periods. */
export interface FigureRow { id: string; group: string; label: string; definition: string; values: MonitorValue[]; source?: string }

/** Merges the answers of several periods into rows (a figure missing in a period has no value there). */
export function mergeFigures(answers: readonly { figures: readonly MonitorFigure[] }[]): FigureRow[] {
  const rows = new Map<string, FigureRow>();
  answers.forEach((answer, index) => {
    for (const figure of answer.figures) {
      let row = rows.get(figure.id);
      if (!row) {
        row = { id: figure.id, group: figure.group, label: figure.label, definition: figure.definition, values: answers.map(() => null) };
        rows.set(figure.id, row);
      }
      row.values[index] = figure.value;
      // A partner's figure: the organisation it comes from (the same in every period that has one).
      if (figure.source) row.source = figure.source;
    }
  });
  // Keep the groups together, in the order they first appear.
  const groups = [...new Set([...rows.values()].map((row) => row.group))];
  return groups.flatMap((group) => [...rows.values()].filter((row) => row.group === group));
}

function useMonitorApi(): MonitorApi {
  const live = useLiveSession();
  return useMemo(() => createMonitorApi({ serverUrl: live.serverUrl, token: async () => (await live.vault.loadSession())?.token ?? null }), [live]);
}

interface Applied { periods: ResolvedPeriod[]; municipality: string | null }
/** The answers with the choice they answer (the table never pairs new headings with old figures). */
type Results = { state: 'loading' } | { state: 'ready'; answers: MonitorAnswer[]; applied: Applied } | { state: 'error'; error: LoadError };

const firstYear = 2020;
const groupKeys = ['personen', 'casussen', 'screenings', 'maatregelen', 'overleggen', 'acties', 'doorlooptijd', 'escalaties', 'partners'] as const;
const isGroup = (group: string): group is (typeof groupKeys)[number] => (groupKeys as readonly string[]).includes(group);

/**
 * "Monitor" (process director, management, privacy officer): the region's figures for up to three
 * periods side by side, for the region or one municipality, grouped as the server groups them, each
 * with its label and definition; a CSV for Excel with "< 5" for counts 1–4. Counts only, no names.
 */
export function MonitorPage() {
  const { t } = useTranslation();
  const api = useMonitorApi();
  const today = isoDay(new Date());
  const [choices, setChoices] = useState<PeriodChoice[]>(() => initialChoices(today));
  const [municipality, setMunicipality] = useState('');
  const [invalid, setInvalid] = useState<number[]>([]);
  const [applied, setApplied] = useState<Applied>(() => ({ periods: initialChoices(today).map((choice) => resolvePeriod(choice, today)!), municipality: null }));
  const [fetched, setResults] = useState<Results>({ state: 'loading' });
  // Until the answers for the current choice are in, the screen says it is loading.
  const results: Results = fetched.state === 'ready' && fetched.applied !== applied ? { state: 'loading' } : fetched;
  const [municipalities, setMunicipalities] = useState<{ id: string; name: string }[]>([]);
  const [exporting, setExporting] = useState<'csv' | 'pdf' | null>(null);
  const [exportError, setExportError] = useState(false);
  const live = useLiveSession();
  const { entries } = useRooms();
  const { orgs } = useDirectory();
  const boardRoom = entries.find((entry) => isId('measures', entry.room))?.room ?? null;

  useEffect(() => {
    let live = true;
    setResults({ state: 'loading' });
    Promise.all(applied.periods.map((period) => api.figures({ ...period, municipality: applied.municipality }))).then(
      (answers) => {
        if (!live) return;
        setResults({ state: 'ready', answers, applied });
        setMunicipalities(answers[0]?.municipalities ?? []);
      },
      (error: unknown) => live && setResults({ state: 'error', error: loadErrorOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, applied]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const resolved = choices.map((choice) => resolvePeriod(choice, today));
    const bad = resolved.flatMap((period, index) => (period === null ? [index] : []));
    setInvalid(bad);
    if (bad.length > 0) return;
    setApplied({ periods: resolved as ResolvedPeriod[], municipality: municipality || null });
  };

  const setChoice = (index: number, choice: PeriodChoice): void => setChoices((current) => current.map((old, i) => (i === index ? choice : old)));
  const areaName = (id: string | null): string | null => (id === null ? null : municipalities.find((m) => m.id === id)?.name ?? id);
  const groupName = (group: string): string => (isGroup(group) ? t(`monitor.groups.${group}`) : group);

  /** The figures as they leave the ZVH: export=1, so counts 1–4 are "< 5". */
  const exportRows = async (): Promise<FigureRow[]> => {
    const answers = await Promise.all(applied.periods.map((period) => api.figures({ ...period, municipality: applied.municipality, export: true })));
    // The source travels in the definition: CSV and PDF have no column of their own for it.
    return mergeFigures(answers).map((row) => (row.source ? { ...row, definition: `${row.definition} ${t('monitor.source', { source: row.source })}` } : row));
  };

  const runExport = async (kind: 'csv' | 'pdf', work: () => Promise<boolean>): Promise<void> => {
    setExporting(kind);
    setExportError(false);
    try {
      if (await work()) useAppStore.getState().announce(t(kind === 'csv' ? 'monitor.exported' : 'monitor.exportedPdf'));
    } catch {
      setExportError(true);
    } finally {
      setExporting(null);
    }
  };

  const exportCsv = (): Promise<void> => runExport('csv', async () => {
    const rows = (await exportRows()).map((row) => ({ ...row, group: groupName(row.group) }));
    const labels = applied.periods.map((period) => period.label);
    const text = monitorCsv([t('monitor.csv.group'), t('monitor.csv.figure'), t('monitor.csv.definition')], labels, rows);
    const saved = await getApi().saveFile({ suggestedName: monitorFileName(labels, areaName(applied.municipality)), mimeType: 'text/csv', data: new TextEncoder().encode(text) });
    return saved.saved;
  });

  const exportPdf = (): Promise<void> => runExport('pdf', async () => {
    // The PDF stack and its fonts load with the first PDF, never with the screen.
    const [{ renderMonitorPdf }, { ensureBrowserFonts }] = await Promise.all([import('../../pdf/render'), import('../minutes/browserFonts')]);
    const names: BoardNames = {
      phase: (phase) => t(`improvements.phase.${phase}`),
      status: (status) => t(`improvements.status.${status}`),
      org: (id: string) => orgs.find((org) => org.id === id)?.name ?? id,
    };
    const [rows, improvements] = await Promise.all([exportRows(), readBoard(live.docManager, boardRoom, names).catch(() => null), ensureBrowserFonts()]);
    const labels = applied.periods.map((period) => period.label);
    const generatedAt = new Date().toISOString();
    const chart = chartGeometry(chartRows(rows), labels);
    const bytes = await renderMonitorPdf({
      documentId: `monitor-${generatedAt.slice(0, 10)}`,
      area: areaName(applied.municipality) ?? t('monitor.region'),
      periods: labels,
      generatedAt,
      groups: figureGroups(rows, groupName),
      ...(improvements ? { improvements } : {}),
      ...(chart ? { chart } : {}),
    }, { creationDate: new Date(generatedAt) });
    const saved = await getApi().saveFile({ suggestedName: monitorFileName(labels, areaName(applied.municipality)).replace(/\.csv$/u, '.pdf'), mimeType: 'application/pdf', data: bytes });
    return saved.saved;
  });

  const years = Array.from({ length: Number(today.slice(0, 4)) - firstYear + 1 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  const kindOptions = [{ value: 'year', label: t('monitor.kinds.year') }, { value: 'quarter', label: t('monitor.kinds.quarter') }, { value: 'range', label: t('monitor.kinds.range') }];

  return (
    <SectionPage title={t('sections.monitor.title')}>
      <p className="monitor__intro">{t('monitor.intro')}</p>
      <form className="monitor__filters" aria-label={t('monitor.filters')} onSubmit={submit} noValidate>
        {choices.map((choice, index) => {
          const number = index + 1;
          const error = invalid.includes(index) ? t('monitor.invalidPeriod') : null;
          const year = choice.kind === 'range' ? Number(today.slice(0, 4)) : choice.year;
          return (
            <fieldset key={index} className="monitor__period">
              <legend>{t('monitor.period', { number })}</legend>
              <Select label={t('monitor.kind', { number })} value={choice.kind} error={error} options={kindOptions}
                onChange={(event) => {
                  const kind = event.target.value;
                  if (kind === 'year') setChoice(index, { kind: 'year', year });
                  else if (kind === 'quarter') setChoice(index, { kind: 'quarter', year, quarter: 1 });
                  else setChoice(index, { kind: 'range', from: `${year}-01-01`, to: today < `${year}-12-31` ? today : `${year}-12-31` });
                }} />
              {choice.kind !== 'range' ? (
                <Select label={t('monitor.year', { number })} value={String(choice.year)} options={years.map((y) => ({ value: y, label: y }))}
                  onChange={(event) => setChoice(index, { ...choice, year: Number(event.target.value) })} />
              ) : null}
              {choice.kind === 'quarter' ? (
                <Select label={t('monitor.quarter', { number })} value={String(choice.quarter)}
                  options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('monitor.quarterName', { quarter: q }) }))}
                  onChange={(event) => setChoice(index, { ...choice, quarter: Number(event.target.value) as 1 | 2 | 3 | 4 })} />
              ) : null}
              {choice.kind === 'range' ? (
                <>
                  <TextInput type="date" label={t('monitor.from', { number })} value={choice.from} onChange={(event) => setChoice(index, { ...choice, from: event.target.value })} />
                  <TextInput type="date" label={t('monitor.to', { number })} value={choice.to} onChange={(event) => setChoice(index, { ...choice, to: event.target.value })} />
                </>
              ) : null}
              {choices.length > 1 ? (
                <div className="monitor__remove">
                  <Button icon={<Trash2 size={18} />} onClick={() => { setChoices((current) => current.filter((_, i) => i !== index)); setInvalid([]); }}>
                    {t('monitor.removePeriod', { number })}
                  </Button>
                </div>
              ) : null}
            </fieldset>
          );
        })}
        <div className="monitor__area">
          <Select label={t('monitor.area')} value={municipality} onChange={(event) => setMunicipality(event.target.value)}
            options={[{ value: '', label: t('monitor.region') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]} />
        </div>
        <div className="monitor__buttons">
          {choices.length < maxPeriods ? (
            <Button icon={<Plus size={18} />} onClick={() => setChoices((current) => [...current, { kind: 'year', year: Number(today.slice(0, 4)) - 1 }])}>
              {t('monitor.addPeriod')}
            </Button>
          ) : null}
          <Button type="submit" variant="primary" icon={<RefreshCw size={18} />}>{t('monitor.apply')}</Button>
          <Button icon={<Download size={18} />} onClick={() => void exportCsv()} disabled={exporting !== null || results.state !== 'ready'} aria-busy={exporting === 'csv' || undefined}>
            {exporting === 'csv' ? t('monitor.exporting') : t('monitor.exportCsv')}
          </Button>
          <Button icon={<FileText size={18} />} onClick={() => void exportPdf()} disabled={exporting !== null || results.state !== 'ready'} aria-busy={exporting === 'pdf' || undefined}>
            {exporting === 'pdf' ? t('monitor.exportingPdf') : t('monitor.exportPdf')}
          </Button>
        </div>
      </form>
      {exportError ? <Notice tone="danger" role="alert"><p>{t('monitor.errors.exportFailed')}</p></Notice> : null}
      <MonitorResults results={results} areaName={(id) => areaName(id) ?? t('monitor.region')} groupName={groupName} />
    </SectionPage>
  );
}

function MonitorResults({ results, areaName, groupName }: { results: Results; areaName: (id: string | null) => string; groupName: (group: string) => string }) {
  const { t } = useTranslation();
  if (results.state === 'loading') return <p role="status">{t('monitor.loading')}</p>;
  if (results.state === 'error') return <Notice tone="danger" role="alert"><p>{t(`monitor.errors.${results.error}`)}</p></Notice>;
  const { applied } = results;
  const area = areaName(applied.municipality);
  const rows = mergeFigures(results.answers);
  const labels = applied.periods.map((period) => period.label);
  const groups = [...new Set(rows.map((row) => row.group))];
  const caption = t('monitor.caption', { area, periods: labels.join(', ') });
  const headline = chartRows(rows);
  const chart = chartGeometry(headline, labels);
  const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
  const show = (value: MonitorValue | undefined) => (value === null || value === undefined ? <span className="text-muted" aria-label={t('monitor.noValue')}>–</span> : typeof value === 'number' ? number.format(value) : value);
  return (
    <>
      <p className="monitor__status" role="status">{t('monitor.shown', { area, periods: labels.join(', ') })}</p>
      {results.answers.some((answer) => answer.suppressed) ? <p className="monitor__note">{t('monitor.suppressedNote')}</p> : null}
      {chart ? <MonitorChart chart={chart} summary={chartSummary(headline, labels)} /> : null}
      <div className="monitor__table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <table className="data-table monitor__table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.csv.figure')}</th>
              {labels.map((label) => <th scope="col" key={label} className="monitor__value">{label}</th>)}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group}>
              <tr className="monitor__group">
                <th scope="rowgroup" colSpan={labels.length + 1}>{groupName(group)}</th>
              </tr>
              {rows.filter((row) => row.group === group).map((row) => (
                <tr key={row.id} data-figure={row.id}>
                  <th scope="row">
                    <span className="monitor__label">{row.label}</span>
                    <span className="monitor__definition">{row.definition}</span>
                    {row.source ? <span className="monitor__source">{t('monitor.source', { source: row.source })}</span> : null}
                  </th>
                  {labels.map((label, i) => <td key={label} className="monitor__value">{show(row.values[i])}</td>)}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
