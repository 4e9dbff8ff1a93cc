import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useNow } from '../../app/useNow';
import { addMeasure, readMeasures, removeMeasure, updateMeasure } from '../../collab/measures';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import type { Measure } from '../../domain/caseRecords';
import { measureKinds, type MeasureKind } from '../../domain/caseVocabulary';
import { toIsoDate } from '../../domain/dates';
import { measureExpiry, type MeasureExpiry } from '../../domain/measureExpiry';
import { useLanguage } from '../../i18n';
import { Button, Select, StatusPill, TextInput, type StatusTone } from '../../ui';
import { useSession } from '../session';
import { FormDialog, useFieldError, type FormErrorState } from './FormDialog';
import { ItemButtons } from './ItemButtons';
import { Panel } from './Panel';
import { useFormatDay, useRecorded } from './useRecorded';

const selectMeasures = scoped(['measures'], (doc: Y.Doc): Measure[] => readMeasures(doc));

const tones: Record<MeasureExpiry['state'], StatusTone> = { expired: 'danger', expiring: 'warning', active: 'positive', 'not-started': 'neutral' };

function useExpiryText(): (measure: Measure, expiry: MeasureExpiry) => string {
  const { t } = useTranslation();
  const day = useFormatDay();
  return (measure, expiry) => {
    if (expiry.state === 'expired') return t('board.measures.expired', { date: day(measure.end ?? '') });
    if (expiry.state === 'expiring') return expiry.daysLeft === 0 ? t('board.measures.expiresToday') : t('board.measures.expiring', { count: expiry.daysLeft ?? 0 });
    if (expiry.state === 'not-started') return t('board.measures.notStarted', { date: day(measure.start) });
    return t('board.measures.active');
  };
}

/** Maatregelen with start and end; those ending within 14 days and those expired are flagged in words and colour. */
export function MeasuresPanel({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const measures = useDocSelector(doc, selectMeasures);
  const today = toIsoDate(new Date(useNow(60_000)));
  const day = useFormatDay();
  const recorded = useRecorded();
  const expiryText = useExpiryText();
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  return (
    <Panel
      id="maatregelen"
      title={t('board.measures.title')}
      actions={editable ? <Button icon={<Plus size={18} />} onClick={() => setEditing('new')}>{t('board.measures.add')}</Button> : null}
    >
      {measures.length === 0 ? <p className="text-muted">{t('board.measures.empty')}</p> : (
        <ul className="record-list">
          {measures.map((measure) => {
            const expiry = measureExpiry(measure, today);
            const name = measureKinds.label(measure.kind, language);
            return (
              <li key={measure.id} className={`record record--${expiry.state}`}>
                <div className="record__main">
                  <div className="record__title">
                    <span className="record__name">{name}</span>
                    <StatusPill tone={tones[expiry.state]}>{expiryText(measure, expiry)}</StatusPill>
                  </div>
                  <p className="record__line">
                    {t('board.measures.period', { start: day(measure.start), end: measure.end ? day(measure.end) : t('board.measures.noEnd') })}
                  </p>
                  {measure.note ? <p className="record__line">{measure.note}</p> : null}
                  <p className="record__meta">{recorded(measure.by, measure.at)}</p>
                </div>
                {editable ? <ItemButtons name={name} onEdit={() => setEditing(measure)} onRemove={() => removeMeasure(doc, measure.id)} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      {editable && editing ? <MeasureForm doc={doc} measure={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Panel>
  );
}

function MeasureForm({ doc, measure, onClose }: { doc: Y.Doc; measure: Measure | null; onClose(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [kind, setKind] = useState<MeasureKind>(measure?.kind ?? 'contactverbod');
  const [start, setStart] = useState(measure?.start ?? toIsoDate(new Date()));
  const [end, setEnd] = useState(measure?.end ?? '');
  const [note, setNote] = useState(measure?.note ?? '');
  const save = (): void => {
    const input = { kind, start, end: end === '' ? null : end, note: note.trim() === '' ? undefined : note };
    if (measure) updateMeasure(doc, measure.id, input, { username: user.username });
    else addMeasure(doc, input, { username: user.username });
  };
  return (
    <FormDialog open title={measure ? t('board.measures.editTitle') : t('board.measures.addTitle')} onClose={onClose} onSubmit={save}>
      {(error) => <MeasureFields error={error} {...{ kind, setKind, start, setStart, end, setEnd, note, setNote }} />}
    </FormDialog>
  );
}

function MeasureFields(props: {
  error: FormErrorState | null;
  kind: MeasureKind; setKind(v: MeasureKind): void; start: string; setStart(v: string): void;
  end: string; setEnd(v: string): void; note: string; setNote(v: string): void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="form-grid">
      <Select className="form-grid__wide" label={t('board.measures.kind')} value={props.kind}
        onChange={(event) => measureKinds.is(event.target.value) && props.setKind(event.target.value)}
        options={measureKinds.values.map((value) => ({ value, label: measureKinds.label(value, language) }))} />
      <TextInput type="date" label={t('board.measures.start')} value={props.start}
        onChange={(event) => props.setStart(event.target.value)} error={useFieldError(props.error, 'start')} />
      <TextInput type="date" label={`${t('board.measures.end')} ${t('board.optional')}`} hint={t('board.measures.endHint')} value={props.end}
        onChange={(event) => props.setEnd(event.target.value)} error={useFieldError(props.error, 'end')} />
      <TextInput className="form-grid__wide" label={`${t('board.measures.note')} ${t('board.optional')}`} value={props.note}
        onChange={(event) => props.setNote(event.target.value)} error={useFieldError(props.error, 'note')} />
    </div>
  );
}
