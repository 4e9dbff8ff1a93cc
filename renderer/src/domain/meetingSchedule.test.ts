import { describe, expect, it } from 'vitest';
import { collectActions } from './actionList';
import type { CaseBoard } from './caseBoard';
import { createId, type CaseId } from './ids';
import { agendaFactsFor, lastDiscussedAt, nextMeetingAt } from './meetingSchedule';

const caseId = createId('case');
const other = createId('case');
const meeting = (start: string, agenda: CaseId[]) => ({ meta: { start }, agenda });
const meetings = [
  meeting('2026-01-08T09:00:00.000Z', [caseId]),
  meeting('2026-02-12T09:00:00.000Z', [caseId, other]),
  meeting('2026-03-12T09:00:00.000Z', [other]),
  meeting('2026-03-19T09:00:00.000Z', [caseId]),
  meeting('2026-04-02T09:00:00.000Z', [caseId]),
  { meta: null, agenda: [caseId] },
];
const now = '2026-03-10T12:00:00.000Z';

describe('meeting schedule of a case', () => {
  it('finds the last and next meeting with the case on the agenda', () => {
    expect(lastDiscussedAt(caseId, meetings, now)).toBe('2026-02-12T09:00:00.000Z');
    expect(nextMeetingAt(caseId, meetings, now)).toBe('2026-03-19T09:00:00.000Z');
    expect(nextMeetingAt(other, meetings, now)).toBe('2026-03-12T09:00:00.000Z');
    expect(lastDiscussedAt(createId('case'), meetings, now)).toBeNull();
  });

  it('gives agenda facts, unknown for a case without access', () => {
    const board = {
      id: caseId, meta: { label: 'Casus fictief', type: 'anders', status: 'aangemeld', createdAt: '2025-11-01T10:00:00.000Z', createdBy: 'test.zvh' },
      persons: [{ id: createId('person'), role: 'kind', name: 'Fictief Kind' }],
      risk: { sash: null, vt: null, chair: null }, measures: [], contacts: [], timeline: [], plan: [], meetingNotes: [], skipped: [],
      actions: [{ id: createId('action'), description: 'Fictief', owner: 'test.vt', ownerOrg: 'vt', due: '2026-03-01', status: 'open', source: null, createdBy: 'test.zvh', createdAt: '2026-01-01T00:00:00.000Z' }],
    } satisfies CaseBoard;
    expect(agendaFactsFor(caseId, board, meetings, now)).toEqual({ hasChildren: true, lastDiscussed: '2026-02-12', createdOn: '2025-11-01' });
    expect(agendaFactsFor(other, null, meetings, now)).toEqual({ hasChildren: null, lastDiscussed: '2026-02-12', createdOn: null });
    expect(collectActions([board, { ...board, meta: null }], 'Casus (laden…)').map((a) => [a.caseId, a.caseLabel]))
      .toEqual([[caseId, 'Casus fictief'], [caseId, 'Casus (laden…)']]);
  });
});
