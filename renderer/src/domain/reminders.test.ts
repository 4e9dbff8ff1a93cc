import { describe, expect, it } from 'vitest';
import type { Action } from './actionRecord';
import type { CaseMeta, Measure } from './caseRecords';
import type { CaseId, MeetingId } from './ids';
import type { MeetingMeta } from './meetingRecords';
import {
  computeReminders, defaultReminderPreferences, groupMyActions, isMyCase, markRead, thisWeekEnd, unreadReminders,
  type ReminderCase, type ReminderMeeting,
} from './reminders';

// Tuesday 10 March 2026, 09:00 local time: every rule below reads this clock, never the real one.
const now = new Date(2026, 2, 10, 9, 0);
const caseA = 'case:remindera0000001' as CaseId;
const caseB = 'case:reminderb0000001' as CaseId;
const meetingA = 'meeting:reminderm0000001' as MeetingId;

const meta = (label: string, procesregisseur: string, caseNumber?: string): CaseMeta => ({
  label, type: 'ex-partnerstalking', status: 'in-behandeling', procesregisseur, createdAt: '2026-01-01T09:00:00.000Z', createdBy: procesregisseur,
  ...(caseNumber ? { caseNumber } : {}),
});

let serial = 0;
function action(patch: Partial<Action> & Pick<Action, 'owner' | 'due'>): Action {
  serial += 1;
  return {
    id: `action:a${String(serial).padStart(15, '0')}`, description: `Actie ${serial} (fictief)`, ownerOrg: 'zvh', status: 'open', source: null,
    createdBy: 'test.pim', createdAt: '2026-03-01T10:00:00.000Z', ...patch,
  };
}

function measure(id: string, start: string, end: string | null): Measure {
  return { id: `measure:${id.padEnd(16, '0')}`, kind: 'contactverbod', start, end, by: 'test.pim', at: '2026-01-01T09:00:00.000Z' };
}

function aCase(patch: Partial<ReminderCase>): ReminderCase {
  return { id: caseA, meta: meta('Casus 2026-001 (fictief)', 'test.pim', 'ZVH-001'), actions: [], measures: [], contacts: [], ...patch };
}

function meeting(patch: Partial<MeetingMeta>, invitees: string[], attendance: ReminderMeeting['attendance'] = {}): ReminderMeeting {
  return {
    id: meetingA,
    meta: { type: 'themakamer', start: '2026-03-11T08:00:00.000Z', location: '', videoLink: '', chair: 'test.pim', status: 'concept', version: 0, createdBy: 'test.pim', ...patch },
    invitees: invitees.map((username) => ({ username })),
    attendance,
  };
}

const remind = (cases: ReminderCase[], meetings: ReminderMeeting[] = [], me = 'test.anna', at = now) =>
  computeReminders({ me, now: at, cases, meetings, fallbackLabel: 'Casus zonder label' });

describe('action reminders', () => {
  it('tells me of an action someone else assigned to me, not one I gave myself or someone else owns', () => {
    const reminders = remind([aCase({ actions: [
      action({ owner: 'test.anna', due: '2026-04-01', description: 'Van Pim gekregen (fictief)' }),
      action({ owner: 'test.anna', due: '2026-04-01', createdBy: 'test.anna', description: 'Zelf genomen (fictief)' }),
      action({ owner: 'test.bram', due: '2026-04-01', description: 'Van Bram (fictief)' }),
      action({ owner: 'test.anna', due: '2026-04-01', status: 'gedaan', description: 'Al gedaan (fictief)' }),
    ] })]);
    expect(reminders.map((reminder) => [reminder.kind, 'description' in reminder ? reminder.description : null])).toEqual([
      ['action-assigned', 'Van Pim gekregen (fictief)'],
    ]);
    expect(reminders[0]).toMatchObject({ caseId: caseA, caseLabel: 'Casus 2026-001 (fictief)', caseNumber: 'ZVH-001', assignedBy: 'test.pim' });
  });

  it('reminds me of my open actions due within two days or overdue, and nothing later or closed', () => {
    const mine = (due: string, status: Action['status'] = 'open') => action({ owner: 'test.anna', due, createdBy: 'test.anna', status, description: `Deadline ${due} ${status}` });
    const reminders = remind([aCase({ actions: [
      mine('2026-03-05'), mine('2026-03-10'), mine('2026-03-12'), mine('2026-03-13'), mine('2026-03-01', 'gedaan'), mine('2026-03-11', 'bezig'),
      action({ owner: 'test.bram', due: '2026-03-09', createdBy: 'test.bram' }),
    ] })]);
    expect(reminders.map((reminder) => reminder.kind === 'action-due' ? [reminder.due, reminder.state, reminder.days] : reminder.kind)).toEqual([
      ['2026-03-05', 'overdue', 5],
      ['2026-03-10', 'due-soon', 0],
      ['2026-03-11', 'due-soon', 1],
      ['2026-03-12', 'due-soon', 2],
    ]);
  });

  it('gives an action that turns overdue, or gets a new due date, a new key (one more reminder), and keeps it otherwise', () => {
    const item = action({ owner: 'test.anna', due: '2026-03-11', createdBy: 'test.anna' });
    const keyAt = (at: Date, due = item.due) => remind([aCase({ actions: [{ ...item, due }] })], [], 'test.anna', at).map((reminder) => reminder.key);
    const dueSoon = keyAt(now);
    expect(keyAt(new Date(2026, 2, 11, 17, 0))).toEqual(dueSoon);
    const overdue = keyAt(new Date(2026, 2, 12, 8, 0));
    expect(overdue).toHaveLength(1);
    expect(overdue).not.toEqual(dueSoon);
    expect(keyAt(now, '2026-03-12')).not.toEqual(dueSoon);
  });
});

describe('measure reminders', () => {
  const measures = [
    measure('ended', '2026-01-01', '2026-03-09'),
    measure('endssoon', '2026-01-01', '2026-03-24'),
    measure('endslater', '2026-01-01', '2026-03-25'),
    measure('noend', '2026-01-01', null),
  ];

  it('reminds of measures expiring within 14 days or expired in a case of mine', () => {
    const reminders = remind([aCase({ meta: meta('Casus 2026-001 (fictief)', 'test.anna'), measures })]);
    expect(reminders.map((reminder) => reminder.kind === 'measure-expiring' ? [reminder.end, reminder.state, reminder.daysLeft] : null)).toEqual([
      ['2026-03-09', 'expired', -1],
      ['2026-03-24', 'expiring', 14],
    ]);
  });

  it('does not remind someone who merely has access to the case', () => {
    expect(remind([aCase({ measures })])).toEqual([]);
  });

  it('counts a case as mine as procesregisseur, contact point or owner of an open action', () => {
    const base = { meta: meta('C', 'test.pim'), contacts: [], actions: [] };
    expect(isMyCase(base, 'test.anna')).toBe(false);
    expect(isMyCase({ ...base, meta: meta('C', 'test.anna') }, 'test.anna')).toBe(true);
    expect(isMyCase({ ...base, contacts: [{ org: 'vt', username: 'test.anna', name: 'Anna (fictief)', function: '', phone: '', by: 'test.pim', at: '2026-01-01T09:00:00.000Z' }] }, 'test.anna')).toBe(true);
    expect(isMyCase({ ...base, actions: [action({ owner: 'test.anna', due: '2026-05-01' })] }, 'test.anna')).toBe(true);
    expect(isMyCase({ ...base, actions: [action({ owner: 'test.anna', due: '2026-05-01', status: 'vervallen' })] }, 'test.anna')).toBe(false);
  });
});

describe('meeting reminders', () => {
  it('reminds an invitee of a meeting starting within 48 hours, not one further off, past, or not theirs', () => {
    const kinds = (start: string, invitees = ['test.anna']) => remind([], [meeting({ start }, invitees)]).map((reminder) => reminder.kind);
    const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    expect(kinds(inMinutes(48 * 60 - 1))).toEqual(['meeting-soon']);
    expect(kinds(inMinutes(0))).toEqual(['meeting-soon']);
    expect(kinds(inMinutes(48 * 60 + 1))).toEqual([]);
    expect(kinds(inMinutes(-60))).toEqual([]);
    expect(kinds(inMinutes(60), ['test.bram'])).toEqual([]);
  });

  it('tells those present that the minutes were approved, per version', () => {
    const approved = (attendance: ReminderMeeting['attendance'], version = 1) => remind([], [meeting({
      start: '2026-03-02T08:00:00.000Z', status: 'vastgesteld', version, approvedAt: '2026-03-03T12:00:00.000Z', approvedBy: 'test.pim',
    }, ['test.anna'], attendance)]);
    expect(approved({ 'test.anna': 'aanwezig' }).map((reminder) => reminder.kind)).toEqual(['minutes-approved']);
    expect(approved({ 'test.anna': 'afgemeld' })).toEqual([]);
    expect(approved({})).toEqual([]);
    expect(approved({ 'test.anna': 'aanwezig' }, 2)[0]?.key).not.toBe(approved({ 'test.anna': 'aanwezig' }, 1)[0]?.key);
  });
});

describe('order, preferences and read marks', () => {
  const cases = [
    aCase({ actions: [action({ owner: 'test.anna', due: '2026-03-12', createdBy: 'test.anna' })] }),
    aCase({ id: caseB, meta: meta('Casus 2026-002 (fictief)', 'test.anna'), measures: [measure('ended', '2026-01-01', '2026-03-01')] }),
  ];
  const meetings = [meeting({ start: '2026-03-11T08:00:00.000Z' }, ['test.anna'])];

  it('puts overdue and expired first, then by date', () => {
    expect(remind(cases, meetings).map((reminder) => reminder.kind)).toEqual(['measure-expiring', 'meeting-soon', 'action-due']);
  });

  it('leaves out the kinds the user switched off', () => {
    const reminders = computeReminders({
      me: 'test.anna', now, cases, meetings, fallbackLabel: '?',
      preferences: { ...defaultReminderPreferences, 'meeting-soon': false, 'measure-expiring': false },
    });
    expect(reminders.map((reminder) => reminder.kind)).toEqual(['action-due']);
  });

  it('does not show a read reminder again, and forgets read marks after a long time', () => {
    const reminders = remind(cases, meetings);
    const read = markRead({}, [reminders[0]?.key ?? ''], now);
    expect(unreadReminders(reminders, read).map((reminder) => reminder.kind)).toEqual(['meeting-soon', 'action-due']);
    const muchLater = markRead(read, ['other'], new Date(2027, 5, 1));
    expect(Object.keys(muchLater)).toEqual(['other']);
    expect(Object.keys(markRead(read, ['other'], new Date(2026, 5, 1)))).toEqual([reminders[0]?.key, 'other']);
  });

  it('uses a fallback label for a case whose header is not readable', () => {
    const [reminder] = remind([aCase({ meta: null, actions: [action({ owner: 'test.anna', due: '2026-03-10' })] })]);
    expect(reminder).toMatchObject({ caseLabel: 'Casus zonder label', caseNumber: null });
  });
});

describe('Mijn acties', () => {
  const item = (due: string, owner = 'test.anna', status: Action['status'] = 'open') =>
    ({ ...action({ owner, due, status, description: `${owner} ${due} ${status}` }), caseId: caseA, caseLabel: 'Casus 2026-001 (fictief)' });

  it('groups my open actions into overdue, the next seven days and later, soonest first', () => {
    const groups = groupMyActions([
      item('2026-03-17'), item('2026-03-16'), item('2026-03-10'), item('2026-03-09'), item('2026-02-01'),
      item('2026-03-01', 'test.anna', 'gedaan'), item('2026-03-11', 'test.bram'),
    ], 'test.anna', '2026-03-10');
    const dues = (list: { due: string }[]) => list.map((entry) => entry.due);
    expect(dues(groups.overdue)).toEqual(['2026-02-01', '2026-03-09']);
    expect(dues(groups.thisWeek)).toEqual(['2026-03-10', '2026-03-16']);
    expect(dues(groups.later)).toEqual(['2026-03-17']);
    expect(thisWeekEnd('2026-03-10')).toBe('2026-03-16');
  });
});
