/** Invitees, attendance and the confidentiality confirmation of a meeting. */
import type * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import { DomainError } from '../domain/errors';
import { inviteeSchema, type Invitee } from '../domain/meetingRecords';
import { attendanceStatuses, type AttendanceStatus } from '../domain/meetingVocabulary';
import { isoDateTimeSchema, usernameSchema } from '../domain/schemaParts';
import { parseLenient, requireValid } from '../domain/validation';
import { editTime, type EditContext } from './editContext';
import { meetingDoc } from './meetingDoc';
import { origins } from './origins';
import { readEach } from './recordMap';

/** Invites a user (server access is granted separately through the HTTP API). */
export function invite(doc: Y.Doc, invitee: Invitee): void {
  const username = requireValid(usernameSchema(), invitee.username);
  const { org, role } = requireValid(inviteeSchema, invitee);
  doc.transact(() => meetingDoc(doc).invitees.set(username, { org, role }), origins.userEdit);
}

/** Removes an invitee with their attendance and confirmation. */
export function uninvite(doc: Y.Doc, username: string): void {
  const roots = meetingDoc(doc);
  doc.transact(() => {
    roots.invitees.delete(username);
    roots.attendance.delete(username);
    roots.confidentiality.delete(username);
  }, origins.userEdit);
}

/** The invitees, by username. */
export function readInvitees(doc: Y.Doc, skipped?: SkippedRecord[]): Invitee[] {
  return readEach(meetingDoc(doc).invitees, 'invitees', (key, raw) => {
    if (!usernameSchema().safeParse(key).success) return null;
    const parsed = parseLenient(inviteeSchema, raw, []);
    return parsed ? { ...parsed, username: key } : null;
  }, skipped).sort((a, b) => a.username.localeCompare(b.username));
}

/** Records attendance of one invitee (aanwezig, afwezig, afgemeld). */
export function setAttendance(doc: Y.Doc, username: string, status: AttendanceStatus): void {
  if (!attendanceStatuses.is(status)) throw new DomainError('value-unknown', 'attendance');
  const user = requireValid(usernameSchema(), username);
  doc.transact(() => meetingDoc(doc).attendance.set(user, status), origins.userEdit);
}

/** Attendance by username; unknown values from peers are left out. */
export function readAttendance(doc: Y.Doc, skipped?: SkippedRecord[]): Record<string, AttendanceStatus> {
  const out: Record<string, AttendanceStatus> = {};
  for (const [username, value] of meetingDoc(doc).attendance.entries()) {
    if (attendanceStatuses.is(value)) out[username] = value;
    else skipped?.push({ part: 'attendance', key: username });
  }
  return out;
}

/** The signed-in user confirms the confidentiality statement; the time is recorded. First confirmation stands. */
export function confirmConfidentiality(doc: Y.Doc, context: EditContext): string {
  const root = meetingDoc(doc).confidentiality;
  const existing = root.get(context.username);
  if (typeof existing === 'string' && isoDateTimeSchema.safeParse(existing).success) return existing;
  const at = editTime(context);
  doc.transact(() => root.set(context.username, at), origins.userEdit);
  return at;
}

/** Confirmation times by username. */
export function readConfidentiality(doc: Y.Doc, skipped?: SkippedRecord[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [username, value] of meetingDoc(doc).confidentiality.entries()) {
    if (typeof value === 'string' && isoDateTimeSchema.safeParse(value).success) out[username] = value;
    else skipped?.push({ part: 'confidentiality', key: username });
  }
  return out;
}
