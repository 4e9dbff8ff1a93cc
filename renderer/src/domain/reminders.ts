/**
 * Reminders: what a user should be told about, computed from the documents they already
 * have (so it works offline), and "Mijn acties", the user's own outstanding actions grouped
 * by urgency. Pure: the clock (`now`) is always passed in.
 *
 * A reminder's `key` names "the same thing": once read it is never shown again, and it
 * changes only when the thing itself changes (a new due date, an action turning overdue,
 * a measure expiring, new minutes version), which is worth one more reminder.
 */
import type { Action } from './actionRecord';
import type { ActionListItem } from './actionRules';
import { isOpenStatus } from './actionVocabulary';
import type { CaseMeta, Contact, Measure } from './caseRecords';
import type { MeasureKind } from './caseVocabulary';
import { addDays, daysBetween, toIsoDate, type IsoDate } from './dates';
import type { CaseId, MeetingId } from './ids';
import { EXPIRING_WITHIN_DAYS, measureExpiry } from './measureExpiry';
import type { Invitee, MeetingMeta } from './meetingRecords';
import type { AttendanceStatus, MeetingType } from './meetingVocabulary';

/** An action of mine is "due soon" from this many days before its due date (inclusive). */
export const ACTION_DUE_WITHIN_DAYS = 2;
/** A meeting I am invited to is "soon" when it starts within this many hours. */
export const MEETING_SOON_WITHIN_HOURS = 48;
/** "This week" in Mijn acties: due today up to and including today + 6 (seven days). */
export const THIS_WEEK_DAYS = 7;

/** The kinds of reminder, in the order the preferences list them. */
export const reminderKinds = ['action-assigned', 'action-due', 'measure-expiring', 'meeting-soon', 'minutes-approved'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** Which kinds of reminder a user wants (all on by default). */
export type ReminderPreferences = Record<ReminderKind, boolean>;

/** Every kind on: what a user gets until they choose otherwise. */
export const defaultReminderPreferences: ReminderPreferences = {
  'action-assigned': true, 'action-due': true, 'measure-expiring': true, 'meeting-soon': true, 'minutes-approved': true,
};

/** The case a reminder points at: its id and what lists may show of it (never a person). */
export interface ReminderCaseRef {
  caseId: CaseId;
  caseLabel: string;
  caseNumber: string | null;
}

/** One reminder; `at` orders the list (the due date, end date, start or approval time). */
export type Reminder =
  | ({ kind: 'action-assigned'; key: string; at: string; actionId: string; description: string; due: IsoDate; assignedBy: string } & ReminderCaseRef)
  | ({ kind: 'action-due'; key: string; at: string; actionId: string; description: string; due: IsoDate; state: 'due-soon' | 'overdue'; days: number } & ReminderCaseRef)
  | ({ kind: 'measure-expiring'; key: string; at: string; measureId: string; measureKind: MeasureKind; end: IsoDate; state: 'expiring' | 'expired'; daysLeft: number } & ReminderCaseRef)
  | { kind: 'meeting-soon'; key: string; at: string; meetingId: MeetingId; meetingType: MeetingType; start: string }
  | { kind: 'minutes-approved'; key: string; at: string; meetingId: MeetingId; meetingType: MeetingType; start: string; version: number };

/** What reminders read of a case document. */
export interface ReminderCase {
  id: CaseId;
  meta: CaseMeta | null;
  actions: readonly Action[];
  measures: readonly Measure[];
  contacts: readonly Contact[];
}

/** What reminders read of a meeting document. */
export interface ReminderMeeting {
  id: MeetingId;
  meta: MeetingMeta | null;
  invitees: readonly Pick<Invitee, 'username'>[];
  attendance: Readonly<Record<string, AttendanceStatus>>;
}

/** Input of {@link computeReminders}. */
export interface ReminderInput {
  me: string;
  now: Date;
  cases: readonly ReminderCase[];
  meetings: readonly ReminderMeeting[];
  preferences?: ReminderPreferences;
  /** Stands in for a case label that is not readable (yet). */
  fallbackLabel: string;
}

/**
 * "A case of mine": I am its procesregisseur, my organisation's contact point in it, or I
 * own an open action in it. Everyone else with access is not reminded of its measures.
 */
export function isMyCase(input: Pick<ReminderCase, 'meta' | 'contacts' | 'actions'>, me: string): boolean {
  return input.meta?.procesregisseur === me
    || input.contacts.some((contact) => contact.username === me)
    || input.actions.some((action) => action.owner === me && isOpenStatus(action.status));
}

function caseRef(entry: ReminderCase, fallbackLabel: string): ReminderCaseRef {
  return { caseId: entry.id, caseLabel: entry.meta?.label ?? fallbackLabel, caseNumber: entry.meta?.caseNumber || null };
}

function caseReminders(entry: ReminderCase, me: string, today: IsoDate, fallbackLabel: string): Reminder[] {
  const ref = caseRef(entry, fallbackLabel);
  const out: Reminder[] = [];
  for (const action of entry.actions) {
    if (action.owner !== me || !isOpenStatus(action.status)) continue;
    // Assigned by someone else. The model keeps no "assigned by", so an action I created
    // and someone later gave back to me does not count (docs/design.md, "Reminders").
    if (action.createdBy !== me) {
      out.push({
        kind: 'action-assigned', key: `action-assigned:${entry.id}:${action.id}`, at: action.createdAt,
        actionId: action.id, description: action.description, due: action.due, assignedBy: action.createdBy, ...ref,
      });
    }
    const daysLeft = daysBetween(today, action.due);
    if (daysLeft <= ACTION_DUE_WITHIN_DAYS) {
      const state = daysLeft < 0 ? 'overdue' : 'due-soon';
      out.push({
        kind: 'action-due', key: `action-due:${entry.id}:${action.id}:${action.due}:${state}`, at: action.due,
        actionId: action.id, description: action.description, due: action.due, state, days: Math.abs(daysLeft), ...ref,
      });
    }
  }
  if (isMyCase(entry, me)) {
    for (const measure of entry.measures) {
      const { state, daysLeft } = measureExpiry(measure, today);
      if (measure.end === null || daysLeft === null) continue;
      // A measure not started yet but ending soon is just as urgent (as on the board).
      const expiring = state === 'expiring' || (state === 'not-started' && daysLeft <= EXPIRING_WITHIN_DAYS);
      if (state !== 'expired' && !expiring) continue;
      const shown = state === 'expired' ? 'expired' : 'expiring';
      out.push({
        kind: 'measure-expiring', key: `measure-expiring:${entry.id}:${measure.id}:${measure.end}:${shown}`, at: measure.end,
        measureId: measure.id, measureKind: measure.kind, end: measure.end, state: shown, daysLeft, ...ref,
      });
    }
  }
  return out;
}

function meetingReminders(meeting: ReminderMeeting, me: string, now: Date): Reminder[] {
  const meta = meeting.meta;
  if (!meta) return [];
  const out: Reminder[] = [];
  const invited = meeting.invitees.some((invitee) => invitee.username === me);
  const untilStart = Date.parse(meta.start) - now.getTime();
  if (invited && untilStart >= 0 && untilStart <= MEETING_SOON_WITHIN_HOURS * 3_600_000) {
    out.push({ kind: 'meeting-soon', key: `meeting-soon:${meeting.id}:${meta.start}`, at: meta.start, meetingId: meeting.id, meetingType: meta.type, start: meta.start });
  }
  if (meta.status === 'vastgesteld' && meeting.attendance[me] === 'aanwezig') {
    out.push({
      kind: 'minutes-approved', key: `minutes-approved:${meeting.id}:${meta.version}`, at: meta.approvedAt ?? meta.start,
      meetingId: meeting.id, meetingType: meta.type, start: meta.start, version: meta.version,
    });
  }
  return out;
}

/**
 * Every reminder for `me` at `now`, most urgent first: overdue and expired first, then by
 * date. Kinds switched off in `preferences` are left out.
 */
export function computeReminders(input: ReminderInput): Reminder[] {
  const today = toIsoDate(input.now);
  const preferences = input.preferences ?? defaultReminderPreferences;
  const all = [
    ...input.cases.flatMap((entry) => caseReminders(entry, input.me, today, input.fallbackLabel)),
    ...input.meetings.flatMap((meeting) => meetingReminders(meeting, input.me, input.now)),
  ].filter((reminder) => preferences[reminder.kind]);
  const urgent = (reminder: Reminder): number =>
    (reminder.kind === 'action-due' && reminder.state === 'overdue') || (reminder.kind === 'measure-expiring' && reminder.state === 'expired') ? 0 : 1;
  return all.sort((a, b) => urgent(a) - urgent(b) || a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

/** Read reminders: key → when it was read (ISO time). */
export type ReadReminders = Readonly<Record<string, string>>;

/** How long a read mark is kept after it was read: long past anything a reminder is about. */
export const KEEP_READ_DAYS = 400;

/** The reminders not read yet. */
export function unreadReminders(reminders: readonly Reminder[], read: ReadReminders): Reminder[] {
  return reminders.filter((reminder) => !Object.hasOwn(read, reminder.key));
}

/** `read` with `keys` marked read at `now`, and marks older than {@link KEEP_READ_DAYS} dropped. */
export function markRead(read: ReadReminders, keys: readonly string[], now: Date): Record<string, string> {
  const oldest = now.getTime() - KEEP_READ_DAYS * 86_400_000;
  const kept = Object.entries(read).filter(([, at]) => Date.parse(at) >= oldest);
  const at = now.toISOString();
  return Object.fromEntries([...kept, ...keys.map((key) => [key, at] as const)]);
}

/** Mijn acties: my outstanding actions by urgency, each group soonest (most overdue) first. */
export interface MyActionGroups<T extends ActionListItem> {
  overdue: T[];
  /** Due today up to and including {@link thisWeekEnd}. */
  thisWeek: T[];
  later: T[];
}

/** The last day of "this week" in Mijn acties. */
export function thisWeekEnd(today: IsoDate): IsoDate {
  return addDays(today, THIS_WEEK_DAYS - 1);
}

/** Groups the open actions `me` owns: overdue, due within the next seven days, later. */
export function groupMyActions<T extends ActionListItem>(items: readonly T[], me: string, today: IsoDate): MyActionGroups<T> {
  const groups: MyActionGroups<T> = { overdue: [], thisWeek: [], later: [] };
  const mine = items.filter((item) => item.owner === me && isOpenStatus(item.status));
  const ordered = [...mine].sort((a, b) => a.due.localeCompare(b.due) || a.caseLabel.localeCompare(b.caseLabel, 'nl') || a.description.localeCompare(b.description, 'nl') || a.id.localeCompare(b.id));
  for (const item of ordered) {
    const days = daysBetween(today, item.due);
    if (days < 0) groups.overdue.push(item);
    else if (days < THIS_WEEK_DAYS) groups.thisWeek.push(item);
    else groups.later.push(item);
  }
  return groups;
}
