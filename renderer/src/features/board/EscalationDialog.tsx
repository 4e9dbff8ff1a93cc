import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { escalate } from '../../collab/timeline';
import { escalationLevels, type EscalationLevel } from '../../domain/caseVocabulary';
import { toIsoDate } from '../../domain/dates';
import { useLanguage } from '../../i18n';
import { Select, TextInput } from '../../ui';
import { useSession } from '../session';
import { FormDialog, useFieldError, type FormErrorState } from './FormDialog';
import { TextArea } from './TextArea';

/** "Escaleren": level and reason; the escalation lands on the timeline and in the chair's overview. */
export function EscalationDialog({ doc, onClose }: { doc: Y.Doc; onClose(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [level, setLevel] = useState<EscalationLevel>('tactisch');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(toIsoDate(new Date()));
  return (
    <FormDialog open title={t('board.escalation.title')} intro={<p>{t('board.escalation.intro')}</p>} onClose={onClose}
      submitLabel={t('board.escalation.button')}
      onSubmit={() => escalate(doc, { level, reason, date }, { username: user.username })}>
      {(error) => <EscalationFields {...{ error, level, setLevel, reason, setReason, date, setDate }} />}
    </FormDialog>
  );
}

function EscalationFields(props: {
  error: FormErrorState | null; level: EscalationLevel; setLevel(v: EscalationLevel): void;
  reason: string; setReason(v: string): void; date: string; setDate(v: string): void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="form-grid">
      <Select label={t('board.escalation.level')} value={props.level}
        onChange={(event) => escalationLevels.is(event.target.value) && props.setLevel(event.target.value)}
        options={escalationLevels.values.map((value) => ({ value, label: escalationLevels.label(value, language) }))} />
      <TextInput type="date" label={t('board.escalation.date')} value={props.date} onChange={(event) => props.setDate(event.target.value)}
        error={useFieldError(props.error, 'date')} />
      <div className="form-grid__wide">
        <TextArea label={t('board.escalation.reason')} value={props.reason} onChange={props.setReason} error={useFieldError(props.error, 'reason')} />
      </div>
    </div>
  );
}
