import { describe, expect, it } from 'vitest';
import type { Action } from './actionRecord';
import type { CaseBoard } from './caseBoard';
import { searchCases, summarizeCase, type CaseSummary } from './caseList';
import { chairOverview, escalationsOf } from './chairOverview';
import { createId } from './ids';

const today = '2026-03-10';
const at = '2026-03-01T09:00:00.000Z';

function board(label: string, over: Partial<CaseBoard> = {}): CaseBoard {
  return {
    id: createId('case'),
    meta: { label, caseNumber: `ZVH-${label.slice(-3)}`, type: 'ex-partnerstalking', status: 'in-behandeling', createdAt: at, createdBy: 'test.zvh' },
    persons: [{ id: createId('person'), role: 'slachtoffer', name: 'Fictieve Persoon Zoë' }],
    risk: { sash: null, vt: null, chair: null },
    measures: [], contacts: [], timeline: [], plan: [], actions: [], meetingNotes: [], skipped: [],
    ...over,
  };
}
const act = (due: string, status: Action['status'] = 'open'): Action => ({
  id: createId('action'), description: 'Fictieve actie', owner: 'test.vt', ownerOrg: 'vt', due, status, source: null, createdBy: 'test.zvh', createdAt: at,
});

describe('case list', () => {
  const a = board('Casus 2026-014', {
    actions: [act('2026-03-01'), act('2026-04-01'), act('2026-01-01', 'gedaan')],
    risk: { sash: { level: 'hoog', date: '2026-02-01', by: 'test.politie', at }, vt: null, chair: { level: 'gemiddeld', date: '2026-03-01', by: 'test.zvh', at } },
  });
  const b = board('Casus Zilverreiger', { meta: { ...board('x').meta!, label: 'Casus Zilverreiger', type: 'kindermishandeling', status: 'monitoring' } });
  const summaries: CaseSummary[] = [summarizeCase(a, today, '2026-03-12T09:00:00.000Z', '?'), summarizeCase(b, today, null, '?')];

  it('summarises without real names: label, risk (chair first), open and overdue actions', () => {
    expect(summaries[0]).toMatchObject({ label: 'Casus 2026-014', risk: 'gemiddeld', openActions: 2, overdueActions: 1, nextMeeting: '2026-03-12T09:00:00.000Z' });
    expect(JSON.stringify(summaries)).not.toContain('Zoë');
    expect(summarizeCase(board('x', { meta: null }), today, null, 'Casus (laden…)').label).toBe('Casus (laden…)');
  });

  it('searches label and case number, every word, ignoring case and accents', () => {
    expect(searchCases(summaries, 'zilver').map((s) => s.label)).toEqual(['Casus Zilverreiger']);
    expect(searchCases(summaries, 'CASUS 014').map((s) => s.label)).toEqual(['Casus 2026-014']);
    expect(searchCases(summaries, 'zvh-014')).toHaveLength(1);
    expect(searchCases(summaries, '')).toHaveLength(2);
    expect(searchCases(summaries, 'zoe')).toHaveLength(0); // names are not searchable from the list
  });

  it('filters by type, status, risk and overdue', () => {
    expect(searchCases(summaries, '', { types: ['kindermishandeling'] }).map((s) => s.label)).toEqual(['Casus Zilverreiger']);
    expect(searchCases(summaries, '', { statuses: ['in-behandeling'] })).toHaveLength(1);
    expect(searchCases(summaries, '', { risks: ['gemiddeld'] })).toHaveLength(1);
    expect(searchCases(summaries, '', { risks: ['hoog'] })).toHaveLength(0);
    expect(searchCases(summaries, '', { withOverdueOnly: true }).map((s) => s.label)).toEqual(['Casus 2026-014']);
  });
});

describe("the chair's overview", () => {
  it('lists escalations newest first, overdue actions and measures needing attention per case', () => {
    const event = (date: string, type: 'escalatie' | 'incident', level?: 'tactisch' | 'bestuurlijk') =>
      ({ id: createId('event'), date, type, text: `Fictief ${date}`, by: 'test.zvh', at, ...(level ? { level } : {}) });
    const b = board('Casus 2026-020', {
      timeline: [event('2026-02-01', 'escalatie', 'tactisch'), event('2026-02-15', 'incident'), event('2026-03-05', 'escalatie', 'bestuurlijk')],
      actions: [act('2026-03-09'), act('2026-02-08'), act('2026-03-30')],
      measures: [
        { id: createId('measure'), kind: 'contactverbod', start: '2025-12-01', end: '2026-03-15', by: 'test.om', at },
        { id: createId('measure'), kind: 'camera', start: '2025-12-01', end: null, by: 'test.politie', at },
      ],
    });
    expect(escalationsOf(b).map((e) => e.level)).toEqual(['bestuurlijk', 'tactisch']);
    const [overview] = chairOverview([b], today, '?');
    expect(overview?.overdueActions.map((a) => a.daysOverdue)).toEqual([30, 1]);
    expect(overview?.measuresNeedingAttention.map((m) => m.kind)).toEqual(['contactverbod']);
  });
});
