import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAction, readActions } from '../../collab/actions';
import { anna, newCaseDoc, syncBoth } from '../../collab/testing/fixtures';
import { draftOf, saveActionChanges, saveNewAction, saveStatus } from './actionWrites';
import type { ActionDirectory } from './directory';

const directory: ActionDirectory = {
  users: [
    { username: 'test.anna', name: 'Anna Fictief', org: 'zvh' },
    { username: 'test.bram', name: 'Bram Fictief', org: 'vt' },
    { username: 'test.carla', name: 'Carla Fictief', org: 'politie' },
  ],
  orgs: [],
};
const draft = { description: 'Contactverbod bespreken (fictief)', owner: 'test.bram', due: '2026-04-01', source: '' };

describe('saving actions', () => {
  it('creates an action with one owner, the owner organisation and status open', () => {
    const { doc } = newCaseDoc();
    const result = saveNewAction(doc, draft, directory, anna);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(readAction(doc, result.id)).toMatchObject({
      description: 'Contactverbod bespreken (fictief)', owner: 'test.bram', ownerOrg: 'vt', due: '2026-04-01',
      status: 'open', source: null, createdBy: 'test.anna',
    });
  });

  it('the model refuses an action without owner or due date, and nothing is written', () => {
    const { doc } = newCaseDoc();
    const before = Y.encodeStateVector(doc);
    expect(saveNewAction(doc, { ...draft, owner: '' }, directory, anna)).toEqual({ ok: false, error: 'action-owner-missing' });
    expect(saveNewAction(doc, { ...draft, due: '' }, directory, anna)).toEqual({ ok: false, error: 'action-due-missing' });
    expect(readActions(doc)).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('writes only changed fields, in one update, and refuses a change that would leave no owner', () => {
    const { doc } = newCaseDoc();
    const created = saveNewAction(doc, draft, directory, anna);
    if (!created.ok) throw new Error('not created');
    const action = readAction(doc, created.id);
    if (!action) throw new Error('not readable');
    let updates = 0;
    doc.on('update', () => updates++);

    expect(saveActionChanges(doc, action, { ...draftOf(action), owner: 'test.carla', due: '2026-05-01' }, directory).ok).toBe(true);
    expect(updates).toBe(1);
    expect(readAction(doc, action.id)).toMatchObject({ owner: 'test.carla', ownerOrg: 'politie', due: '2026-05-01', description: action.description });

    const changed = readAction(doc, action.id);
    if (!changed) throw new Error('not readable');
    expect(saveActionChanges(doc, changed, { ...draftOf(changed), owner: '', description: 'Iets anders' }, directory))
      .toEqual({ ok: false, error: 'action-owner-missing' });
    expect(updates).toBe(1);
    expect(readAction(doc, action.id)?.description).toBe(action.description);
  });

  it('two people changing the owner at once leave one owner on both replicas; other fields survive', () => {
    const { doc: a } = newCaseDoc();
    const b = new Y.Doc();
    const created = saveNewAction(a, draft, directory, anna);
    if (!created.ok) throw new Error('not created');
    syncBoth(a, b);
    const onA = readAction(a, created.id);
    const onB = readAction(b, created.id);
    if (!onA || !onB) throw new Error('not readable');

    saveActionChanges(a, onA, { ...draftOf(onA), owner: 'test.anna' }, directory);
    saveActionChanges(b, onB, { ...draftOf(onB), owner: 'test.carla', due: '2026-06-01' }, directory);
    saveStatus(b, created.id, 'bezig');
    syncBoth(a, b);

    const final = readAction(a, created.id);
    expect(final).toEqual(readAction(b, created.id));
    expect(['test.anna', 'test.carla']).toContain(final?.owner);
    // The organisation goes with the owner: never one person with another's organisation.
    expect(final?.ownerOrg).toBe(final?.owner === 'test.anna' ? 'zvh' : 'politie');
    expect(final?.due).toBe('2026-06-01');
    expect(final?.status).toBe('bezig');
  });

  it('reports a status change on an action a peer removed as not-found', () => {
    const { doc } = newCaseDoc();
    expect(saveStatus(doc, 'action:0000000000000000', 'gedaan')).toEqual({ ok: false, error: 'not-found' });
  });
});
