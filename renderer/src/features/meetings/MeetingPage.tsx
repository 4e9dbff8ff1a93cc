import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { UnavailableSection } from '../../app/sections/UnavailableSection';
import { meetingParts } from '../../collab/readMeeting';
import { isId, type MeetingId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import { PageHeading } from '../../ui';
import { useRoomDoc } from '../session';
import { useDocSelector } from '../../collab/useDocSelector';
import { MeetingScreen } from './MeetingScreen';
import './meetings.css';

/** `#/overleggen/<meetingId>`: opens the meeting room (only if it is mine) and shows the meeting. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const room = useRoomDoc(meetingId);
  if (!isId('meeting', meetingId) || room.status === 'no-access') return <UnavailableSection kind="meeting" />;
  if (room.status === 'checking') return <Loading />;
  return <LoadedMeeting meetingId={meetingId} doc={room.doc} access={room.access} manage={room.manage} />;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="section-page">
      <PageHeading>{t('sections.meeting.title')}</PageHeading>
      <p className="mt-muted" role="status">{t('meetings.loading')}</p>
    </div>
  );
}

/** The meeting as plain data, each part selected apart so unchanged parts keep their identity. */
function useMeeting(doc: Y.Doc, id: MeetingId): Meeting {
  const meta = useDocSelector(doc, meetingParts.meta);
  const invitees = useDocSelector(doc, meetingParts.invitees);
  const attendance = useDocSelector(doc, meetingParts.attendance);
  const confidentiality = useDocSelector(doc, meetingParts.confidentiality);
  const agenda = useDocSelector(doc, meetingParts.agenda);
  const live = useDocSelector(doc, meetingParts.live);
  return useMemo(() => ({
    id,
    meta: meta.value,
    invitees: invitees.value,
    attendance: attendance.value,
    confidentiality: confidentiality.value,
    agenda: agenda.value,
    live: live.value,
    skipped: [meta, invitees, attendance, confidentiality, agenda, live].flatMap((part) => part.skipped),
  }), [id, meta, invitees, attendance, confidentiality, agenda, live]);
}

function LoadedMeeting({ meetingId, doc, access, manage }: { meetingId: MeetingId; doc: Y.Doc; access: 'edit' | 'view'; manage: boolean }) {
  const meeting = useMeeting(doc, meetingId);
  if (!meeting.meta) return <Loading />;
  return <MeetingScreen meeting={meeting} meta={meeting.meta} doc={doc} access={access} manage={manage} />;
}
