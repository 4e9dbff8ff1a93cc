import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createId } from '../domain/ids';
import { createAction, setActionStatus } from './actions';
import { origins } from './origins';
import { addPerson } from './persons';
import { readCaseBoard } from './readCaseBoard';
import { decodeReadCopy, encodeReadCopy, hasReadCopy } from './readCopy';
import { appendBlocks } from './richText';
import { planFragment } from './safetyPlan';
import { addMeasure } from './measures';
import { addDecision, ensureMeetingNotes } from './meetingNotes';
import { anna, bram, newCaseDoc, syncBoth } from './testing/fixtures';

/** Sorted by id so two boards compare whatever order their maps list records in. */
function comparable(board: ReturnType<typeof readCaseBoard>) {
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { ...board, persons: byId(board.persons), measures: byId(board.measures), actions: byId(board.actions), timeline: byId(board.timeline) };
}

describe('read copy', () => {
  it('holds the same board, without the history: one client, no deleted text', () => {
    const { doc, id } = newCaseDoc();
    const other = new Y.Doc();
    syncBoth(doc, other);
    addPerson(doc, { role: 'slachtoffer', name: 'Fictief Slachtoffer', knownBy: ['politie'] });
    addMeasure(other, { kind: 'contactverbod', start: '2026-01-01', end: '2026-06-30' }, bram);
    const action = createAction(other, { description: 'Fictief gesprek', owner: 'test.bram', ownerOrg: 'vt', due: '2026-03-20' }, bram);
    setActionStatus(other, action, 'bezig');
    const meetingId = createId('meeting');
    ensureMeetingNotes(doc, meetingId);
    addDecision(doc, meetingId, 'Besluit (fictief)', anna);
    const fragment = planFragment(doc, 'situatie-en-risico')!;
    doc.transact(() => appendBlocks(fragment, [
      { kind: 'paragraph', runs: [{ text: 'Vet ', bold: true }, { text: 'en gewoon (fictief)' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'Eerste punt' }], [{ text: 'Tweede punt' }]] },
      { kind: 'paragraph', runs: [{ text: 'GEWIST-FICTIEF' }] },
    ]), origins.userEdit);
    // Typing history: characters typed and deleted again, by two clients.
    const typed = fragment.get(0) as Y.XmlElement;
    const text = typed.get(0) as Y.XmlText;
    for (let i = 0; i < 50; i++) text.insert(text.length, 'x');
    text.delete(text.length - 50, 50);
    fragment.delete(2, 1);
    syncBoth(doc, other);

    const bytes = encodeReadCopy(doc);
    const copy = decodeReadCopy(bytes);
    expect(comparable(readCaseBoard(copy, id))).toEqual(comparable(readCaseBoard(doc, id)));
    expect(copy.getMap('plan').get('situatie-en-risico')).toBeInstanceOf(Y.XmlFragment);
    expect((planFragment(copy, 'situatie-en-risico')!.get(0) as Y.XmlElement).toString()).toContain('<bold>Vet </bold>');
    expect(copy.store.clients.size).toBe(1);
    expect(Y.decodeUpdate(bytes).ds.clients.size).toBe(0);
    expect(new TextDecoder().decode(bytes)).not.toContain('GEWIST-FICTIEF');
    expect(bytes.length).toBeLessThan(Y.encodeStateAsUpdate(doc).length);
  });

  it('does not follow later edits of the room, and applies to no room', () => {
    const { doc, id } = newCaseDoc();
    const copy = decodeReadCopy(encodeReadCopy(doc));
    createAction(doc, { description: 'Later (fictief)', owner: 'test.anna', ownerOrg: 'zvh', due: '2026-04-01' }, anna);
    expect(readCaseBoard(copy, id).actions).toEqual([]);
    expect(hasReadCopy('case:abcdefgh12345678')).toBe(true);
    expect(hasReadCopy('meeting:abcdefgh12345678')).toBe(false);
  });

  it('refuses a malformed copy', () => {
    expect(() => decodeReadCopy(new Uint8Array([1, 2, 3, 250, 250]))).toThrow();
  });
});
