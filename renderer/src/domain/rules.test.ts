import { describe, expect, it } from 'vitest';
import type { Action } from './actionRecord';
import { daysOverdue, filterActions, isOverdue, sortMineFirst, type ActionListItem } from './actionRules';
import type { ActionStatus } from './actionVocabulary';
import { createId, type CaseId } from './ids';
import { EXPIRING_WITHIN_DAYS, measureExpiry, needsAttention } from './measureExpiry';

const today = '2026-03-10';
const caseA = createId('case');
const caseB = createId('case');

function action(over: Partial<ActionListItem> & { description: string }): ActionListItem {
  return {
    id: createId('action'), owner: 'test.vt', ownerOrg: 'vt', due: '2026-03-20', status: 'open', source: null,
    createdBy: 'test.zvh', createdAt: '2026-03-01T09:00:00.000Z', caseId: caseA, caseLabel: 'Casus 2026-001', ...over,
  };
}

describe('measure expiry', () => {
  const measure = (start: string, end: string | null) => ({ start, end });

  it('flags expired, expiring within 14 days, active and not yet started', () => {
    expect(measureExpiry(measure('2026-01-01', '2026-03-09'), today)).toEqual({ state: 'expired', daysLeft: -1 });
    expect(measureExpiry(measure('2026-01-01', '2026-03-10'), today)).toEqual({ state: 'expiring', daysLeft: 0 });
    expect(measureExpiry(measure('2026-01-01', '2026-03-24'), today)).toEqual({ state: 'expiring', daysLeft: EXPIRING_WITHIN_DAYS });
    expect(measureExpiry(measure('2026-01-01', '2026-03-25'), today)).toEqual({ state: 'active', daysLeft: 15 });
    expect(measureExpiry(measure('2026-01-01', null), today)).toEqual({ state: 'active', daysLeft: null });
    expect(measureExpiry(measure('2026-03-11', '2026-06-01'), today).state).toBe('not-started');
  });

  it('depends on the given today, not the clock', () => {
    const m = measure('2026-01-01', '2026-04-30');
    expect(needsAttention(m, '2026-04-01')).toBe(false);
    expect(needsAttention(m, '2026-04-16')).toBe(true);
    expect(needsAttention(m, '2026-05-01')).toBe(true);
    expect(needsAttention(measure('2026-03-12', '2026-03-15'), today)).toBe(true);
  });
});

describe('overdue actions', () => {
  it('counts days past the due date for open statuses only', () => {
    const due = (d: string, status: ActionStatus = 'open') => ({ due: d, status });
    expect(isOverdue(due('2026-03-10'), today)).toBe(false);
    expect(isOverdue(due('2026-03-09'), today)).toBe(true);
    expect(daysOverdue(due('2026-03-09'), today)).toBe(1);
    expect(daysOverdue(due('2026-02-08', 'bezig'), today)).toBe(30);
    for (const closed of ['gedaan', 'vervallen', 'niet-gedaan-niet-opgepakt', 'niet-gedaan-omstandigheden'] as const) {
      expect(isOverdue(due('2026-01-01', closed), today)).toBe(false);
      expect(daysOverdue(due('2026-01-01', closed), today)).toBe(0);
    }
  });
});

describe('the Acties view', () => {
  const mineLate = action({ description: 'Mijn late actie', owner: 'test.politie', ownerOrg: 'politie', due: '2026-03-01' });
  const mineLater = action({ description: 'Mijn actie', owner: 'test.politie', ownerOrg: 'politie', due: '2026-04-01' });
  const mineDone = action({ description: 'Mijn afgeronde actie', owner: 'test.politie', ownerOrg: 'politie', due: '2026-01-01', status: 'gedaan' });
  const otherLate = action({ description: 'Andere late actie', due: '2026-02-01', caseId: caseB });
  const otherSoon = action({ description: 'Andere actie', due: '2026-03-11', status: 'bezig' });
  const otherCancelled = action({ description: 'Vervallen actie', due: '2026-01-01', status: 'vervallen', caseId: caseB });
  const all = [otherCancelled, otherSoon, mineDone, otherLate, mineLater, mineLate];

  it('puts mine first, open before closed, then by due date', () => {
    expect(sortMineFirst(all, 'test.politie').map((a) => a.description)).toEqual([
      'Mijn late actie', 'Mijn actie', 'Mijn afgeronde actie', 'Andere late actie', 'Andere actie', 'Vervallen actie',
    ]);
    expect(sortMineFirst(all, 'test.vt')[0]?.description).toBe('Andere late actie');
  });

  it('filters by owner, organisation, status, overdue and case', () => {
    const names = (list: Action[]) => list.map((a) => a.description).sort();
    expect(names(filterActions(all, { owner: 'test.politie' }, today))).toEqual(['Mijn actie', 'Mijn afgeronde actie', 'Mijn late actie']);
    expect(names(filterActions(all, { org: 'vt' }, today))).toEqual(['Andere actie', 'Andere late actie', 'Vervallen actie']);
    expect(names(filterActions(all, { statuses: ['bezig', 'gedaan'] }, today))).toEqual(['Andere actie', 'Mijn afgeronde actie']);
    expect(names(filterActions(all, { overdueOnly: true }, today))).toEqual(['Andere late actie', 'Mijn late actie']);
    expect(names(filterActions(all, { caseId: caseB as CaseId, overdueOnly: true }, today))).toEqual(['Andere late actie']);
    expect(filterActions(all, { statuses: [] }, today)).toHaveLength(all.length);
    expect(filterActions(all, {}, today)).toHaveLength(all.length);
  });
});
