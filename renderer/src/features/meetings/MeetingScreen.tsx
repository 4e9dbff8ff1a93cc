import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { plainEqual } from '../../collab/plainValue';
import type { Meeting } from '../../domain/meeting';
import type { MeetingMeta } from '../../domain/meetingRecords';
import { useLanguage } from '../../i18n';
import { PageHeading } from '../../ui';
import { useSession } from '../session';
import { AttendancePanel, type AttendancePanelProps } from './AttendancePanel';
import { ConfidentialityCard } from './ConfidentialityCard';
import { contentGate } from './contentGate';
import { MeetingFacts } from './MeetingFacts';
import { MeetingContent } from './MeetingContent';
import { meetingTypeLabel, meetingWhen } from './meetingLabels';
import { MinutesPanel, type MinutesPanelProps } from './MinutesPanel';

/** Props of {@link MeetingScreen}. */
export interface MeetingScreenProps {
  meeting: Meeting;
  meta: MeetingMeta;
  doc: Y.Doc;
  access: 'edit' | 'view';
  manage: boolean;
}

// The meeting document changes on every "Volgend punt" (its live map), and each read is a
// new plain snapshot: the panels below the current item re-render only when what they show
// changed (attendance, confidentiality, minutes status), not when the chair moves on.
const StableAttendancePanel = memo(AttendancePanel, (a: AttendancePanelProps, b: AttendancePanelProps) => (
  a.doc === b.doc && a.canEdit === b.canEdit && a.manage === b.manage && a.meeting.id === b.meeting.id
  && plainEqual(a.meta, b.meta) && plainEqual(a.meeting.invitees, b.meeting.invitees)
  && plainEqual(a.meeting.attendance, b.meeting.attendance) && plainEqual(a.meeting.confidentiality, b.meeting.confidentiality)
));
const StableMinutesPanel = memo(MinutesPanel, (a: MinutesPanelProps, b: MinutesPanelProps) => (
  a.isChair === b.isChair && a.showContent === b.showContent && a.meeting.id === b.meeting.id
  && plainEqual(a.meta, b.meta) && plainEqual(a.meeting.agenda, b.meeting.agenda)
));
const StableMeetingFacts = memo(MeetingFacts, (a, b) => plainEqual(a.meta, b.meta));

/**
 * One meeting: its facts, the confidentiality gate, and — once passed — the agenda with
 * meeting mode and the current item; attendance and the minutes status below.
 */
export function MeetingScreen({ meeting, meta, doc, access, manage }: MeetingScreenProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useSession();
  const me = user.username;
  const isChair = meta.chair === me && access === 'edit';
  const gate = contentGate(meeting, me);

  return (
    <div className="section-page mt-meeting">
      <div className="mt-page-bar">
        <PageHeading>{t('meetings.pageTitle', { type: meetingTypeLabel(meta, language), when: meetingWhen(meta.start, language) })}</PageHeading>
      </div>
      <StableMeetingFacts meta={meta} />
      {gate.open
        ? <MeetingContent meeting={meeting} doc={doc} isChair={isChair} canEdit={access === 'edit'} />
        : <ConfidentialityCard doc={doc} gate={gate} canEdit={access === 'edit'} />}
      <StableAttendancePanel meeting={meeting} meta={meta} doc={doc} canEdit={access === 'edit'} manage={manage} />
      <StableMinutesPanel meeting={meeting} meta={meta} isChair={isChair} showContent={gate.open} />
    </div>
  );
}
