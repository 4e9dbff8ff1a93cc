/**
 * Whether case content may show to a participant in a meeting. Before anything of a case
 * is on screen the participant confirms this meeting's confidentiality statement (with
 * the time recorded in the meeting document) and is recorded as present: someone marked
 * absent or excused is not in the meeting and sees no case content from it.
 */
import { hasConfirmedConfidentiality, type Meeting } from '../../domain/meeting';

/** What stands between a participant and the case content. */
export type ContentGate =
  /** Confirm the statement (which also records them present). */
  | { open: false; reason: 'confirm' }
  /** Confirmed, but recorded as afwezig or afgemeld: "Meld u aanwezig". */
  | { open: false; reason: 'not-present'; status: 'afwezig' | 'afgemeld' }
  | { open: true; confirmedAt: string };

/** The gate for `username` in `meeting`. */
export function contentGate(meeting: Pick<Meeting, 'confidentiality' | 'attendance'>, username: string): ContentGate {
  if (!hasConfirmedConfidentiality(meeting, username)) return { open: false, reason: 'confirm' };
  const status = meeting.attendance[username];
  if (status === 'afwezig' || status === 'afgemeld') return { open: false, reason: 'not-present', status };
  return { open: true, confirmedAt: meeting.confidentiality[username] ?? '' };
}
