/** A meeting as plain data: what the meetings list, meeting mode and the minutes read. */
import type { AttendanceStatus } from './meetingVocabulary';
import type { CaseId, MeetingId } from './ids';
import type { Invitee, MeetingLive, MeetingMeta } from './meetingRecords';
import type { SkippedRecord } from './caseBoard';

/** A whole meeting document, read once. */
export interface Meeting {
  id: MeetingId;
  meta: MeetingMeta | null;
  /** Sorted by username. */
  invitees: Invitee[];
  attendance: Record<string, AttendanceStatus>;
  /** When each participant confirmed the confidentiality statement (ISO time). */
  confidentiality: Record<string, string>;
  /** The chair's order, duplicates and malformed ids removed. */
  agenda: CaseId[];
  live: MeetingLive;
  skipped: SkippedRecord[];
}

/** True once `username` confirmed the confidentiality statement: before that, no case content. */
export function hasConfirmedConfidentiality(meeting: Pick<Meeting, 'confidentiality'>, username: string): boolean {
  return Object.hasOwn(meeting.confidentiality, username);
}

/** True when the minutes are approved: content is frozen and only the chair can reopen. */
export function isApproved(meeting: Pick<Meeting, 'meta'>): boolean {
  return meeting.meta?.status === 'vastgesteld';
}
