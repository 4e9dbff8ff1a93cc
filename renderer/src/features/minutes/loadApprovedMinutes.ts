/**
 * The approved minutes of a meeting as the server froze them at its latest approval,
 * fetched over the API, plus need-to-know from the case rooms' members.
 */
import { readFrozenMeeting } from '../../collab/frozen';
import { CollabError } from '../../collab/errors';
import { isId, type CaseId, type MeetingId } from '../../domain/ids';
import type { CanKnow } from '../../pdf/exportFilter';
import type { MinutesData } from '../../pdf/model';
import { minutesFromFrozen } from './fromDocs';
import { MinutesSourceError } from './minutesSourceError';
import { MinutesServerError, type MinutesServer } from './minutesServer';
import { canKnowFromMembers, type RoomMember } from './needToKnow';

/** Minutes ready to export, with who may know which case. */
export interface LoadedMinutes {
  data: MinutesData;
  canKnow: CanKnow;
}

function asSourceError(error: unknown): unknown {
  if (error instanceof MinutesServerError) {
    return new MinutesSourceError(error.code === 'no-access' ? 'no-access' : error.code === 'offline' ? 'offline' : 'server', `http ${error.status}`);
  }
  return error;
}

/**
 * Loads the latest approved version of `meetingId`. Refuses (`case-missing`) when the
 * user cannot read the frozen copy of a case that was on the agenda: full minutes with
 * a silently missing item would misstate the record.
 */
export async function loadApprovedMinutes(server: MinutesServer, meetingId: MeetingId, region: string): Promise<LoadedMinutes> {
  try {
    const own = (await server.frozenList(meetingId)).filter((entry) => entry.meeting === meetingId && entry.room === meetingId);
    const latest = own.reduce<(typeof own)[number] | null>((best, entry) => (best === null || entry.version > best.version ? entry : best), null);
    if (!latest) throw new MinutesSourceError('no-frozen-copy', meetingId);
    const meetingState = await server.frozenCopy(latest.id);
    let agenda: CaseId[];
    try {
      agenda = readFrozenMeeting(meetingState, meetingId).agenda;
    } catch (error) {
      if (error instanceof CollabError) throw new MinutesSourceError('meeting-unreadable', meetingId);
      throw error;
    }
    // A case deleted after its retention period keeps only its number in the approved minutes.
    const deletedCases = await server.deletedCases(meetingId);
    const [users, orgs, cases] = await Promise.all([
      server.users(),
      server.orgs(),
      Promise.all(agenda.filter((caseId) => !deletedCases.has(caseId)).map(async (caseId) => {
        let entries;
        try {
          entries = await server.frozenList(caseId);
        } catch (error) {
          if (error instanceof MinutesServerError && error.code === 'no-access') throw new MinutesSourceError('case-missing', caseId);
          throw error;
        }
        const copy = entries.find((entry) => entry.meeting === meetingId && entry.version === latest.version);
        // No copy: the case room did not exist at approval, so nothing was frozen for it.
        if (!copy) return null;
        const [state, members] = await Promise.all([server.frozenCopy(copy.id), server.members(caseId)]);
        return { caseId, state, members: members satisfies RoomMember[] };
      })),
    ]);
    const frozenCases = cases.filter((entry): entry is NonNullable<typeof entry> => entry !== null);
    const data = minutesFromFrozen(
      { meetingId, meetingState, cases: frozenCases.map(({ caseId, state }) => ({ caseId, state })) },
      { directory: { users, orgs }, region, deletedCases },
    );
    return { data, canKnow: canKnowFromMembers(new Map(frozenCases.map(({ caseId, members }) => [caseId, members]))) };
  } catch (error) {
    throw asSourceError(error);
  }
}

/** Need-to-know for concept minutes read from live documents: members of each case room (unreadable rooms: nobody). */
export async function loadNeedToKnow(server: Pick<MinutesServer, 'members'>, caseIds: readonly string[]): Promise<CanKnow> {
  const readable = caseIds.filter((caseId): caseId is CaseId => isId('case', caseId));
  const entries = await Promise.all(readable.map(async (caseId): Promise<[string, RoomMember[]]> => {
    try {
      return [caseId, await server.members(caseId)];
    } catch (error) {
      if (error instanceof MinutesServerError && error.code === 'no-access') return [caseId, []];
      throw asSourceError(error);
    }
  }));
  return canKnowFromMembers(new Map(entries));
}
