import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readRisk, setRiskAssessment } from '../../collab/risk';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import type { RiskAssessment } from '../../domain/caseRecords';
import { riskAssessmentKinds, riskLevels, type RiskAssessmentKind, type RiskLevel } from '../../domain/caseVocabulary';
import { toIsoDate } from '../../domain/dates';
import { useLanguage } from '../../i18n';
import { Button, Select, StatusPill, TextInput } from '../../ui';
import { riskTone } from '../cases/labels';
import { useSession } from '../session';
import { FormDialog, useFieldError } from './FormDialog';
import { Panel } from './Panel';
import { useFormatDay, useRecorded } from './useRecorded';

const selectRisk = scoped(['risk'], (doc: Y.Doc) => readRisk(doc));

/** Risico: SASH (police), the Veilig Thuis safety assessment and the chair's judgement, each with who and when. */
export function RiskPanel({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const risk = useDocSelector(doc, selectRisk);
  const recorded = useRecorded();
  const day = useFormatDay();
  const [recording, setRecording] = useState<RiskAssessmentKind | null>(null);
  return (
    <Panel id="risico" title={t('board.risk.title')}>
      <ul className="risk-grid">
        {riskAssessmentKinds.values.map((kind) => {
          const assessment = risk[kind];
          const name = riskAssessmentKinds.label(kind, language);
          return (
            <li key={kind} className="risk-card">
              <h3 className="risk-card__title">{name}</h3>
              {assessment ? (
                <>
                  <p className="risk-card__level">
                    <StatusPill tone={riskTone[assessment.level]}>{riskLevels.label(assessment.level, language)}</StatusPill>
                    <span>{day(assessment.date)}</span>
                  </p>
                  {assessment.note ? <p className="risk-card__note">{assessment.note}</p> : null}
                  <p className="record__meta">{recorded(assessment.by, assessment.at)}</p>
                </>
              ) : <p className="text-muted">{t('board.notRecorded')}</p>}
              {editable ? (
                <Button variant="quiet" onClick={() => setRecording(kind)}>
                  {t('board.risk.record')}<span className="visually-hidden"> {name}</span>
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {editable && recording ? <RiskForm doc={doc} kind={recording} current={risk[recording]} onClose={() => setRecording(null)} /> : null}
    </Panel>
  );
}

function RiskForm({ doc, kind, current, onClose }: { doc: Y.Doc; kind: RiskAssessmentKind; current: RiskAssessment | null; onClose(): void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useSession();
  const [level, setLevel] = useState<RiskLevel>(current?.level ?? 'hoog');
  const [date, setDate] = useState(current?.date ?? toIsoDate(new Date()));
  const [note, setNote] = useState(current?.note ?? '');
  return (
    <FormDialog
      open
      title={t('board.risk.recordTitle', { kind: riskAssessmentKinds.label(kind, language) })}
      onClose={onClose}
      onSubmit={() => setRiskAssessment(doc, kind, { level, date, note: note.trim() === '' ? undefined : note }, { username: user.username })}
    >
      {(error) => <RiskFields error={error} {...{ level, setLevel, date, setDate, note, setNote }} />}
    </FormDialog>
  );
}

function RiskFields(props: {
  error: Parameters<typeof useFieldError>[0];
  level: RiskLevel; setLevel(v: RiskLevel): void; date: string; setDate(v: string): void; note: string; setNote(v: string): void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="form-grid">
      <Select label={t('board.risk.level')} value={props.level}
        onChange={(event) => riskLevels.is(event.target.value) && props.setLevel(event.target.value)}
        options={riskLevels.values.map((value) => ({ value, label: riskLevels.label(value, language) }))} />
      <TextInput type="date" label={t('board.risk.date')} value={props.date}
        onChange={(event) => props.setDate(event.target.value)} error={useFieldError(props.error, 'date')} />
      <TextInput className="form-grid__wide" label={`${t('board.risk.note')} ${t('board.optional')}`} value={props.note}
        onChange={(event) => props.setNote(event.target.value)} error={useFieldError(props.error, 'note')} />
    </div>
  );
}
