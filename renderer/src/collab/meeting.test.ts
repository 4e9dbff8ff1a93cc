import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createId, type CaseId } from '../domain/ids';
import { moveAgendaCase, orderAgenda } from '../domain/agenda';
import { addToAgenda, readAgenda, removeFromAgenda, setAgendaOrder } from './agenda';
import { onCurrentItemChange, readLive, setCurrentItem } from './live';
import { meetingDoc } from './meetingDoc';
import { initMeetingDoc, readMeetingMeta, updateMeetingMeta } from './meetingHeader';
import { origins } from './origins';
import { confirmConfidentiality, invite, readAttendance, setAttendance, uninvite } from './participants';
import { createDocSelection, type ScopedSelector } from './docSelection';
import { meetingParts, readMeeting, type MeetingPart } from './readMeeting';
import { anna, bram, syncBoth, syncInto } from './testing/fixtures';

function newMeeting() {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { type: 'themakamer', start: '2026-03-12T09:00:00.000Z', location: 'Zaal 1 (fictief)', chair: 'test.anna', secretary: 'test.sec' }, anna);
  return { doc, id: createId('meeting') };
}

describe('meeting accessors', () => {
  it('set up a concept meeting and read it whole', () => {
    const { doc, id } = newMeeting();
    invite(doc, { username: 'test.bram', org: 'politie', role: 'deelnemer' });
    invite(doc, { username: 'test.anna', org: 'zvh', role: 'procesregisseur' });
    setAttendance(doc, 'test.bram', 'afgemeld');
    const caseId = createId('case');
    addToAgenda(doc, caseId);
    addToAgenda(doc, caseId);
    const meeting = readMeeting(doc, id);
    expect(meeting.meta).toMatchObject({ type: 'themakamer', status: 'concept', version: 0, chair: 'test.anna', createdBy: 'test.anna' });
    expect(meeting.invitees.map((i) => i.username)).toEqual(['test.anna', 'test.bram']);
    expect(meeting.attendance).toEqual({ 'test.bram': 'afgemeld' });
    expect(meeting.agenda).toEqual([caseId]);
    expect(meeting.live).toEqual({ currentItem: null, itemStartedAt: null, startedAt: null });
    expect(meeting.skipped).toEqual([]);
    updateMeetingMeta(doc, { location: 'Online (fictief)' });
    expect(readMeetingMeta(doc)?.location).toBe('Online (fictief)');
    expect(() => updateMeetingMeta(doc, { chair: '' })).toThrow(expect.objectContaining({ code: 'username-invalid' }));
  });

  it('record the confidentiality confirmation once, with its time', () => {
    const { doc, id } = newMeeting();
    const first = confirmConfidentiality(doc, { username: 'test.bram', now: () => new Date('2026-03-12T09:01:00.000Z') });
    const again = confirmConfidentiality(doc, { username: 'test.bram', now: () => new Date('2026-03-12T09:30:00.000Z') });
    expect(again).toBe(first);
    expect(readMeeting(doc, id).confidentiality).toEqual({ 'test.bram': '2026-03-12T09:01:00.000Z' });
    uninvite(doc, 'test.bram');
    expect(readMeeting(doc, id).confidentiality).toEqual({});
  });

  it('store the chair’s order so that domain ordering and moves round-trip', () => {
    const { doc } = newMeeting();
    const [a, b, c] = [createId('case'), createId('case'), createId('case')] as [CaseId, CaseId, CaseId];
    [a, b, c].forEach((id) => addToAgenda(doc, id));
    const facts = new Map([[c, { hasChildren: true, lastDiscussed: null, createdOn: '2026-03-01' }]]);
    const ordered = orderAgenda(readAgenda(doc), facts, '2026-03-12');
    setAgendaOrder(doc, moveAgendaCase(ordered, b, -1));
    expect(readAgenda(doc)).toEqual([c, b, a]);
    removeFromAgenda(doc, b);
    expect(readAgenda(doc)).toEqual([c, a]);
  });

  it('keep a case added concurrently while the chair reorders', () => {
    const { doc: chair } = newMeeting();
    const [a, b, late] = [createId('case'), createId('case'), createId('case')] as [CaseId, CaseId, CaseId];
    addToAgenda(chair, a);
    addToAgenda(chair, b);
    const secretary = new Y.Doc();
    syncInto(chair, secretary);
    setAgendaOrder(chair, [b, a]);
    addToAgenda(secretary, late);
    syncBoth(chair, secretary);
    expect(readAgenda(chair)).toEqual(readAgenda(secretary));
    expect(new Set(readAgenda(chair))).toEqual(new Set([a, b, late]));
    expect(readAgenda(chair).indexOf(b)).toBeLessThan(readAgenda(chair).indexOf(a));
  });

  it('let followers see the current item while the chair ignores its own change', () => {
    const { doc: chair } = newMeeting();
    const follower = new Y.Doc();
    syncInto(chair, follower);
    const caseId = createId('case');
    const chairSaw: unknown[] = [];
    const followerSaw: unknown[] = [];
    const stopChair = onCurrentItemChange(chair, (live) => chairSaw.push(live.currentItem));
    const stopFollower = onCurrentItemChange(follower, (live) => followerSaw.push(live.currentItem));
    setCurrentItem(chair, 'open-actions', { username: 'test.anna', now: () => new Date('2026-03-12T09:05:00.000Z') });
    syncInto(chair, follower);
    setCurrentItem(chair, caseId, { username: 'test.anna', now: () => new Date('2026-03-12T09:20:00.000Z') });
    syncInto(chair, follower);
    expect(chairSaw).toEqual([]);
    expect(followerSaw).toEqual(['open-actions', caseId]);
    expect(readLive(follower)).toEqual({ currentItem: caseId, itemStartedAt: '2026-03-12T09:20:00.000Z', startedAt: '2026-03-12T09:05:00.000Z' });
    stopChair();
    stopFollower();
    setCurrentItem(chair, 'open-actions', bram);
    syncInto(chair, follower);
    expect(followerSaw).toHaveLength(2);
    expect(() => setCurrentItem(chair, 'case:BAD' as CaseId, anna)).toThrow(expect.objectContaining({ code: 'id-invalid' }));
  });

  it('skip malformed peer entries instead of crashing', () => {
    const { doc, id } = newMeeting();
    const roots = meetingDoc(doc);
    doc.transact(() => {
      roots.invitees.set('Not A User', { org: 'vt', role: 'deelnemer' });
      roots.invitees.set('test.ok', { org: 'vt', role: 'koning' });
      roots.attendance.set('test.ok', 'misschien');
      roots.confidentiality.set('test.ok', 12);
      roots.agenda.push(['case:BAD', 42, null]);
      roots.live.set('currentItem', { evil: true });
      roots.meta.set('version', 'twee');
    }, origins.userEdit);
    const meeting = readMeeting(doc, id);
    expect(meeting.invitees).toEqual([]);
    expect(readAttendance(doc)).toEqual({});
    expect(meeting.agenda).toEqual([]);
    expect(meeting.live.currentItem).toBeNull();
    expect(meeting.meta).toBeNull();
    expect(meeting.skipped.map((s) => s.part).sort()).toEqual(['attendance', 'confidentiality', 'invitees', 'invitees']);
  });

  it('read its parts apart as readMeeting does; the chair moving on leaves the other parts untouched', () => {
    const { doc, id } = newMeeting();
    invite(doc, { username: 'test.bram', org: 'politie', role: 'deelnemer' });
    setAttendance(doc, 'test.bram', 'aanwezig');
    doc.transact(() => meetingDoc(doc).invitees.set('Geen Gebruikersnaam!', { org: 'x' }), origins.userEdit);
    const caseId = createId('case');
    addToAgenda(doc, caseId);
    const whole = readMeeting(doc, id);
    const parts = Object.fromEntries(Object.entries(meetingParts).map(([key, selector]) => [key, selector(doc)]));
    for (const key of ['meta', 'invitees', 'attendance', 'confidentiality', 'agenda', 'live'] as const) {
      expect(parts[key]?.value).toEqual(whole[key]);
    }
    expect(Object.values(parts).flatMap((part) => part.skipped)).toEqual(whole.skipped);
    expect(whole.skipped).not.toEqual([]);

    const entries = Object.entries(meetingParts) as [string, ScopedSelector<MeetingPart<unknown>>][];
    const selections = entries.map(([key, selector]) => ({ key, selection: createDocSelection(doc, selector) }));
    const notified: string[] = [];
    selections.forEach(({ key, selection }) => selection.subscribe(() => notified.push(key)));
    const invitees = selections.find((entry) => entry.key === 'invitees')?.selection.getSnapshot();
    setCurrentItem(doc, caseId, { username: 'test.anna', now: () => new Date('2026-03-12T09:20:00.000Z') });
    expect(notified).toEqual(['live']);
    expect(selections.find((entry) => entry.key === 'invitees')?.selection.getSnapshot()).toBe(invitees);
  });
});
