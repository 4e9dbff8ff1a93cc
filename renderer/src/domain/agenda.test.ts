import { describe, expect, it } from 'vitest';
import type { ActionListItem } from './actionRules';
import {
  dedupeAgenda, moveAgendaCase, NOT_DISCUSSED_THRESHOLD_WEEKS, openActionsForAgenda, orderAgenda, type AgendaCaseFacts,
} from './agenda';
import { addDays } from './dates';
import { createId, type CaseId } from './ids';

const today = '2026-03-10';
const [c1, c2, c3, c4, c5] = Array.from({ length: 5 }, () => createId('case')) as [CaseId, CaseId, CaseId, CaseId, CaseId];
const facts = (hasChildren: boolean | null, lastDiscussed: string | null = '2026-03-03', createdOn: string | null = '2025-01-01'): AgendaCaseFacts =>
  ({ hasChildren, lastDiscussed, createdOn });

describe('agenda ordering', () => {
  const known = new Map<CaseId, AgendaCaseFacts>([
    [c1, facts(false)], [c2, facts(true)], [c3, facts(null)], [c4, facts(true)], [c5, facts(false)],
  ]);

  it('puts open actions first, then cases with children, then the rest, keeping the manual order in each group', () => {
    const ordered = orderAgenda([c5, c1, c4, c3, c2], known, today);
    expect(ordered[0]).toEqual({ kind: 'open-actions' });
    expect(ordered.slice(1).map((e) => (e.kind === 'case' ? e.caseId : e.kind))).toEqual([c4, c2, c5, c1, c3]);
    expect(ordered.slice(1).map((e) => (e.kind === 'case' ? e.group : null))).toEqual(['children', 'children', 'other', 'other', 'other']);
  });

  it('reads the stored agenda deduplicated, dropping malformed ids', () => {
    expect(dedupeAgenda([c1, c2, c1, 'case:BAD', 42, null, c3, c2])).toEqual([c1, c2, c3]);
    expect(orderAgenda([c1, c1, c2], known, today).filter((e) => e.kind === 'case')).toHaveLength(2);
  });

  it(`flags a case not discussed for ${NOT_DISCUSSED_THRESHOLD_WEEKS} weeks or more`, () => {
    const edge = addDays(today, -7 * NOT_DISCUSSED_THRESHOLD_WEEKS);
    const justInside = addDays(edge, 1);
    const info = new Map<CaseId, AgendaCaseFacts>([
      [c1, facts(false, edge)], [c2, facts(false, justInside)], [c3, facts(false, null, '2025-06-01')],
      [c4, facts(false, null, today)], [c5, facts(null, null, null)],
    ]);
    const flags = Object.fromEntries(orderAgenda([c1, c2, c3, c4, c5], info, today).flatMap((e) =>
      (e.kind === 'case' ? [[e.caseId, [e.longNotDiscussed, e.weeksSinceDiscussed]]] : [])));
    expect(flags[c1]).toEqual([true, NOT_DISCUSSED_THRESHOLD_WEEKS]);
    expect(flags[c2]).toEqual([false, NOT_DISCUSSED_THRESHOLD_WEEKS - 1]);
    expect(flags[c3]?.[0]).toBe(true); // never discussed, created long ago
    expect(flags[c4]).toEqual([false, 0]);
    expect(flags[c5]).toEqual([false, null]);
  });

  it('moves a case within its group only, stopping at the edges', () => {
    const ordered = orderAgenda([c5, c1, c4, c3, c2], known, today);
    expect(moveAgendaCase(ordered, c2, -1)).toEqual([c2, c4, c5, c1, c3]);
    expect(moveAgendaCase(ordered, c2, -5)).toEqual([c2, c4, c5, c1, c3]);
    expect(moveAgendaCase(ordered, c5, 1)).toEqual([c4, c2, c1, c5, c3]);
    expect(moveAgendaCase(ordered, c3, 3)).toEqual([c4, c2, c5, c1, c3]);
    expect(moveAgendaCase(ordered, createId('case'), 1)).toEqual([c4, c2, c5, c1, c3]);
  });
});

describe('open actions of the previous meeting', () => {
  const act = (caseId: CaseId, due: string, status: ActionListItem['status'] = 'open'): ActionListItem => ({
    id: createId('action'), description: `Actie ${due}`, owner: 'test.rn', ownerOrg: 'rn', due, status, source: null,
    createdBy: 'test.zvh', createdAt: '2026-01-01T09:00:00.000Z', caseId, caseLabel: 'Casus fictief',
  });

  it('lists open actions of cases on the agenda, most overdue first', () => {
    const list = openActionsForAgenda([
      act(c1, '2026-03-20'), act(c1, '2026-03-01'), act(c2, '2026-02-01', 'bezig'), act(c2, '2026-01-01', 'gedaan'), act(c3, '2026-01-01'),
    ], [c1, c2], today);
    expect(list.map((a) => [a.due, a.overdue, a.daysOverdue])).toEqual([
      ['2026-02-01', true, 37], ['2026-03-01', true, 9], ['2026-03-20', false, 0],
    ]);
  });
});
