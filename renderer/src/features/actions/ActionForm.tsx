import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { safetyPlanSections } from '../../domain/safetyPlanSections';
import { formatDate, useLanguage } from '../../i18n';
import { Button, Field, Select, TextInput } from '../../ui';
import { draftIssues, type ActionDraft, type DraftIssues, type KnownOwner } from './actionDraft';
import { messageKeyForCode, type ActionErrorKey } from './actionErrors';
import { ownerChoices, type ActionDirectory } from './directory';

/** A meeting an action can be linked to (where the case was discussed). */
export interface MeetingChoice {
  id: string;
  /** ISO start, or null when the meeting document is not at hand. */
  start: string | null;
}

/** Props of {@link ActionForm}. */
export interface ActionFormProps {
  mode: 'create' | 'edit';
  initial: ActionDraft;
  directory: ActionDirectory;
  meetings: readonly MeetingChoice[];
  /** The current owner when editing: offered and valid even if the directory does not list them (offline). */
  currentOwner?: KnownOwner & { label: string };
  /** Saves the valid draft; returns an error key when the model refused it, null when saved. */
  onSubmit(draft: ActionDraft): ActionErrorKey | null;
  onCancel(): void;
}

/**
 * Create or change an action. Refuses, in Dutch and per field, what the model would refuse
 * (no action without owner and due date); the model checks again when it is written.
 */
export function ActionForm({ mode, initial, directory, meetings, currentOwner, onSubmit, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<DraftIssues>({});
  const [refused, setRefused] = useState<ActionErrorKey | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  // After a refused save, focus the first field marked invalid (the summary is announced).
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = (field: keyof ActionDraft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setIssues((current) => ({ ...current, [field]: undefined }));
  };
  const message = (field: keyof DraftIssues): string | null => {
    const code = issues[field];
    return code ? t(`actions.errors.${messageKeyForCode(code)}`) : null;
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = draftIssues(draft, directory, currentOwner);
    // The link to where it was agreed is set at creation only.
    if (mode === 'edit') delete found.source;
    setIssues(found);
    if (Object.keys(found).length > 0) {
      setRefused(null);
      setAttempt((n) => n + 1);
      return;
    }
    const error = onSubmit(draft);
    setRefused(error);
    if (error) setAttempt((n) => n + 1);
  };

  const owners = ownerChoices(directory).map((user) => ({
    value: user.username,
    label: t('actions.ownerOption', { name: user.name, org: user.orgName }),
  }));
  if (currentOwner && !owners.some((option) => option.value === currentOwner.username)) {
    owners.push({ value: currentOwner.username, label: currentOwner.label });
  }
  const sources = [
    { value: '', label: t('actions.sourceNone') },
    ...safetyPlanSections.values.map((key) => ({
      value: `section:${key}`, label: t('actions.sourceSection', { section: safetyPlanSections.label(key, language) }),
    })),
    ...meetings.map((meeting) => ({
      value: `meeting:${meeting.id}`,
      label: meeting.start ? t('actions.sourceMeetingOn', { date: formatDate(new Date(meeting.start), { language }) }) : t('actions.sourceMeeting'),
    })),
  ];
  const summary = Object.values(issues).filter(Boolean).map((code) => t(`actions.errors.${messageKeyForCode(code)}`));
  if (refused) summary.push(t(`actions.errors.${refused}`));

  return (
    <form ref={form} className="action-form" noValidate onSubmit={submit}>
      <div className="action-form__summary" role="alert">
        {summary.length > 0 ? <p>{t('actions.notSaved', { reason: summary.join(' ') })}</p> : null}
      </div>
      <Field label={t('actions.description')} hint={t('actions.descriptionHint')} error={message('description')}>
        {(ids) => (
          <textarea
            id={ids.id}
            className="input action-form__description"
            rows={3}
            maxLength={4000}
            value={draft.description}
            onChange={(event) => set('description')(event.target.value)}
            aria-describedby={[ids.hintId, ids.errorId].filter(Boolean).join(' ') || undefined}
            aria-invalid={issues.description ? true : undefined}
          />
        )}
      </Field>
      {directory.users.length === 0 && !currentOwner ? <p className="action-form__note">{t('actions.noDirectory')}</p> : null}
      <Select
        label={t('actions.owner')}
        hint={t('actions.ownerHint')}
        error={message('owner')}
        value={draft.owner}
        onChange={(event) => set('owner')(event.target.value)}
        options={[{ value: '', label: t('actions.ownerChoose') }, ...owners]}
      />
      <TextInput
        label={t('actions.due')}
        type="date"
        error={message('due')}
        value={draft.due}
        onChange={(event) => set('due')(event.target.value)}
      />
      {mode === 'create' ? (
        <Select
          label={t('actions.source')}
          error={message('source')}
          value={draft.source}
          onChange={(event) => set('source')(event.target.value)}
          options={sources}
        />
      ) : null}
      <div className="action-form__buttons">
        <Button variant="primary" type="submit">{mode === 'create' ? t('actions.save') : t('actions.saveChanges')}</Button>
        <Button variant="quiet" onClick={onCancel}>{t('actions.cancel')}</Button>
      </div>
    </form>
  );
}
