import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { UnavailableSection } from '../../app/sections/UnavailableSection';
import { readMeeting } from '../../collab/readMeeting';
import { isId, type MeetingId } from '../../domain/ids';
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

function LoadedMeeting({ meetingId, doc, access, manage }: { meetingId: MeetingId; doc: Y.Doc; access: 'edit' | 'view'; manage: boolean }) {
  const read = useCallback((current: Y.Doc) => readMeeting(current, meetingId), [meetingId]);
  const meeting = useDocSelector(doc, read);
  if (!meeting.meta) return <Loading />;
  return <MeetingScreen meeting={meeting} meta={meeting.meta} doc={doc} access={access} manage={manage} />;
}
