/**
 * What a digest counts for one user, computed on the server from the documents it already
 * stores and validates, with the app's own reminder rules: only counts leave this module.
 */
import type * as Y from 'yjs';
import { readActions } from '../../../renderer/src/collab/actions';
import { readCaseMeta } from '../../../renderer/src/collab/caseHeader';
import { readContacts } from '../../../renderer/src/collab/contacts';
import { readMeasures } from '../../../renderer/src/collab/measures';
import { readMeetingMeta } from '../../../renderer/src/collab/meetingHeader';
import { readAttendance, readInvitees } from '../../../renderer/src/collab/participants';
import { isId } from '../../../renderer/src/domain/ids';
import { computeReminders, type ReminderCase, type ReminderMeeting } from '../../../renderer/src/domain/reminders';

/** The numbers in a digest; nothing else about a case ever goes into a mail. */
export interface DigestCounts {
  overdueActions: number;
  actionsDueSoon: number;
  expiringMeasures: number;
  meetingsSoon: number;
}

/** True when there is nothing to tell (no mail is sent then). */
export function isEmptyDigest(counts: DigestCounts): boolean {
  return counts.overdueActions + counts.actionsDueSoon + counts.expiringMeasures + counts.meetingsSoon === 0;
}

/** The counts for `username` at `now` over the documents of the rooms they have a grant for. */
export function countReminders(username: string, now: Date, docs: ReadonlyMap<string, Y.Doc>): DigestCounts {
  const cases: ReminderCase[] = [];
  const meetings: ReminderMeeting[] = [];
  for (const [room, doc] of docs) {
    if (isId('case', room)) cases.push({ id: room, meta: readCaseMeta(doc), actions: readActions(doc), measures: readMeasures(doc), contacts: readContacts(doc) });
    else if (isId('meeting', room)) meetings.push({ id: room, meta: readMeetingMeta(doc), invitees: readInvitees(doc), attendance: readAttendance(doc) });
  }
  const counts: DigestCounts = { overdueActions: 0, actionsDueSoon: 0, expiringMeasures: 0, meetingsSoon: 0 };
  for (const reminder of computeReminders({ me: username, now, cases, meetings, fallbackLabel: '' })) {
    if (reminder.kind === 'action-due') {
      if (reminder.state === 'overdue') counts.overdueActions++;
      else counts.actionsDueSoon++;
    } else if (reminder.kind === 'measure-expiring') counts.expiringMeasures++;
    else if (reminder.kind === 'meeting-soon') counts.meetingsSoon++;
  }
  return counts;
}
