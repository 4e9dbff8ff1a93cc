/**
 * Writes the demo's case and meeting documents through the collab accessors (the same
 * functions the app's components use), each write tagged with its origin.
 */
import type * as Y from 'yjs';
import { createAction, setActionStatus } from '../../renderer/src/collab/actions';
import { addToAgenda } from '../../renderer/src/collab/agenda';
import { initCaseDoc } from '../../renderer/src/collab/caseHeader';
import { setContact } from '../../renderer/src/collab/contacts';
import type { EditContext } from '../../renderer/src/collab/editContext';
import { addMeasure } from '../../renderer/src/collab/measures';
import { initMeetingDoc } from '../../renderer/src/collab/meetingHeader';
import { addDecision, ensureMeetingNotes, meetingNotesFragment, setWithheld } from '../../renderer/src/collab/meetingNotes';
import { origins } from '../../renderer/src/collab/origins';
import { confirmConfidentiality, invite, setAttendance } from '../../renderer/src/collab/participants';
import { addPerson } from '../../renderer/src/collab/persons';
import { appendBlocks } from '../../renderer/src/collab/richText';
import { setRiskAssessment } from '../../renderer/src/collab/risk';
import { planFragment } from '../../renderer/src/collab/safetyPlan';
import { addTimelineEvent, escalate } from '../../renderer/src/collab/timeline';
import { riskAssessmentKinds } from '../../renderer/src/domain/caseVocabulary';
import type { CaseId, MeetingId } from '../../renderer/src/domain/ids';
import type { DemoCase } from './cases';
import type { DemoClock } from './dates';
import type { DemoMeeting } from './meetings';
import { demoUsers, orgOf } from './region';

/** An edit by `username` at a demo time (records carry who and when). */
const by = (username: string, clock: DemoClock, offset: number): EditContext => ({ username, now: () => new Date(clock.at(offset, '10:00')) });

/** Fills a new case document; `pastMeetingId` is where "agreed in the meeting" actions point. */
export function writeCase(doc: Y.Doc, demo: DemoCase, clock: DemoClock, chair: string, pastMeetingId: MeetingId): void {
  const created = Math.min(-30, ...demo.timeline.map((event) => event.offset));
  initCaseDoc(doc, { label: demo.label, caseNumber: demo.caseNumber, type: demo.type, status: demo.status, municipality: demo.municipality, procesregisseur: chair }, by(chair, clock, created));
  for (const person of demo.persons) addPerson(doc, person);
  for (const kind of riskAssessmentKinds.values) {
    const risk = demo.risk[kind];
    if (risk) setRiskAssessment(doc, kind, { level: risk.level, date: clock.day(risk.offset), note: risk.note }, by(risk.by, clock, risk.offset));
  }
  for (const measure of demo.measures) {
    addMeasure(doc, { kind: measure.kind, start: clock.day(measure.start), end: measure.end === null ? null : clock.day(measure.end), note: measure.note }, by(measure.by, clock, measure.start));
  }
  for (const contact of demo.contacts) {
    const { org, ...input } = contact;
    setContact(doc, org, input, by(chair, clock, created));
  }
  for (const event of demo.timeline) {
    const context = by(event.by, clock, event.offset);
    if (event.type === 'escalatie' && event.level) escalate(doc, { level: event.level, reason: event.text, date: clock.day(event.offset) }, context);
    else addTimelineEvent(doc, { date: clock.day(event.offset), type: event.type, text: event.text }, context);
  }
  doc.transact(() => {
    for (const [key, blocks] of Object.entries(demo.plan)) {
      const fragment = planFragment(doc, key as Parameters<typeof planFragment>[1]);
      if (!fragment || !blocks) throw new Error(`plan section ${key} missing`);
      appendBlocks(fragment, blocks);
    }
  }, origins.userEdit);
  for (const action of demo.actions) {
    const source = action.source === 'past-meeting' ? { kind: 'meeting' as const, ref: pastMeetingId }
      : action.source ? { kind: 'section' as const, ref: action.source.section } : null;
    const id = createAction(doc, { description: action.description, owner: action.owner, ownerOrg: orgOf(action.owner), due: clock.day(action.due), source }, by(chair, clock, action.due - 14));
    if (action.status !== 'open') setActionStatus(doc, id, action.status);
  }
}

/** Records a meeting's notes, decisions and withheld notes in one case document. */
export function writeItemNotes(doc: Y.Doc, meeting: DemoMeeting, meetingId: MeetingId, caseKey: string, clock: DemoClock): void {
  ensureMeetingNotes(doc, meetingId);
  const item = meeting.items[caseKey];
  if (!item) return;
  const fragment = meetingNotesFragment(doc, meetingId);
  if (!fragment) throw new Error('meeting notes missing');
  doc.transact(() => appendBlocks(fragment, item.notes), origins.userEdit);
  const secretary = by(meeting.secretary, clock, meeting.day);
  for (const decision of item.decisions) addDecision(doc, meetingId, decision, secretary);
  for (const note of item.withheld ?? []) setWithheld(doc, meetingId, note.org, note.text, secretary);
}

/** Fills a new meeting document: header, invitees, attendance, confidentiality, agenda. */
export function writeMeeting(doc: Y.Doc, meeting: DemoMeeting, agenda: readonly CaseId[], clock: DemoClock): void {
  initMeetingDoc(doc, {
    type: meeting.type, start: clock.at(meeting.day, meeting.time), location: meeting.location,
    videoLink: meeting.videoLink, chair: meeting.chair, secretary: meeting.secretary,
  }, by(meeting.chair, clock, meeting.day - 10));
  for (const username of meeting.invitees) {
    const user = demoUsers.find((candidate) => candidate.username === username);
    if (!user) throw new Error(`not a demo user: ${username}`);
    invite(doc, { username, org: user.org, role: user.role });
  }
  for (const [username, status] of Object.entries(meeting.attendance)) {
    setAttendance(doc, username, status);
    if (status === 'aanwezig') confirmConfidentiality(doc, by(username, clock, meeting.day));
  }
  for (const caseId of agenda) addToAgenda(doc, caseId);
}
