import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffSafetyPlan } from '../domain/textDiff';
import { createId } from '../domain/ids';
import { createAction, setActionStatus } from './actions';
import { readFrozenCaseBoard, readFrozenMeeting } from './frozen';
import { initMeetingDoc, updateMeetingMeta } from './meetingHeader';
import { origins } from './origins';
import { addPerson, removePerson } from './persons';
import { readCaseBoard } from './readCaseBoard';
import { appendBlocks } from './richText';
import { planFragment } from './safetyPlan';
import { anna, newCaseDoc } from './testing/fixtures';

const marker = 'Fictiefstraat 13 (adres-marker)';

describe('approval freezing', () => {
  it('keeps the approved copy unchanged by later edits, and shows the difference', () => {
    const { doc, id } = newCaseDoc();
    const actionId = createAction(doc, { description: 'Fictief', owner: 'test.bram', ownerOrg: 'vt', due: '2026-03-20' }, anna);
    const section = planFragment(doc, 'afspraken-met-slachtoffer')!;
    doc.transact(() => appendBlocks(section, [{ kind: 'paragraph', runs: [{ text: 'Belt 112 bij contact' }] }]), origins.userEdit);

    // What the server stores at approval: the full encoded state.
    const frozen = Y.encodeStateAsUpdate(doc);

    setActionStatus(doc, actionId, 'gedaan');
    doc.transact(() => {
      section.delete(0, 1);
      appendBlocks(section, [{ kind: 'paragraph', runs: [{ text: 'Belt 112 en de wijkagent' }] }]);
    }, origins.userEdit);

    const approved = readFrozenCaseBoard(frozen, id);
    const today = readCaseBoard(doc, id);
    expect(approved.actions[0]?.status).toBe('open');
    expect(approved.plan.find((s) => s.key === 'afspraken-met-slachtoffer')?.text).toBe('Belt 112 bij contact');
    expect(today.actions[0]?.status).toBe('gedaan');
    const changed = diffSafetyPlan(approved.plan, today.plan).filter((s) => s.changed);
    expect(changed).toEqual([{
      key: 'afspraken-met-slachtoffer', changed: true,
      lines: [{ kind: 'removed', text: 'Belt 112 bij contact' }, { kind: 'added', text: 'Belt 112 en de wijkagent' }],
    }]);
  });

  it('removes deleted text from the live board (GC on) while a copy frozen before keeps it', () => {
    const { doc, id } = newCaseDoc();
    const personId = addPerson(doc, { role: 'slachtoffer', name: 'Fictief Slachtoffer', address: marker });
    const frozen = Y.encodeStateAsUpdate(doc);
    removePerson(doc, personId);
    const section = planFragment(doc, 'situatie-en-risico')!;
    doc.transact(() => appendBlocks(section, [{ kind: 'paragraph', runs: [{ text: marker }] }]), origins.userEdit);
    doc.transact(() => section.delete(0, section.length), origins.userEdit);

    const live = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8');
    expect(live).not.toContain('adres-marker');
    expect(Buffer.from(frozen).toString('utf8')).toContain('adres-marker');
    expect(readFrozenCaseBoard(frozen, id).persons[0]?.address).toBe(marker);
  });

  it('reads a frozen meeting and refuses bytes that are not a Yjs update', () => {
    const meetingDoc = new Y.Doc();
    initMeetingDoc(meetingDoc, { type: 'mdo', start: '2026-03-12T09:00:00.000Z', chair: 'test.anna' }, anna);
    const id = createId('meeting');
    expect(readFrozenMeeting(Y.encodeStateAsUpdate(meetingDoc), id).meta?.type).toBe('mdo');
    expect(() => readFrozenMeeting(new Uint8Array([1, 2, 3, 250, 7]), id)).toThrow(expect.objectContaining({ code: 'not-ready' }));
    // An update that depends on state the copy lacks is incomplete, not silently partial.
    const base = Y.encodeStateAsUpdate(meetingDoc);
    const sv = Y.encodeStateVector(meetingDoc);
    updateMeetingMeta(meetingDoc, { type: 'themakamer' });
    const onlyLater = Y.encodeStateAsUpdate(meetingDoc, sv);
    expect(base.length).toBeGreaterThan(0);
    expect(() => readFrozenMeeting(onlyLater, id)).toThrow(expect.objectContaining({ code: 'not-ready' }));
  });
});
