import { UserPlus } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { invite, setAttendance } from '../../collab/participants';
import type { Meeting } from '../../domain/meeting';
import type { MeetingMeta } from '../../domain/meetingRecords';
import { attendanceStatuses, userRoles } from '../../domain/meetingVocabulary';
import { formatTime, useLanguage } from '../../i18n';
import { Button, Select } from '../../ui';
import { useDirectory, useLiveSession } from '../session';
import { grantInvitees } from './meetingSetup';
import { invitable } from './newMeeting';

/** Props of {@link AttendancePanel}. */
export interface AttendancePanelProps {
  meeting: Meeting;
  meta: MeetingMeta;
  doc: Y.Doc;
  canEdit: boolean;
  /** May grant access to the meeting room (procesregisseur with edit). */
  manage: boolean;
}

/**
 * Attendance per invitee (aanwezig, afwezig, afgemeld) and whether they confirmed the
 * confidentiality statement. Chair and secretary record anyone's attendance, everyone
 * their own; the chair invites more people (and grants them access on the server).
 */
export function AttendancePanel({ meeting, meta, doc, canEdit, manage }: AttendancePanelProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const live = useLiveSession();
  const directory = useDirectory();
  const me = live.user.username;
  const recordsAll = canEdit && (meta.chair === me || meta.secretary === me);

  return (
    <section className="mt-card mt-card--below" aria-labelledby="mt-attendance-title">
      <h2 id="mt-attendance-title" className="mt-heading">{t('meetings.attendance.title')}</h2>
      <table className="mt-table">
        <caption className="visually-hidden">{t('meetings.attendance.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.attendance.name')}</th>
            <th scope="col">{t('meetings.attendance.org')}</th>
            <th scope="col">{t('meetings.attendance.role')}</th>
            <th scope="col">{t('meetings.attendance.status')}</th>
            <th scope="col">{t('meetings.attendance.confidentiality')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.invitees.map((invitee) => {
            const name = directory.displayName(invitee.username);
            const status = meeting.attendance[invitee.username];
            const confirmedAt = meeting.confidentiality[invitee.username];
            const editable = canEdit && (recordsAll || invitee.username === me);
            return (
              <tr key={invitee.username}>
                <th scope="row">{name}{invitee.username === me ? ` ${t('meetings.attendance.you')}` : ''}</th>
                <td>{directory.orgName(invitee.org)}</td>
                <td>{userRoles.label(invitee.role, language)}</td>
                <td>
                  {editable ? (
                    <select
                      className="input input--select mt-attendance__select"
                      aria-label={t('meetings.attendance.statusOf', { name })}
                      value={status ?? ''}
                      onChange={(event) => {
                        if (attendanceStatuses.is(event.target.value)) setAttendance(doc, invitee.username, event.target.value);
                      }}
                    >
                      {status === undefined ? <option value="">{t('meetings.attendance.unknown')}</option> : null}
                      {attendanceStatuses.values.map((value) => <option key={value} value={value}>{attendanceStatuses.label(value, language)}</option>)}
                    </select>
                  ) : (status ? attendanceStatuses.label(status, language) : t('meetings.attendance.unknown'))}
                </td>
                <td>
                  {confirmedAt
                    ? t('meetings.attendance.confirmedAt', { time: formatTime(Date.parse(confirmedAt), { language }) })
                    : <span className="mt-muted">{t('meetings.attendance.notConfirmed')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {manage && meta.chair === me ? <InviteMore meeting={meeting} doc={doc} /> : null}
    </section>
  );
}

function InviteMore({ meeting, doc }: { meeting: Meeting; doc: Y.Doc }) {
  const { t } = useTranslation();
  const live = useLiveSession();
  const directory = useDirectory();
  const [choice, setChoice] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const invited = useMemo(() => new Set(meeting.invitees.map((invitee) => invitee.username)), [meeting.invitees]);
  const options = invitable(directory.users).filter((user) => !invited.has(user.username))
    .map((user) => ({ value: user.username, label: `${user.name} (${directory.orgName(user.org)})` }));
  const deps = useMemo(() => ({
    members: (room: Parameters<typeof live.api.members>[0]) => live.api.members(room),
    setMember: (room: Parameters<typeof live.api.members>[0], username: string, access: 'edit' | 'view') => live.api.setMember(room, username, access),
  }), [live]);

  const grant = useCallback(async () => {
    setBusy(true);
    try {
      setMissing(await grantInvitees(deps, meeting.id, meeting.invitees));
    } finally {
      setBusy(false);
    }
  }, [deps, meeting.id, meeting.invitees]);

  // Checks once per change of the invitee list that every invitee has access on the server.
  const inviteesKey = meeting.invitees.map((invitee) => invitee.username).join(' ');
  useEffect(() => {
    let current = true;
    void deps.members(meeting.id).then(
      (members) => {
        const granted = new Set(members.map((member) => member.username));
        if (current) setMissing(inviteesKey.split(' ').filter((name) => name !== '' && !granted.has(name)));
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [deps, meeting.id, inviteesKey]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const user = directory.userByName(choice);
    if (!user) return;
    invite(doc, { username: user.username, org: user.org, role: user.role });
    setChoice('');
    void grantInvitees(deps, meeting.id, [{ username: user.username, org: user.org, role: user.role }]).then((failed) => {
      setMissing((current) => [...new Set([...current.filter((name) => name !== user.username), ...failed])]);
    });
  };

  return (
    <div className="mt-invite">
      {missing.length > 0 ? (
        <div className="mt-notice" role="status">
          <p>{t('meetings.attendance.missingAccess', { names: missing.map(directory.displayName).join(', ') })}</p>
          <Button onClick={() => void grant()} disabled={busy}>{t('meetings.attendance.grantAgain')}</Button>
        </div>
      ) : null}
      <form className="mt-inline-form mt-inline-form__row" onSubmit={submit} noValidate>
        <Select
          label={t('meetings.attendance.inviteLabel')}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          options={[{ value: '', label: options.length > 0 ? t('meetings.attendance.inviteChoose') : t('meetings.attendance.inviteNone') }, ...options]}
        />
        <Button type="submit" icon={<UserPlus size={16} />} disabled={choice === ''}>{t('meetings.attendance.invite')}</Button>
      </form>
    </div>
  );
}
