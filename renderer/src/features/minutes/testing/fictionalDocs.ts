/**
 * A fictional meeting with two cases, written through the collab accessors into real
 * Y.Docs (for tests). Every name is invented; persons carry names and an address on
 * purpose, so tests can prove neither ever reaches minutes.
 */
import * as Y from 'yjs';
import { createAction } from '../../../collab/actions';
import { addToAgenda } from '../../../collab/agenda';
import { initCaseDoc } from '../../../collab/caseHeader';
import { setContact } from '../../../collab/contacts';
import { addMeasure } from '../../../collab/measures';
import { initMeetingDoc } from '../../../collab/meetingHeader';
import { addDecision, ensureMeetingNotes, meetingNotesFragment, setWithheld } from '../../../collab/meetingNotes';
import { invite, setAttendance } from '../../../collab/participants';
import { addPerson } from '../../../collab/persons';
import { appendBlocks } from '../../../collab/richText';
import { setRiskAssessment } from '../../../collab/risk';
import { planFragment } from '../../../collab/safetyPlan';
import { origins } from '../../../collab/origins';
import { createId, type CaseId, type MeetingId } from '../../../domain/ids';
import type { MinutesDirectory } from '../directory';

/** A plan passage marked "Nooit exporteren": on screen for those who may open the case, in no export. */
export const NEVER_EXPORT_PASSAGE = 'Opvang op een geheim adres aan de Schuilweg (fictief).';

/** Names that must never appear in any export. */
export const PERSON_SECRETS = ['Xaviera Verzonnen-Fictief', 'Yorick Bedacht', 'Fictiefstraat 13'] as const;

/** The fictional directory of the tests. */
export const testDirectory: MinutesDirectory = {
  orgs: [
    { id: 'zvh', name: 'Zorg- en Veiligheidshuis Fictief' },
    { id: 'vt', name: 'Veilig Thuis Fictief' },
    { id: 'politie', name: 'Politie Fictief' },
    { id: 'rn', name: 'Reclassering Fictief' },
  ],
  users: [
    { username: 'pim.proef', name: 'Pim Proef', org: 'zvh' },
    { username: 'sanne.secretaris', name: 'Sanne Secretaris-Bĳl', org: 'zvh' },
    { username: 'vera.vt', name: 'Vera Veilig', org: 'vt' },
    { username: 'kees.politie', name: 'Kees Kordaat', org: 'politie' },
    { username: 'rik.rn', name: 'Rik Reclasseerder', org: 'rn' },
  ],
};

const at = (iso: string) => ({ now: () => new Date(iso) });

/** Writes one fictional case with notes for `meetingId`; returns its doc. */
function fictionalCase(meetingId: MeetingId, label: string, other: boolean): Y.Doc {
  const doc = new Y.Doc();
  const chair = { username: 'pim.proef', ...at('2026-03-01T09:00:00Z') };
  initCaseDoc(doc, { label, caseNumber: other ? 'ZVH-2026-002' : 'ZVH-2026-001', type: 'ex-partnerstalking', status: 'in-behandeling', procesregisseur: 'pim.proef' }, chair);
  addPerson(doc, { role: 'slachtoffer', name: PERSON_SECRETS[0], address: PERSON_SECRETS[2], knownBy: ['vt'] });
  addPerson(doc, { role: 'verdachte', name: PERSON_SECRETS[1] });
  setRiskAssessment(doc, 'sash', { level: 'hoog', date: '2026-02-20' }, { username: 'kees.politie' });
  addMeasure(doc, { kind: 'contactverbod', start: '2026-01-10', end: '2026-03-15' }, chair);
  addMeasure(doc, { kind: 'aware', start: '2026-02-01', end: null }, chair);
  setContact(doc, 'politie', { name: 'Kees Kordaat', username: 'kees.politie', function: 'casusregisseur' }, chair);
  const plan = planFragment(doc, 'situatie-en-risico');
  const signs = planFragment(doc, 'signalen-en-wie-wat-doet');
  if (!plan || !signs) throw new Error('plan sections missing');
  doc.transact(() => {
    appendBlocks(plan, [
      { kind: 'paragraph', runs: [{ text: 'Hoog risico na breuk; ' }, { text: 'dreigende berichten', bold: true }, { text: '.' }] },
      { kind: 'paragraph', runs: [{ text: NEVER_EXPORT_PASSAGE }], neverExport: true },
    ]);
    appendBlocks(signs, [{ kind: 'list', ordered: false, items: [[{ text: 'Verschijnen bij school: politie rijdt met voorrang aan.' }]] }]);
  }, origins.userEdit);
  ensureMeetingNotes(doc, meetingId);
  const notes = meetingNotesFragment(doc, meetingId);
  if (!notes) throw new Error('notes missing');
  doc.transact(() => appendBlocks(notes, [{ kind: 'paragraph', runs: [{ text: `Besproken in het overleg (${label}).` }] }]), origins.userEdit);
  addDecision(doc, meetingId, other ? 'Reclassering adviseert over een enkelband.' : 'Politie meldt elke overtreding direct aan het OM.', chair);
  setWithheld(doc, meetingId, 'rn', 'Informatie uit een lopend onderzoek kan nu niet worden gedeeld.', chair);
  createAction(doc, { description: other ? 'Advies enkelband opstellen' : 'Overtredingen bundelen voor het OM', owner: other ? 'rik.rn' : 'kees.politie', ownerOrg: other ? 'rn' : 'politie', due: '2026-03-20', source: { kind: 'meeting', ref: meetingId } }, chair);
  const doneId = createAction(doc, { description: 'Oude afgeronde actie (niet in dit overleg)', owner: 'vera.vt', ownerOrg: 'vt', due: '2026-01-05' }, chair);
  doc.transact(() => {
    const action = doc.getMap('actions').get(doneId);
    if (action instanceof Y.Map) action.set('status', 'gedaan');
  }, origins.userEdit);
  return doc;
}

/** A fictional meeting (concept) with two cases on its agenda. */
export interface FictionalMeeting {
  meetingId: MeetingId;
  meetingDoc: Y.Doc;
  cases: Map<CaseId, Y.Doc>;
}

/** Builds the meeting and its cases. */
export function fictionalMeeting(): FictionalMeeting {
  const meetingId = createId('meeting');
  const meetingDoc = new Y.Doc();
  initMeetingDoc(meetingDoc, { type: 'themakamer', start: '2026-03-12T09:30:00+01:00', location: 'Zaal IJssel (fictief)', chair: 'pim.proef', secretary: 'sanne.secretaris' }, { username: 'pim.proef' });
  invite(meetingDoc, { username: 'pim.proef', org: 'zvh', role: 'procesregisseur' });
  invite(meetingDoc, { username: 'sanne.secretaris', org: 'zvh', role: 'secretaris' });
  invite(meetingDoc, { username: 'vera.vt', org: 'vt', role: 'deelnemer' });
  invite(meetingDoc, { username: 'kees.politie', org: 'politie', role: 'deelnemer' });
  invite(meetingDoc, { username: 'rik.rn', org: 'rn', role: 'deelnemer' });
  setAttendance(meetingDoc, 'pim.proef', 'aanwezig');
  setAttendance(meetingDoc, 'sanne.secretaris', 'aanwezig');
  setAttendance(meetingDoc, 'vera.vt', 'aanwezig');
  setAttendance(meetingDoc, 'kees.politie', 'afgemeld');
  const cases = new Map<CaseId, Y.Doc>();
  for (const [label, other] of [['Casus Kievit', false], ['Casus Grutto', true]] as const) {
    const caseId = createId('case');
    cases.set(caseId, fictionalCase(meetingId, label, other));
    addToAgenda(meetingDoc, caseId);
  }
  return { meetingId, meetingDoc, cases };
}

/**
 * What the server's approval endpoint writes into the meeting doc (docs/design.md,
 * "Approval and frozen copies"); for unit tests that run without a server.
 */
export function approveLikeServer(doc: Y.Doc, approvedBy = 'pim.proef', approvedAt = '2026-03-12T12:00:00.000Z'): void {
  const meta = doc.getMap('meta');
  const previous = meta.get('version');
  doc.transact(() => {
    meta.set('status', 'vastgesteld');
    meta.set('approvedAt', approvedAt);
    meta.set('approvedBy', approvedBy);
    meta.set('version', (typeof previous === 'number' ? previous : 0) + 1);
  });
}
