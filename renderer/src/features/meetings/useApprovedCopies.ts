import { useEffect, useState } from 'react';
import { readFrozenCaseBoard, readFrozenMeeting } from '../../collab/frozen';
import type { CaseBoard } from '../../domain/caseBoard';
import type { CaseId, MeetingId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import { MeetingApiError, type MeetingApi, type MeetingApiErrorCode } from './meetingApi';

/** The frozen copies of one approved version, as plain data. */
export type ApprovedCopies =
  | { status: 'loading' }
  | { status: 'error'; code: MeetingApiErrorCode | 'missing' | 'unreadable' }
  | { status: 'ready'; meeting: Meeting; cases: ReadonlyMap<CaseId, CaseBoard> };

/**
 * Loads version `version` of a meeting: the meeting's frozen copy, then the copy of each
 * case on its agenda the user may open (`canOpen`); other cases are never requested.
 */
export async function loadApprovedCopies(api: MeetingApi, meetingId: MeetingId, version: number, canOpen: (caseId: CaseId) => boolean): Promise<Exclude<ApprovedCopies, { status: 'loading' }>> {
  try {
    const entry = (await api.frozenList(meetingId)).find((copy) => copy.version === version);
    if (!entry) return { status: 'error', code: 'missing' };
    const meeting = readFrozenMeeting(await api.frozenCopy(entry.id), meetingId);
    const cases = new Map<CaseId, CaseBoard>();
    for (const caseId of meeting.agenda.filter(canOpen)) {
      const copy = (await api.frozenList(caseId)).find((candidate) => candidate.meeting === meetingId && candidate.version === version);
      if (copy) cases.set(caseId, readFrozenCaseBoard(await api.frozenCopy(copy.id), caseId));
    }
    return { status: 'ready', meeting, cases };
  } catch (error) {
    return { status: 'error', code: error instanceof MeetingApiError ? error.code : 'unreadable' };
  }
}

/** {@link loadApprovedCopies} as React state; reloads when the version changes. */
export function useApprovedCopies(api: MeetingApi, meetingId: MeetingId, version: number, canOpen: (caseId: CaseId) => boolean): ApprovedCopies {
  const [state, setState] = useState<{ key: string; copies: ApprovedCopies }>({ key: '', copies: { status: 'loading' } });
  const key = `${meetingId}@${version}`;
  useEffect(() => {
    let current = true;
    void loadApprovedCopies(api, meetingId, version, canOpen).then((copies) => {
      if (current) setState({ key, copies });
    });
    return () => {
      current = false;
    };
  }, [api, meetingId, version, canOpen, key]);
  return state.key === key ? state.copies : { status: 'loading' };
}
