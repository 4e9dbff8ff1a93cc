/**
 * What meetings say about a case: when it was last discussed and when it is next on an
 * agenda. Feeds the agenda flag (long not discussed) and the case list (next meeting).
 */
import type { AgendaCaseFacts } from './agenda';
import { hasChildren, type CaseBoard } from './caseBoard';
import { datePart, type IsoDate } from './dates';
import type { CaseId } from './ids';
import type { Meeting } from './meeting';

type Scheduled = Pick<Meeting, 'agenda'> & { meta: { start: string } | null };

/** The start (ISO) of the latest meeting before `now` with the case on its agenda, or null. */
export function lastDiscussedAt(caseId: CaseId, meetings: readonly Scheduled[], now: string): string | null {
  let latest: string | null = null;
  for (const meeting of meetings) {
    const start = meeting.meta?.start;
    if (!start || start >= now || !meeting.agenda.includes(caseId)) continue;
    if (latest === null || start > latest) latest = start;
  }
  return latest;
}

/** The start (ISO) of the next meeting from `now` on with the case on its agenda, or null. */
export function nextMeetingAt(caseId: CaseId, meetings: readonly Scheduled[], now: string): string | null {
  let next: string | null = null;
  for (const meeting of meetings) {
    const start = meeting.meta?.start;
    if (!start || start < now || !meeting.agenda.includes(caseId)) continue;
    if (next === null || start < next) next = start;
  }
  return next;
}

/** The agenda facts of a case; `board` null when the user has no access to it. */
export function agendaFactsFor(caseId: CaseId, board: CaseBoard | null, meetings: readonly Scheduled[], now: string): AgendaCaseFacts {
  const last = lastDiscussedAt(caseId, meetings, now);
  const createdOn: IsoDate | null = board?.meta ? datePart(board.meta.createdAt) : null;
  return {
    hasChildren: board ? hasChildren(board) : null,
    lastDiscussed: last === null ? null : datePart(last),
    createdOn,
  };
}
