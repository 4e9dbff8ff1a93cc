/**
 * Creating a meeting: the room on the server, the meeting document (header as concept,
 * invitees), and access for every invitee (PUT members). The document is written first
 * (vault, then server, like every edit); grants that fail (offline, a hiccup) are
 * returned so the chair can retry them — the meeting is never lost over a grant.
 */
import type * as Y from 'yjs';
import type { EditContext } from '../../collab/editContext';
import { initMeetingDoc, type NewMeetingHeader } from '../../collab/meetingHeader';
import { origins } from '../../collab/origins';
import { invite } from '../../collab/participants';
import { isId, type MeetingId, type Room } from '../../domain/ids';
import type { Invitee } from '../../domain/meetingRecords';

/** What setting up a meeting needs from the session. */
export interface MeetingSetupDeps {
  /** POST /api/rooms {kind:'meeting'} (the creator gets edit access). */
  createRoom(): Promise<{ room: Room }>;
  /** Opens the room's document (the doc manager); `release` when done. */
  openDoc(room: MeetingId): { doc: Y.Doc; whenLoaded: Promise<void>; release(): void };
  /** GET /api/rooms/:room/members. */
  members(room: MeetingId): Promise<readonly { username: string }[]>;
  /** PUT /api/rooms/:room/members/:username. */
  setMember(room: MeetingId, username: string, access: 'edit' | 'view'): Promise<void>;
}

/** The outcome: the new meeting, and who could not be given access yet. */
export interface CreatedMeeting {
  meetingId: MeetingId;
  notGranted: string[];
}

/** Writes header and invitees in one transaction (one update for vault and peers). */
export function writeNewMeeting(doc: Y.Doc, header: NewMeetingHeader, invitees: readonly Invitee[], context: EditContext): void {
  doc.transact(() => {
    initMeetingDoc(doc, header, context);
    for (const invitee of invitees) invite(doc, invitee);
  }, origins.setup);
}

/**
 * Gives every invitee access to the meeting room who does not have it. Invitees get edit:
 * they record their own attendance and confidentiality confirmation in the meeting
 * document (the server caps a waarnemer to view). Returns who could not be granted.
 */
export async function grantInvitees(deps: Pick<MeetingSetupDeps, 'members' | 'setMember'>, meetingId: MeetingId, invitees: readonly Invitee[]): Promise<string[]> {
  let members: Set<string>;
  try {
    members = new Set((await deps.members(meetingId)).map((member) => member.username));
  } catch {
    return invitees.map((invitee) => invitee.username);
  }
  const missing = invitees.filter((invitee) => !members.has(invitee.username));
  const results = await Promise.allSettled(missing.map((invitee) => deps.setMember(meetingId, invitee.username, 'edit')));
  return missing.filter((_, index) => results[index]?.status === 'rejected').map((invitee) => invitee.username);
}

/** Creates the meeting room, writes its document and grants the invitees. */
export async function createMeeting(deps: MeetingSetupDeps, header: NewMeetingHeader, invitees: readonly Invitee[], context: EditContext): Promise<CreatedMeeting> {
  const { room } = await deps.createRoom();
  if (!isId('meeting', room)) throw new Error('createMeeting: the server returned a non-meeting room');
  const meetingId = room;
  const handle = deps.openDoc(meetingId);
  try {
    await handle.whenLoaded;
    writeNewMeeting(handle.doc, header, invitees, context);
  } finally {
    handle.release();
  }
  const notGranted = await grantInvitees(deps, meetingId, invitees);
  return { meetingId, notGranted };
}
