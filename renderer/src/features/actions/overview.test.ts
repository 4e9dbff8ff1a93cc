import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, setActionStatus } from '../../collab/actions';
import { updateCaseMeta } from '../../collab/caseHeader';
import { ensurePlanSections, planFragment } from '../../collab/safetyPlan';
import { appendBlocks } from '../../collab/richText';
import { origins } from '../../collab/origins';
import { anna, newCaseDoc } from '../../collab/testing/fixtures';
import { createCaseActionsStore } from './caseActionsStore';
import { defaultOverviewFilter, overviewRows, toActionFilter } from './overviewFilter';

const today = '2026-03-10';
const action = (description: string, owner: string, ownerOrg: string, due: string) => ({ description, owner, ownerOrg, due, source: null });

function twoCases() {
  const first = newCaseDoc('Casus 2026-001 (fictief)');
  const second = newCaseDoc('Casus 2026-002 (fictief)');
  createAction(first.doc, action('Mijn late actie', 'test.anna', 'zvh', '2026-03-01'), anna);
  createAction(first.doc, action('Actie van Bram', 'test.bram', 'vt', '2026-03-05'), anna);
  const done = createAction(second.doc, action('Mijn afgeronde actie', 'test.anna', 'zvh', '2026-02-01'), anna);
  setActionStatus(second.doc, done, 'gedaan');
  createAction(second.doc, action('Mijn volgende actie', 'test.anna', 'zvh', '2026-04-01'), anna);
  return { first, second };
}

describe('actions across cases', () => {
  it('lists every action with its case id and label, never a person', () => {
    const { first, second } = twoCases();
    const store = createCaseActionsStore([{ room: first.id, doc: first.doc }, { room: second.id, doc: second.doc }, { room: 'meeting:abcdefgh12345678', doc: new Y.Doc() }], 'Casus zonder label');
    const items = store.getSnapshot();
    expect(items.map((item) => [item.description, item.caseId, item.caseLabel])).toEqual([
      ['Mijn late actie', first.id, 'Casus 2026-001 (fictief)'],
      ['Actie van Bram', first.id, 'Casus 2026-001 (fictief)'],
      ['Mijn afgeronde actie', second.id, 'Casus 2026-002 (fictief)'],
      ['Mijn volgende actie', second.id, 'Casus 2026-002 (fictief)'],
    ]);
  });

  it('tells listeners about changed actions or labels, not about plan typing, and keeps the snapshot stable', () => {
    const { first, second } = twoCases();
    const store = createCaseActionsStore([{ room: first.id, doc: first.doc }, { room: second.id, doc: second.doc }], 'Casus zonder label');
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const before = store.getSnapshot();

    ensurePlanSections(first.doc);
    first.doc.transact(() => {
      const fragment = planFragment(first.doc, 'situatie-en-risico');
      if (fragment) appendBlocks(fragment, [{ kind: 'paragraph', runs: [{ text: 'Getypt in het plan (fictief)' }] }]);
    }, origins.userEdit);
    expect(calls).toBe(0);
    expect(store.getSnapshot()).toBe(before);

    createAction(second.doc, action('Nieuwe actie', 'test.bram', 'vt', '2026-03-20'), anna);
    expect(calls).toBe(1);
    updateCaseMeta(first.doc, { label: 'Casus 2026-001b (fictief)' });
    expect(calls).toBe(2);
    expect(store.getSnapshot().filter((item) => item.caseId === first.id).every((item) => item.caseLabel === 'Casus 2026-001b (fictief)')).toBe(true);

    unsubscribe();
    createAction(second.doc, action('Na afmelden', 'test.bram', 'vt', '2026-03-21'), anna);
    expect(calls).toBe(2);
    expect(store.getSnapshot().some((item) => item.description === 'Na afmelden')).toBe(true);
  });

  it('shows outstanding actions by default, mine first with the most overdue first, and filters by owner, organisation, status and overdue', () => {
    const { first, second } = twoCases();
    const items = createCaseActionsStore([{ room: first.id, doc: first.doc }, { room: second.id, doc: second.doc }], '?').getSnapshot();
    const shown = (filter = defaultOverviewFilter) => overviewRows(items, filter, 'test.anna', today).map((item) => item.description);

    expect(shown()).toEqual(['Mijn late actie', 'Mijn volgende actie', 'Actie van Bram']);
    expect(shown({ ...defaultOverviewFilter, status: 'all' })).toEqual(['Mijn late actie', 'Mijn volgende actie', 'Mijn afgeronde actie', 'Actie van Bram']);
    expect(shown({ ...defaultOverviewFilter, status: 'gedaan' })).toEqual(['Mijn afgeronde actie']);
    expect(shown({ ...defaultOverviewFilter, owner: 'test.bram' })).toEqual(['Actie van Bram']);
    expect(shown({ ...defaultOverviewFilter, org: 'zvh' })).toEqual(['Mijn late actie', 'Mijn volgende actie']);
    expect(shown({ ...defaultOverviewFilter, overdueOnly: true })).toEqual(['Mijn late actie', 'Actie van Bram']);
    expect(toActionFilter({ owner: '', org: '', status: 'all', overdueOnly: false })).toEqual({});
  });
});
