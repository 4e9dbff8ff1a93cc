import { FileCheck, Save, Upload } from 'lucide-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../app/sections/SectionPage';
import { Button, Select, TextInput } from '../../ui';
import { Notice, useLiveSession } from '../session';
import { createPartnerFiguresApi, MonitorApiError, type PartnerFigures, type PartnerFiguresApi, type PartnerImport } from './monitorApi';
import { isoDay } from './periods';
import './monitor.css';

type State = { state: 'loading' } | { state: 'ready'; data: PartnerFigures } | { state: 'error'; error: 'unreachable' | 'unauthorized' | 'forbidden' | 'other' };
const errorOf = (error: unknown): 'unreachable' | 'unauthorized' | 'forbidden' | 'other' =>
  error instanceof MonitorApiError && (error.code === 'unreachable' || error.code === 'unauthorized' || error.code === 'forbidden') ? error.code : 'other';

function usePartnerFiguresApi(): PartnerFiguresApi {
  const live = useLiveSession();
  return useMemo(() => createPartnerFiguresApi({ serverUrl: live.serverUrl, token: async () => (await live.vault.loadSession())?.token ?? null }), [live]);
}

const firstYear = 2020;

/**
 * "Cijfers opgeven" (docs/design.md "Monitor"): a partner's own users enter, per quarter, the
 * figures of the catalogue their organisation holds (OM, Veilig Thuis, Slachtofferhulp, gemeente,
 * politie). Counts only; the monitor shows them with the organisation as source.
 */
export function PartnerFiguresPage() {
  const { t } = useTranslation();
  const api = usePartnerFiguresApi();
  const today = isoDay(new Date());
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [quarter, setQuarter] = useState(Math.floor(Number(today.slice(5, 7)) / 3.01) + 1);
  const [loaded, setLoaded] = useState<State>({ state: 'loading' });
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'failed' | null>(null);
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [checked, setChecked] = useState<PartnerImport | null>(null);
  const [importFailed, setImportFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api.load().then((data) => live && setLoaded({ state: 'ready', data }), (error: unknown) => live && setLoaded({ state: 'error', error: errorOf(error) }));
    return () => {
      live = false;
    };
  }, [api]);

  // The stored values of the chosen quarter fill the form.
  const data = loaded.state === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (!data) return;
    const stored = Object.fromEntries(data.values.filter((v) => v.year === year && v.quarter === quarter).map((v) => [v.figure, String(v.value)]));
    setDraft(Object.fromEntries(data.mine.map((id) => [id, stored[id] ?? ''])));
    setInvalid([]);
  }, [data, year, quarter]);

  if (loaded.state === 'loading') return <SectionPage title={t('sections.partner-figures.title')}><p role="status">{t('monitor.partner.loading')}</p></SectionPage>;
  if (loaded.state === 'error') return <SectionPage title={t('sections.partner-figures.title')}><Notice tone="danger" role="alert"><p>{t(`monitor.partner.errors.${loaded.error}`)}</p></Notice></SectionPage>;
  const { catalogue, mine } = loaded.data;
  const period = `${year}-K${quarter}`;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const filled = Object.entries(draft).filter(([, text]) => text.trim() !== '');
    const bad = filled.filter(([, text]) => !/^\d{1,9}$/u.test(text.trim())).map(([id]) => id);
    setInvalid(bad);
    setSaved(null);
    if (bad.length > 0 || filled.length === 0) return;
    setSaving(true);
    try {
      const figures = Object.fromEntries(filled.map(([id, text]) => [id, Number(text.trim())]));
      await api.save(period, figures);
      setLoaded({ state: 'ready', data: await api.load() });
      setSaved('saved');
    } catch {
      setSaved('failed');
    } finally {
      setSaving(false);
    }
  };

  const runImport = async (dryRun: boolean): Promise<void> => {
    if (!csv) return;
    setImportFailed(false);
    try {
      const result = await api.importCsv(csv.text, dryRun);
      setChecked(result);
      if (!dryRun && result.applied > 0) setLoaded({ state: 'ready', data: await api.load() });
    } catch {
      setImportFailed(true);
    }
  };

  const years = Array.from({ length: Number(today.slice(0, 4)) - firstYear + 1 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  return (
    <SectionPage title={t('sections.partner-figures.title')}>
      <p className="monitor__intro">{t('monitor.partner.intro')}</p>
      <form className="monitor__filters" aria-label={t('monitor.partner.form')} onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="monitor__period">
          <legend>{t('monitor.partner.period')}</legend>
          <Select label={t('monitor.partner.year')} value={String(year)} options={years.map((y) => ({ value: y, label: y }))} onChange={(event) => { setYear(Number(event.target.value)); setSaved(null); }} />
          <Select label={t('monitor.partner.quarter')} value={String(quarter)} options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('monitor.quarterName', { quarter: q }) }))}
            onChange={(event) => { setQuarter(Number(event.target.value)); setSaved(null); }} />
        </fieldset>
        <fieldset className="monitor__period">
          <legend>{t('monitor.partner.figures', { period })}</legend>
          {mine.map((id) => {
            const def = catalogue.find((entry) => entry.id === id);
            return (
              <TextInput key={id} label={def?.label ?? id} hint={def?.definition} inputMode="numeric" value={draft[id] ?? ''}
                error={invalid.includes(id) ? t('monitor.partner.invalid') : null}
                onChange={(event) => setDraft((current) => ({ ...current, [id]: event.target.value }))} />
            );
          })}
        </fieldset>
        <div className="monitor__buttons">
          <Button type="submit" variant="primary" icon={<Save size={18} />} disabled={saving} aria-busy={saving || undefined}>{t('monitor.partner.save')}</Button>
        </div>
      </form>
      {saved === 'saved' ? <Notice tone="info" role="status"><p>{t('monitor.partner.saved', { period })}</p></Notice> : null}
      {saved === 'failed' ? <Notice tone="danger" role="alert"><p>{t('monitor.partner.errors.saveFailed')}</p></Notice> : null}
      <section className="monitor__import" aria-labelledby="partner-import-heading">
        <h2 id="partner-import-heading">{t('monitor.partner.importHeading')}</h2>
        <p>{t('monitor.partner.importIntro')}</p>
        <TextInput type="file" accept=".csv,text/csv" label={t('monitor.partner.importFile')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            setChecked(null);
            setImportFailed(false);
            if (!file) { setCsv(null); return; }
            void file.text().then((text) => setCsv({ name: file.name, text }));
          }} />
        <div className="monitor__buttons">
          <Button icon={<FileCheck size={18} />} disabled={!csv} onClick={() => void runImport(true)}>{t('monitor.partner.importCheck')}</Button>
          <Button variant="primary" icon={<Upload size={18} />} disabled={!csv || !checked || !checked.dryRun || checked.errors > 0} onClick={() => void runImport(false)}>{t('monitor.partner.importApply')}</Button>
        </div>
        {importFailed ? <Notice tone="danger" role="alert"><p>{t('monitor.partner.errors.importFailed')}</p></Notice> : null}
        {checked ? (
          <div role="status">
            <p>{checked.dryRun ? t('monitor.partner.importChecked', { count: checked.lines.length, errors: checked.errors }) : checked.applied > 0 ? t('monitor.partner.importApplied', { count: checked.applied }) : t('monitor.partner.importRefused', { errors: checked.errors })}</p>
            <ul className="monitor__import-lines">
              {checked.lines.map((line) => <li key={line.line}>{t('monitor.partner.importLine', { line: line.line, message: line.message })}</li>)}
            </ul>
          </div>
        ) : null}
      </section>
    </SectionPage>
  );
}
