/** The "Overleggen" list: meetings I am invited to, split into upcoming and past. */
import { toIsoDate } from '../../domain/dates';
import type { MeetingId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import type { MeetingMeta } from '../../domain/meetingRecords';

/** One row of the list (no case content: the meeting document holds none). */
export interface MeetingSummary {
  id: MeetingId;
  meta: MeetingMeta;
  caseCount: number;
}

/** Upcoming (today and later, soonest first) and past (most recent first). */
export interface MeetingLists {
  upcoming: MeetingSummary[];
  past: MeetingSummary[];
  /** Meetings whose header has not arrived yet (a room just granted, still syncing). */
  pending: MeetingId[];
}

/**
 * Splits by the local calendar day of the start: a meeting that began this morning is
 * still "upcoming" for the rest of the day, which is when people look for it.
 */
export function splitMeetings(meetings: readonly Meeting[], now: Date): MeetingLists {
  const today = toIsoDate(now);
  const upcoming: MeetingSummary[] = [];
  const past: MeetingSummary[] = [];
  const pending: MeetingId[] = [];
  for (const meeting of meetings) {
    if (!meeting.meta) {
      pending.push(meeting.id);
      continue;
    }
    const row = { id: meeting.id, meta: meeting.meta, caseCount: meeting.agenda.length };
    if (toIsoDate(new Date(meeting.meta.start)) >= today) upcoming.push(row);
    else past.push(row);
  }
  const byStart = (a: MeetingSummary, b: MeetingSummary) => Date.parse(a.meta.start) - Date.parse(b.meta.start) || (a.id < b.id ? -1 : 1);
  upcoming.sort(byStart);
  past.sort((a, b) => byStart(b, a));
  return { upcoming, past, pending: pending.sort() };
}
