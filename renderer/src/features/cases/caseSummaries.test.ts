import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, setActionStatus } from '../../collab/actions';
import { addToAgenda } from '../../collab/agenda';
import { initCaseDoc } from '../../collab/caseHeader';
import { initMeetingDoc } from '../../collab/meetingHeader';
import { addPerson } from '../../collab/persons';
import { setRiskAssessment } from '../../collab/risk';
import type { CaseId } from '../../domain/ids';
import { nextMeetings, suggestCaseLabel, summarizeCaseDoc } from './caseSummaries';

const caseId = 'case:fictief00000001' satisfies CaseId;
const other = 'case:fictief00000002' satisfies CaseId;
const who = { username: 'pim.proef', now: () => new Date('2026-03-02T09:00:00Z') };

function meeting(start: string, agenda: CaseId[]): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { type: 'themakamer', start, chair: 'pim.proef' }, who);
  agenda.forEach((id) => addToAgenda(doc, id));
  return doc;
}

describe('case list rows', () => {
  it('summarises header, headline risk and open actions, and never carries a person name', () => {
    const doc = new Y.Doc();
    initCaseDoc(doc, { label: 'Casus 2026-014', caseNumber: 'ZVH-2026-014', type: 'ex-partnerstalking', status: 'in-behandeling' }, who);
    addPerson(doc, { role: 'slachtoffer', name: 'Fenna Fictief' });
    setRiskAssessment(doc, 'sash', { level: 'hoog', date: '2026-02-20' }, who);
    createAction(doc, { description: 'Gesprek plannen', owner: 'pim.proef', ownerOrg: 'zvh', due: '2026-03-01' }, who);
    const done = createAction(doc, { description: 'Afgerond', owner: 'pim.proef', ownerOrg: 'zvh', due: '2026-03-01' }, who);
    setActionStatus(doc, done, 'gedaan');
    const row = summarizeCaseDoc(caseId, doc, '2026-03-02', '2026-03-09T09:00:00.000Z', 'Casus');
    expect(row).toEqual({
      id: caseId, label: 'Casus 2026-014', caseNumber: 'ZVH-2026-014', type: 'ex-partnerstalking', status: 'in-behandeling',
      risk: 'hoog', openActions: 1, overdueActions: 1, nextMeeting: '2026-03-09T09:00:00.000Z',
    });
    expect(JSON.stringify(row)).not.toContain('Fenna');
  });

  it('a case whose header has not arrived yet gets the fallback label', () => {
    expect(summarizeCaseDoc(caseId, new Y.Doc(), '2026-03-02', null, 'Casus (wordt geladen)').label).toBe('Casus (wordt geladen)');
  });

  it('the next meeting is the earliest upcoming one with the case on its agenda', () => {
    const now = new Date('2026-03-02T12:00:00Z');
    const next = nextMeetings([
      meeting('2026-03-01T09:00:00.000Z', [caseId]), // past
      meeting('2026-03-16T09:00:00.000Z', [caseId, other]),
      meeting('2026-03-09T09:00:00.000Z', [caseId]),
    ], now);
    expect(next.get(caseId)).toBe('2026-03-09T09:00:00.000Z');
    expect(next.get(other)).toBe('2026-03-16T09:00:00.000Z');
  });

  it('suggests the next free label of the year', () => {
    expect(suggestCaseLabel([], 2026)).toEqual({ label: 'Casus 2026-001', caseNumber: 'ZVH-2026-001' });
    expect(suggestCaseLabel(['Casus 2026-014', 'Casus 2025-200', 'Casus 2026-003', 'Iets anders'], 2026).label).toBe('Casus 2026-015');
  });
});
