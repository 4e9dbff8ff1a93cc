/**
 * "Nieuw overleg" as data: the form's fields, every problem per field (as message keys),
 * and the header and invitee list they become. Who may chair: a procesregisseur (the
 * server lets only the chair named in the meeting approve its minutes).
 */
import type { NewMeetingHeader } from '../../collab/meetingHeader';
import type { Invitee } from '../../domain/meetingRecords';
import { meetingTypes, type UserRole } from '../../domain/meetingVocabulary';

/** A user as the directory lists them. */
export interface DirectoryPerson {
  username: string;
  name: string;
  org: string;
  role: UserRole;
}

/** The form as typed (strings; empty means not filled in). */
export interface NewMeetingDraft {
  type: string;
  /** `YYYY-MM-DD` from the date input. */
  date: string;
  /** `HH:mm` from the time input (local time). */
  time: string;
  location: string;
  videoLink: string;
  chair: string;
  secretary: string;
  invitees: readonly string[];
}

/** The fields that can be wrong. */
export type NewMeetingField = 'type' | 'date' | 'time' | 'place' | 'chair' | 'secretary' | 'invitees';

/** Message keys under `meetings.newMeeting.errors`. */
export type NewMeetingIssue =
  | 'typeMissing' | 'dateMissing' | 'dateInvalid' | 'timeMissing' | 'placeMissing' | 'videoLinkInvalid'
  | 'chairMissing' | 'chairNotDirector' | 'secretaryUnknown' | 'inviteeUnknown';

/** The form order, for focusing the first problem. */
export const newMeetingFieldOrder: readonly NewMeetingField[] = ['type', 'date', 'time', 'place', 'chair', 'secretary', 'invitees'];

/** An empty form; the creator chairs by default. */
export function emptyMeetingDraft(creator: string): NewMeetingDraft {
  return { type: '', date: '', time: '', location: '', videoLink: '', chair: creator, secretary: '', invitees: [] };
}

/** Who can be invited: users of the partner organisations (an administrator reads no case content). */
export function invitable(users: readonly DirectoryPerson[]): DirectoryPerson[] {
  const collator = new Intl.Collator('nl', { sensitivity: 'base' });
  return users.filter((user) => user.role !== 'beheerder')
    .sort((a, b) => collator.compare(a.org, b.org) || collator.compare(a.name, b.name) || a.username.localeCompare(b.username));
}

/** Who can chair: procesregisseurs. */
export function chairChoices(users: readonly DirectoryPerson[]): DirectoryPerson[] {
  return invitable(users).filter((user) => user.role === 'procesregisseur');
}

/** Who can take the minutes: secretarissen and procesregisseurs. */
export function secretaryChoices(users: readonly DirectoryPerson[]): DirectoryPerson[] {
  return invitable(users).filter((user) => user.role === 'secretaris' || user.role === 'procesregisseur');
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/u;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/u;

/** The start as an ISO time, or null when date or time is not a real local moment. */
export function startOf(date: string, time: string): string | null {
  if (!datePattern.test(date) || !timePattern.test(time)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const local = new Date(year, month - 1, day, hours, minutes);
  // 31-02 rolls over into March: refuse rather than plan on another day.
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return null;
  return local.toISOString();
}

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Every problem of the draft, one per field. */
export function meetingDraftIssues(draft: NewMeetingDraft, users: readonly DirectoryPerson[]): Partial<Record<NewMeetingField, NewMeetingIssue>> {
  const issues: Partial<Record<NewMeetingField, NewMeetingIssue>> = {};
  const known = new Map(users.map((user) => [user.username, user]));
  if (!meetingTypes.is(draft.type)) issues.type = 'typeMissing';
  if (draft.date === '') issues.date = 'dateMissing';
  if (draft.time === '') issues.time = 'timeMissing';
  if (!issues.date && !issues.time && startOf(draft.date, draft.time) === null) issues.date = 'dateInvalid';
  const videoLink = draft.videoLink.trim();
  if (draft.location.trim() === '' && videoLink === '') issues.place = 'placeMissing';
  else if (videoLink !== '' && !isWebLink(videoLink)) issues.place = 'videoLinkInvalid';
  const chair = known.get(draft.chair);
  if (draft.chair === '') issues.chair = 'chairMissing';
  else if (chair?.role !== 'procesregisseur') issues.chair = 'chairNotDirector';
  if (draft.secretary !== '' && !known.has(draft.secretary)) issues.secretary = 'secretaryUnknown';
  if (draft.invitees.some((username) => !known.has(username))) issues.invitees = 'inviteeUnknown';
  return issues;
}

/** The meeting header the draft describes (call only when it has no issues). */
export function draftToHeader(draft: NewMeetingDraft): NewMeetingHeader {
  const start = startOf(draft.date, draft.time);
  if (start === null || !meetingTypes.is(draft.type)) throw new Error('draftToHeader: draft has issues');
  const location = draft.location.trim();
  const videoLink = draft.videoLink.trim();
  return {
    type: draft.type,
    start,
    ...(location ? { location } : {}),
    ...(videoLink ? { videoLink } : {}),
    chair: draft.chair,
    ...(draft.secretary ? { secretary: draft.secretary } : {}),
  };
}

/** Everyone who takes part: the chosen invitees plus the chair, the secretary and the creator, each once. */
export function draftInvitees(draft: NewMeetingDraft, creator: string, users: readonly DirectoryPerson[]): Invitee[] {
  const known = new Map(users.map((user) => [user.username, user]));
  const names = new Set([draft.chair, draft.secretary, creator, ...draft.invitees].filter((name) => name !== ''));
  return [...names].flatMap((username) => {
    const user = known.get(username);
    return user ? [{ username, org: user.org, role: user.role }] : [];
  });
}
