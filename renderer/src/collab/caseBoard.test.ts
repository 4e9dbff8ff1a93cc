import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DomainError } from '../domain/errors';
import { createId } from '../domain/ids';
import { assignOwner, createAction, readAction, readActions, setActionDue, setActionStatus } from './actions';
import { initCaseDoc, readCaseMeta, updateCaseMeta } from './caseHeader';
import { readContacts, setContact } from './contacts';
import { addMeasure, readMeasures, updateMeasure } from './measures';
import { addDecision, ensureMeetingNotes, meetingNotesFragment, readMeetingNoteIds, readMeetingRecords, setWithheld } from './meetingNotes';
import { origins } from './origins';
import { addPerson, readPersons, updatePerson } from './persons';
import { readCaseBoard } from './readCaseBoard';
import { appendBlocks } from './richText';
import { readRisk, setRiskAssessment } from './risk';
import { planFragment } from './safetyPlan';
import { escalate, readTimeline } from './timeline';
import { anna, bram, newCaseDoc } from './testing/fixtures';

describe('case board accessors', () => {
  it('set up the header and all eight plan sections at creation', () => {
    const { doc, id } = newCaseDoc();
    expect(readCaseMeta(doc)).toMatchObject({ label: 'Casus 2026-901 (fictief)', createdBy: 'test.anna', createdAt: '2026-03-10T09:00:00.000Z' });
    const board = readCaseBoard(doc, id);
    expect(board.plan.map((s) => s.key)).toHaveLength(8);
    expect(board.skipped).toEqual([]);
    updateCaseMeta(doc, { status: 'monitoring' });
    expect(readCaseMeta(doc)?.status).toBe('monitoring');
    updateCaseMeta(doc, { municipality: 'schiedam' });
    expect(readCaseMeta(doc)?.municipality).toBe('schiedam');
    expect(() => updateCaseMeta(doc, { municipality: 'atlantis' as never })).toThrow(DomainError);
    updateCaseMeta(doc, { municipality: undefined });
    expect(readCaseMeta(doc)?.municipality).toBeUndefined();
    expect(() => updateCaseMeta(doc, { label: '' })).toThrow(DomainError);
    expect(readCaseMeta(doc)?.label).toBe('Casus 2026-901 (fictief)');
    expect(() => initCaseDoc(doc, { label: 'Tweede keer', type: 'anders', status: 'aangemeld' }, anna))
      .toThrow(expect.objectContaining({ code: 'already-set-up' }));
    expect(readCaseMeta(doc)?.createdAt).toBe('2026-03-10T09:00:00.000Z');
  });

  it('write every part and read it back as a plain board', () => {
    const { doc, id } = newCaseDoc();
    const personId = addPerson(doc, { role: 'kind', name: 'Fictief Kind', birthYear: 2019, knownBy: ['vt'] });
    updatePerson(doc, personId, { note: 'Gaat naar fictieve school' });
    setRiskAssessment(doc, 'sash', { level: 'hoog', date: '2026-03-01' }, bram);
    const measureId = addMeasure(doc, { kind: 'contactverbod', start: '2026-01-01', end: '2026-03-20' }, bram);
    updateMeasure(doc, measureId, { end: '2026-06-30' }, anna);
    setContact(doc, 'politie', { name: 'Test Casusregisseur', function: 'casusregisseur' }, anna);
    escalate(doc, { level: 'tactisch', reason: 'Afspraken niet nagekomen (fictief)', date: '2026-03-09' }, anna);
    const actionId = createAction(doc, { description: 'Fictief gesprek', owner: 'test.bram', ownerOrg: 'vt', due: '2026-03-20' }, anna);
    const meetingId = createId('meeting');
    ensureMeetingNotes(doc, meetingId);
    addDecision(doc, meetingId, 'Besluit (fictief)', anna);
    setWithheld(doc, meetingId, 'om', 'Lopend onderzoek', bram);
    doc.transact(() => appendBlocks(planFragment(doc, 'situatie-en-risico')!, [{ kind: 'paragraph', runs: [{ text: 'Situatie (fictief)' }] }]), origins.userEdit);

    const board = readCaseBoard(doc, id);
    expect(board.persons).toEqual([{ id: personId, role: 'kind', name: 'Fictief Kind', birthYear: 2019, knownBy: ['vt'], note: 'Gaat naar fictieve school' }]);
    expect(board.risk).toEqual({ sash: { level: 'hoog', date: '2026-03-01', by: 'test.bram', at: '2026-03-10T09:00:00.000Z' }, vt: null, chair: null });
    expect(board.measures).toMatchObject([{ id: measureId, end: '2026-06-30', by: 'test.anna' }]);
    expect(board.contacts).toMatchObject([{ org: 'politie', name: 'Test Casusregisseur', by: 'test.anna' }]);
    expect(board.timeline).toMatchObject([{ type: 'escalatie', level: 'tactisch', text: 'Afspraken niet nagekomen (fictief)' }]);
    expect(board.actions).toMatchObject([{ id: actionId, owner: 'test.bram', ownerOrg: 'vt', status: 'open', source: null, createdBy: 'test.anna' }]);
    expect(board.meetingNotes).toMatchObject([{ meetingId, decisions: [{ text: 'Besluit (fictief)' }], withheld: [{ org: 'om', text: 'Lopend onderzoek' }] }]);
    expect(board.plan[0]).toMatchObject({ key: 'situatie-en-risico', text: 'Situatie (fictief)' });
    expect(meetingNotesFragment(doc, meetingId)).toBeInstanceOf(Y.XmlFragment);
    expect(board.skipped).toEqual([]);
    // The ids alone (for "afgesproken in") match the full read, and skip what is not a meeting's notes.
    const second = createId('meeting');
    ensureMeetingNotes(doc, second);
    doc.transact(() => doc.getMap('meetingNotes').set('geen-overleg', 'rommel'), origins.userEdit);
    expect(readMeetingNoteIds(doc)).toEqual([meetingId, second].sort());
    expect(readMeetingNoteIds(doc)).toEqual(readCaseBoard(doc, id).meetingNotes.map((notes) => notes.meetingId));
    // One meeting's records alone (the meeting screen) match the full read.
    const { decisions, withheld } = readCaseBoard(doc, id).meetingNotes.find((notes) => notes.meetingId === meetingId)!;
    expect(readMeetingRecords(doc, meetingId)).toEqual({ decisions, withheld });
    expect(readMeetingRecords(doc, second)).toEqual({ decisions: [], withheld: [] });
    expect(readMeetingRecords(doc, createId('meeting'))).toEqual({ decisions: [], withheld: [] });
  });

  it('refuse an action without owner or due date and write nothing', () => {
    const { doc } = newCaseDoc();
    const before = Y.encodeStateVector(doc);
    expect(() => createAction(doc, { description: 'Zonder eigenaar', owner: '', ownerOrg: 'vt', due: '2026-03-20' }, anna))
      .toThrow(expect.objectContaining({ code: 'action-owner-missing' }));
    expect(() => createAction(doc, { description: 'Zonder datum', owner: 'test.bram', ownerOrg: 'vt', due: '' }, anna))
      .toThrow(expect.objectContaining({ code: 'action-due-missing' }));
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readActions(doc)).toEqual([]);
  });

  it('change an action only to valid values', () => {
    const { doc } = newCaseDoc();
    const id = createAction(doc, { description: 'Fictief', owner: 'test.bram', ownerOrg: 'vt', due: '2026-03-20' }, anna);
    setActionStatus(doc, id, 'bezig');
    setActionDue(doc, id, '2026-04-01');
    assignOwner(doc, id, { owner: 'test.anna', ownerOrg: 'zvh' });
    expect(readAction(doc, id)).toMatchObject({ status: 'bezig', due: '2026-04-01', owner: 'test.anna', ownerOrg: 'zvh' });
    expect(() => setActionDue(doc, id, '')).toThrow(expect.objectContaining({ code: 'action-due-missing' }));
    expect(() => assignOwner(doc, id, { owner: '', ownerOrg: 'zvh' })).toThrow(expect.objectContaining({ code: 'action-owner-missing' }));
    expect(() => setActionStatus(doc, id, 'klaar' as never)).toThrow(expect.objectContaining({ code: 'value-unknown' }));
    expect(() => assignOwner(doc, createId('action'), { owner: 'test.anna', ownerOrg: 'zvh' })).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(readAction(doc, id)).toMatchObject({ due: '2026-04-01', owner: 'test.anna' });
  });

  it('tag every write with an app origin', () => {
    const { doc } = newCaseDoc();
    const seen: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => seen.push(transaction.origin));
    addPerson(doc, { role: 'overig', name: 'Fictieve Buur' });
    setContact(doc, 'vt', { name: 'Test VT' }, anna);
    escalate(doc, { level: 'operationeel', reason: 'Fictief', date: '2026-03-01' }, anna);
    expect(seen).toEqual([origins.userEdit, origins.userEdit, origins.userEdit]);
  });

  it('sort persons victim first and read single parts', () => {
    const { doc } = newCaseDoc();
    addPerson(doc, { role: 'kind', name: 'B Kind' });
    addPerson(doc, { role: 'verdachte', name: 'Fictieve Verdachte' });
    addPerson(doc, { role: 'slachtoffer', name: 'Fictief Slachtoffer' });
    expect(readPersons(doc).map((p) => p.role)).toEqual(['slachtoffer', 'verdachte', 'kind']);
    expect(readRisk(doc).vt).toBeNull();
    expect(readMeasures(doc)).toEqual([]);
    expect(readContacts(doc)).toEqual([]);
    expect(readTimeline(doc)).toEqual([]);
  });
});
