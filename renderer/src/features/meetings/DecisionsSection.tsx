import { Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addDecision, removeDecision } from '../../collab/meetingNotes';
import type { Decision } from '../../domain/caseRecords';
import { DomainError } from '../../domain/errors';
import type { MeetingId } from '../../domain/ids';
import { Button, IconButton } from '../../ui';
import { useDirectory, useSession } from '../session';

/** The decisions (besluiten) of this case in this meeting, as a list; new ones are added at the end. */
export function DecisionsSection({ doc, meetingId, decisions, editable }: { doc: Y.Doc; meetingId: MeetingId; decisions: readonly Decision[]; editable: boolean }) {
  // Unique per item: several items stay mounted (hidden) on the meeting screen.
  const id = useId();
  const { t } = useTranslation();
  const { user } = useSession();
  const { displayName } = useDirectory();
  const [text, setText] = useState('');
  const [error, setError] = useState<'missing' | 'tooLong' | 'other' | null>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    try {
      addDecision(doc, meetingId, text, { username: user.username });
      setText('');
      setError(null);
    } catch (caught) {
      setError(caught instanceof DomainError ? (caught.code === 'text-too-long' ? 'tooLong' : 'missing') : 'other');
    }
  };

  return (
    <section className="mt-subsection" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="mt-subheading">{t('meetings.item.decisions')}</h3>
      {decisions.length === 0 ? <p className="mt-muted">{t('meetings.item.noDecisions')}</p> : (
        <ol className="mt-decisions">
          {decisions.map((decision) => (
            <li key={decision.id} className="mt-decisions__item">
              <span className="mt-decisions__text">{decision.text}</span>
              <span className="mt-muted mt-decisions__by">{displayName(decision.by)}</span>
              {editable ? (
                <IconButton label={t('meetings.item.removeDecision', { text: decision.text.slice(0, 60) })} icon={<Trash2 size={16} />} onClick={() => removeDecision(doc, meetingId, decision.id)} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        <form className="mt-inline-form" onSubmit={submit} noValidate>
          <label className="field__label" htmlFor={`${id}-new`}>{t('meetings.item.newDecision')}</label>
          <div className="mt-inline-form__row">
            <input
              id={`${id}-new`}
              className="input"
              value={text}
              maxLength={4000}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setText(event.target.value)}
            />
            <Button type="submit">{t('meetings.item.addDecision')}</Button>
          </div>
          {error ? <p id={`${id}-error`} className="field__error" role="alert">{t(`meetings.item.decisionErrors.${error}`)}</p> : null}
        </form>
      ) : null}
    </section>
  );
}
