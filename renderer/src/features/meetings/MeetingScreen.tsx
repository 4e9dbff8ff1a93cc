import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Meeting } from '../../domain/meeting';
import type { MeetingMeta } from '../../domain/meetingRecords';
import { useLanguage } from '../../i18n';
import { PageHeading } from '../../ui';
import { useSession } from '../session';
import { AttendancePanel } from './AttendancePanel';
import { ConfidentialityCard } from './ConfidentialityCard';
import { contentGate } from './contentGate';
import { MeetingFacts } from './MeetingFacts';
import { MeetingContent } from './MeetingContent';
import { meetingTypeLabel, meetingWhen } from './meetingLabels';
import { MinutesPanel } from './MinutesPanel';

/** Props of {@link MeetingScreen}. */
export interface MeetingScreenProps {
  meeting: Meeting;
  meta: MeetingMeta;
  doc: Y.Doc;
  access: 'edit' | 'view';
  manage: boolean;
}

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
      <MeetingFacts meta={meta} />
      {gate.open
        ? <MeetingContent meeting={meeting} doc={doc} isChair={isChair} canEdit={access === 'edit'} />
        : <ConfidentialityCard doc={doc} gate={gate} canEdit={access === 'edit'} />}
      <AttendancePanel meeting={meeting} meta={meta} doc={doc} canEdit={access === 'edit'} manage={manage} />
      <MinutesPanel meeting={meeting} meta={meta} isChair={isChair} showContent={gate.open} />
    </div>
  );
}
