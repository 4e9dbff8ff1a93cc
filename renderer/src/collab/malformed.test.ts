import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createId } from '../domain/ids';
import { createAction } from './actions';
import { caseDoc } from './caseDoc';
import { addPerson } from './persons';
import { readCaseBoard } from './readCaseBoard';
import { anna, newCaseDoc } from './testing/fixtures';

/** A peer that writes whatever it likes, straight into the Y types. */
function hostilePeer(doc: Y.Doc): void {
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  const roots = caseDoc(remote);
  remote.transact(() => {
    roots.meta.set('type', 'onbekend-type');
    roots.persons.set(createId('person'), 'just a string');
    roots.persons.set('person:BAD', new Y.Map());
    const noName = new Y.Map<unknown>();
    noName.set('role', 'kind');
    roots.persons.set(createId('person'), noName);
    const oddNote = new Y.Map<unknown>();
    oddNote.set('role', 'verdachte');
    oddNote.set('name', 'Fictieve Verdachte');
    oddNote.set('note', { nested: ['x'] });
    roots.persons.set(createId('person'), oddNote);
    roots.risk.set('sash', { level: 'extreem', date: '2026-01-01', by: 'test.x', at: '2026-01-01T00:00:00.000Z' });
    roots.risk.set('vt', 7);
    roots.measures.set(createId('measure'), { kind: 'huisverbod', start: '2026-03-01', end: '2026-02-01', by: 'test.x', at: '2026-03-01T00:00:00.000Z' });
    roots.contacts.set('politie', new Y.Array());
    roots.contacts.set('om', { name: '', by: 'test.x', at: '2026-03-01T00:00:00.000Z' });
    roots.timeline.set(createId('event'), { date: '2026-03-01', type: 'escalatie', text: 'zonder niveau', by: 'test.x', at: '2026-03-01T00:00:00.000Z' });
    roots.plan.set('situatie-en-risico', 'geen fragment');
    roots.plan.set('onbekende-sectie', new Y.XmlFragment());
    const ownerless = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ description: 'Zonder eigenaar', ownerOrg: 'vt', due: '2026-03-20', status: 'open', createdBy: 'test.x', createdAt: '2026-03-01T00:00:00.000Z' })) ownerless.set(k, v);
    roots.actions.set(createId('action'), ownerless);
    const twoOwners = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ description: 'Twee eigenaren', owner: ['test.a', 'test.b'], ownerOrg: 'vt', due: '2026-03-20', status: 'open', createdBy: 'test.x', createdAt: '2026-03-01T00:00:00.000Z' })) twoOwners.set(k, v);
    roots.actions.set(createId('action'), twoOwners);
    roots.meetingNotes.set(createId('meeting'), 'niets');
  });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
}

describe('reading a board with malformed peer data', () => {
  it('never throws, keeps valid records, skips bad ones and says where', () => {
    const { doc, id } = newCaseDoc();
    addPerson(doc, { role: 'slachtoffer', name: 'Fictief Slachtoffer' });
    createAction(doc, { description: 'Geldige actie', owner: 'test.bram', ownerOrg: 'vt', due: '2026-03-20' }, anna);
    hostilePeer(doc);
    const board = readCaseBoard(doc, id);
    expect(board.meta).toBeNull();
    expect(board.persons.map((p) => [p.role, p.name, p.note])).toEqual([
      ['slachtoffer', 'Fictief Slachtoffer', undefined],
      ['verdachte', 'Fictieve Verdachte', undefined], // malformed note dropped, person kept
    ]);
    expect(board.risk).toEqual({ sash: null, vt: null, chair: null });
    expect(board.measures).toEqual([]);
    expect(board.contacts).toEqual([]);
    expect(board.timeline).toEqual([]);
    expect(board.plan.map((s) => s.key)).not.toContain('situatie-en-risico');
    expect(board.plan).toHaveLength(7);
    expect(board.actions.map((a) => a.description)).toEqual(['Geldige actie']);
    const parts = board.skipped.map((s) => s.part).sort();
    expect(parts).toEqual(['actions', 'actions', 'contacts', 'contacts', 'measures', 'meetingNotes', 'persons', 'persons', 'persons', 'risk', 'risk', 'timeline']);
    // Skipped entries name where, never what.
    expect(JSON.stringify(board.skipped)).not.toContain('Zonder eigenaar');
  });
});
