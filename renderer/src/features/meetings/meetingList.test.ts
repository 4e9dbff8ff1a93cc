import { describe, expect, it } from 'vitest';
import type { MeetingId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import { splitMeetings } from './meetingList';

function meeting(id: string, start: string | null, agenda: `case:${string}`[] = []): Meeting {
  return {
    id: `meeting:${id}` as MeetingId,
    meta: start === null ? null : { type: 'themakamer', start, chair: 'pim.proef', status: 'concept', version: 0, createdBy: 'pim.proef' },
    invitees: [], attendance: {}, confidentiality: {}, agenda, live: { currentItem: null, itemStartedAt: null, startedAt: null }, skipped: [],
  };
}

describe('splitting the meetings list', () => {
  const now = new Date(2031, 2, 4, 14, 0); // local 4 March 2031, 14:00

  it('keeps meetings of today under upcoming, soonest first; past ones newest first', () => {
    const lists = splitMeetings([
      meeting('pastold00000', new Date(2031, 1, 1, 9, 0).toISOString()),
      meeting('todaymorning', new Date(2031, 2, 4, 9, 0).toISOString(), ['case:aaaaaaaaaaaaaaaa']),
      meeting('nextweek0000', new Date(2031, 2, 11, 9, 0).toISOString()),
      meeting('yesterday000', new Date(2031, 2, 3, 16, 0).toISOString()),
      meeting('tomorrow0000', new Date(2031, 2, 5, 9, 0).toISOString()),
    ], now);
    expect(lists.upcoming.map((row) => row.id)).toEqual(['meeting:todaymorning', 'meeting:tomorrow0000', 'meeting:nextweek0000']);
    expect(lists.past.map((row) => row.id)).toEqual(['meeting:yesterday000', 'meeting:pastold00000']);
    expect(lists.upcoming[0]?.caseCount).toBe(1);
  });

  it('lists a meeting without a header (still syncing) apart', () => {
    const lists = splitMeetings([meeting('nometa000000', null)], now);
    expect(lists).toEqual({ upcoming: [], past: [], pending: ['meeting:nometa000000'] });
  });
});
