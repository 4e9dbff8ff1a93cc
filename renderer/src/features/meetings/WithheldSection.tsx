import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { setWithheld } from '../../collab/meetingNotes';
import type { WithheldNote } from '../../domain/caseRecords';
import type { MeetingId } from '../../domain/ids';
import { Button } from '../../ui';
import { useDirectory, useSession } from '../session';

/**
 * "Informatie niet gedeeld": per organisation, what it did not share in this meeting and
 * why. Each participant writes their own organisation's note (one per organisation).
 */
export function WithheldSection({ doc, meetingId, notes, editable }: { doc: Y.Doc; meetingId: MeetingId; notes: readonly WithheldNote[]; editable: boolean }) {
  const id = useId();
  const { t } = useTranslation();
  const { user } = useSession();
  const { orgName, displayName } = useDirectory();
  const mine = notes.find((note) => note.org === user.org);
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<'saved' | 'failed' | null>(null);
  const value = text ?? mine?.text ?? '';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    try {
      setWithheld(doc, meetingId, user.org, value, { username: user.username });
      setText(null);
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <section className="mt-subsection" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="mt-subheading">{t('meetings.item.withheld')}</h3>
      {notes.length === 0 ? <p className="mt-muted">{t('meetings.item.noWithheld')}</p> : (
        <dl className="mt-withheld">
          {notes.map((note) => (
            <div key={note.org}>
              <dt>{orgName(note.org)}</dt>
              <dd>{note.text} <span className="mt-muted">({displayName(note.by)})</span></dd>
            </div>
          ))}
        </dl>
      )}
      {editable ? (
        <form className="mt-inline-form" onSubmit={submit} noValidate>
          <label className="field__label" htmlFor={`${id}-mine`}>{t('meetings.item.withheldMine', { org: orgName(user.org) })}</label>
          <p className="field__hint" id={`${id}-hint`}>{t('meetings.item.withheldHint')}</p>
          <textarea
            id={`${id}-mine`}
            className="input mt-textarea"
            rows={2}
            maxLength={4000}
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(event) => { setText(event.target.value); setStatus(null); }}
          />
          <div className="mt-inline-form__row">
            <Button type="submit">{t('meetings.item.saveWithheld')}</Button>
            <span role="status" className="mt-muted">{status === 'saved' ? t('meetings.item.withheldSaved') : ''}</span>
          </div>
          {status === 'failed' ? <p className="field__error" role="alert">{t('meetings.item.withheldFailed')}</p> : null}
        </form>
      ) : null}
    </section>
  );
}
