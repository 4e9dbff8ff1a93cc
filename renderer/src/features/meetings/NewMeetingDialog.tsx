import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../app/store';
import { meetingTypes } from '../../domain/meetingVocabulary';
import { useLanguage } from '../../i18n';
import { Button, Dialog, Select, TextInput } from '../../ui';
import { isApiError, useDirectory, useLiveSession } from '../session';
import { createMeeting } from './meetingSetup';
import {
  chairChoices, draftInvitees, draftToHeader, emptyMeetingDraft, invitable, meetingDraftIssues, newMeetingFieldOrder, secretaryChoices,
  type NewMeetingDraft, type NewMeetingField, type NewMeetingIssue,
} from './newMeeting';

type SubmitError = 'unreachable' | 'forbidden' | 'unauthorized' | 'other';

/** "Nieuw overleg": type, date and time, place or video link, chair, secretary and invitees. */
export function NewMeetingDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('meetings.newMeeting.title')} closeLabel={t('common.close')}>
      {open ? <NewMeetingForm onClose={onClose} /> : null}
    </Dialog>
  );
}

function NewMeetingForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const live = useLiveSession();
  const directory = useDirectory();
  const me = live.user.username;
  const [draft, setDraft] = useState<NewMeetingDraft>(() => emptyMeetingDraft(me));
  const [issues, setIssues] = useState<Partial<Record<NewMeetingField, NewMeetingIssue>>>({});
  const [submitError, setSubmitError] = useState<SubmitError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const users = directory.users;
  const people = useMemo(() => invitable(users), [users]);
  const byOrg = useMemo(() => {
    const groups = new Map<string, typeof people>();
    for (const person of people) groups.set(person.org, [...(groups.get(person.org) ?? []), person]);
    return [...groups.entries()];
  }, [people]);

  const set = <K extends keyof NewMeetingDraft>(field: K, value: NewMeetingDraft[K]): void => {
    setDraft((current) => ({ ...current, [field]: value }));
  };
  const message = (field: NewMeetingField): string | null => {
    const issue = issues[field];
    return issue ? t(`meetings.newMeeting.errors.${issue}`) : null;
  };
  const toggleInvitee = (username: string, checked: boolean): void => {
    setDraft((current) => ({
      ...current,
      invitees: checked ? [...current.invitees, username] : current.invitees.filter((name) => name !== username),
    }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = meetingDraftIssues(draft, users);
    setIssues(found);
    setSubmitError(null);
    if (newMeetingFieldOrder.some((field) => found[field])) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const created = await createMeeting({
        createRoom: () => live.createRoom('meeting'),
        openDoc: (room) => live.docManager.open(room),
        members: (room) => live.api.members(room),
        setMember: (room, username, access) => live.api.setMember(room, username, access),
      }, draftToHeader(draft), draftInvitees(draft, me, users), { username: me });
      const announce = useAppStore.getState().announce;
      announce(t('meetings.newMeeting.created'));
      if (created.notGranted.length > 0) {
        announce(t('meetings.newMeeting.notGranted', { names: created.notGranted.map(directory.displayName).join(', ') }), 'warning');
      }
      onClose();
      window.location.hash = hrefOf({ name: 'meeting', meetingId: created.meetingId });
    } catch (caught) {
      setSubmitError(isApiError(caught, 'unreachable') ? 'unreachable'
        : isApiError(caught, 'forbidden') ? 'forbidden'
          : isApiError(caught, 'unauthorized') ? 'unauthorized' : 'other');
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const summary = [
    ...newMeetingFieldOrder.flatMap((field) => (issues[field] ? [t(`meetings.newMeeting.errors.${issues[field]}`)] : [])),
    ...(submitError ? [t(`meetings.newMeeting.errors.${submitError}`)] : []),
  ];

  return (
    <form ref={form} className="mt-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      <p className="mt-muted">{t('meetings.newMeeting.intro')}</p>
      <div className="mt-form__summary" role="alert">
        {summary.length > 0 ? <p>{t('meetings.newMeeting.notCreated', { reason: summary.join(' ') })}</p> : null}
      </div>
      <Select
        label={t('meetings.newMeeting.type')}
        value={draft.type}
        error={message('type')}
        onChange={(event) => set('type', event.target.value)}
        options={[{ value: '', label: t('meetings.newMeeting.choose') }, ...meetingTypes.values.map((value) => ({ value, label: meetingTypes.label(value, language) }))]}
      />
      <div className="mt-form__row">
        <TextInput label={t('meetings.newMeeting.date')} type="date" value={draft.date} error={message('date')} onChange={(event) => set('date', event.target.value)} />
        <TextInput label={t('meetings.newMeeting.time')} type="time" value={draft.time} error={message('time')} onChange={(event) => set('time', event.target.value)} />
      </div>
      <div className="mt-form__row">
        <TextInput label={t('meetings.newMeeting.location')} value={draft.location} maxLength={200} error={message('place')} onChange={(event) => set('location', event.target.value)} />
        <TextInput label={t('meetings.newMeeting.videoLink')} hint={t('meetings.newMeeting.videoLinkHint')} type="url" value={draft.videoLink} maxLength={200} onChange={(event) => set('videoLink', event.target.value)} />
      </div>
      <div className="mt-form__row">
        <Select
          label={t('meetings.newMeeting.chair')}
          value={draft.chair}
          error={message('chair')}
          onChange={(event) => set('chair', event.target.value)}
          options={[{ value: '', label: t('meetings.newMeeting.choose') }, ...chairChoices(users).map((user) => ({ value: user.username, label: user.name }))]}
        />
        <Select
          label={t('meetings.newMeeting.secretary')}
          value={draft.secretary}
          error={message('secretary')}
          onChange={(event) => set('secretary', event.target.value)}
          options={[{ value: '', label: t('meetings.newMeeting.noSecretary') }, ...secretaryChoices(users).map((user) => ({ value: user.username, label: user.name }))]}
        />
      </div>
      <fieldset className="mt-invitees" aria-describedby="mt-invitees-hint">
        <legend className="field__label">{t('meetings.newMeeting.invitees')}</legend>
        <p id="mt-invitees-hint" className="field__hint">{t('meetings.newMeeting.inviteesHint')}</p>
        {people.length === 0 ? <p className="mt-muted">{t('meetings.newMeeting.noDirectory')}</p> : null}
        {byOrg.map(([org, members]) => (
          <fieldset key={org} className="mt-invitees__org">
            <legend>{directory.orgName(org)}</legend>
            {members.map((person) => {
              const fixed = person.username === draft.chair || person.username === draft.secretary || person.username === me;
              return (
                <label key={person.username} className="mt-check">
                  <input
                    type="checkbox"
                    checked={fixed || draft.invitees.includes(person.username)}
                    disabled={fixed}
                    onChange={(event) => toggleInvitee(person.username, event.target.checked)}
                  />
                  <span>{person.name}</span>
                </label>
              );
            })}
          </fieldset>
        ))}
        {message('invitees') ? <p className="field__error">{message('invitees')}</p> : null}
      </fieldset>
      <div className="mt-form__buttons">
        <Button variant="primary" type="submit" disabled={busy}>{busy ? t('meetings.newMeeting.creating') : t('meetings.newMeeting.create')}</Button>
        <Button variant="quiet" onClick={onClose}>{t('meetings.newMeeting.cancel')}</Button>
      </div>
    </form>
  );
}
