import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, readActions, setActionStatus } from './actions';
import { updateCaseMeta, readCaseMeta } from './caseHeader';
import { createDocSelection, scoped } from './docSelection';
import { appendBlocks } from './richText';
import { origins } from './origins';
import { planFragment } from './safetyPlan';
import { addPerson } from './persons';
import { anna, newCaseDoc } from './testing/fixtures';

const labelOf = (doc: Y.Doc) => readCaseMeta(doc)?.label ?? null;

describe('doc selections', () => {
  it('notify only when the selected value changes', () => {
    const { doc } = newCaseDoc();
    const selection = createDocSelection(doc, labelOf);
    let calls = 0;
    const unsubscribe = selection.subscribe(() => calls++);
    addPerson(doc, { role: 'overig', name: 'Fictieve Buur' });
    expect(calls).toBe(0);
    updateCaseMeta(doc, { label: 'Casus nieuw (fictief)' });
    expect(calls).toBe(1);
    expect(selection.getSnapshot()).toBe('Casus nieuw (fictief)');
    updateCaseMeta(doc, { label: 'Casus nieuw (fictief)' });
    expect(calls).toBe(1);
    unsubscribe();
    updateCaseMeta(doc, { label: 'Weer anders (fictief)' });
    expect(calls).toBe(1);
  });

  it('keep a structurally equal snapshot identical (no re-render for equal data)', () => {
    const { doc } = newCaseDoc();
    const id = createAction(doc, { description: 'Fictief', owner: 'test.bram', ownerOrg: 'vt', due: '2026-03-20' }, anna);
    const selection = createDocSelection(doc, (d) => readActions(d));
    let calls = 0;
    selection.subscribe(() => calls++);
    const first = selection.getSnapshot();
    addPerson(doc, { role: 'overig', name: 'Fictieve Buur' });
    expect(selection.getSnapshot()).toBe(first);
    setActionStatus(doc, id, 'gedaan');
    expect(calls).toBe(1);
    expect(selection.getSnapshot()).not.toBe(first);
    expect(selection.getSnapshot()[0]?.status).toBe('gedaan');
  });

  it('follow remote updates and stay correct while nobody listens', () => {
    const { doc } = newCaseDoc();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const selection = createDocSelection(doc, labelOf);
    const seen: (string | null)[] = [];
    const unsubscribe = selection.subscribe(() => seen.push(selection.getSnapshot()));
    updateCaseMeta(remote, { label: 'Van een ander (fictief)' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    expect(seen).toEqual(['Van een ander (fictief)']);
    unsubscribe();
    updateCaseMeta(doc, { label: 'Zonder luisteraar (fictief)' });
    expect(selection.getSnapshot()).toBe('Zonder luisteraar (fictief)');
    expect(selection.getSnapshot()).toBe(selection.getSnapshot());
  });

  it('run a scoped selector only after changes under its roots, nested and remote ones included', () => {
    const { doc } = newCaseDoc();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    let runs = 0;
    const selection = createDocSelection(doc, scoped(['actions'], (d: Y.Doc) => {
      runs++;
      return readActions(d);
    }));
    let calls = 0;
    selection.subscribe(() => calls++);
    const afterSubscribe = runs;
    // Typing in the plan and adding a person leave the actions selector alone.
    doc.transact(() => appendBlocks(planFragment(doc, 'situatie-en-risico')!, [{ kind: 'paragraph', runs: [{ text: 'Tekst (fictief)' }] }]), origins.userEdit);
    addPerson(doc, { role: 'overig', name: 'Fictieve Buur' });
    expect(runs).toBe(afterSubscribe);
    // A new action (a map in the root) and a status change (inside that map) run it and notify.
    const id = createAction(doc, { description: 'Fictief', owner: 'test.bram', ownerOrg: 'vt', due: '2026-03-20' }, anna);
    expect(calls).toBe(1);
    setActionStatus(doc, id, 'bezig');
    expect(calls).toBe(2);
    expect(selection.getSnapshot()[0]?.status).toBe('bezig');
    // A remote change under the root as well.
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    setActionStatus(remote, id, 'gedaan');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    expect(calls).toBe(3);
    expect(selection.getSnapshot()[0]?.status).toBe('gedaan');
  });
});
