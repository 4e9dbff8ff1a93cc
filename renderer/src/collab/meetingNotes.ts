/**
 * Per-agenda-item content, kept in the CASE document under `meetingNotes` (need-to-know:
 * the meeting document goes to every invitee). Each entry: `notes` (rich text),
 * `decisions` (by id) and `withheld` (by org: one note per organisation).
 * Entries are created by `ensureMeetingNotes` (the chair when putting the case on the
 * agenda, or anyone after sync): like plan sections, a nested container created by two
 * peers at once keeps only one of them.
 */
import * as Y from 'yjs';
import type { MeetingNotes, SkippedRecord } from '../domain/caseBoard';
import { decisionSchema, withheldNoteSchema } from '../domain/caseRecords';
import { createId, isId, type DecisionId, type MeetingId } from '../domain/ids';
import { parseLenient, requireValid } from '../domain/validation';
import { caseDoc } from './caseDoc';
import { editTime, type EditContext } from './editContext';
import { CollabError } from './errors';
import { origins } from './origins';
import { nestedMap } from './plainValue';
import { definedFields, readEach } from './recordMap';
import { fragmentToBlocks } from './richText';

/** Creates the entry for `meetingId` if missing; returns it. */
export function ensureMeetingNotes(doc: Y.Doc, meetingId: MeetingId): Y.Map<unknown> {
  const root = caseDoc(doc).meetingNotes;
  const existing = nestedMap(root, meetingId);
  if (existing) {
    doc.transact(() => {
      if (!(existing.get('notes') instanceof Y.XmlFragment)) existing.set('notes', new Y.XmlFragment());
      if (!(existing.get('decisions') instanceof Y.Map)) existing.set('decisions', new Y.Map());
      if (!(existing.get('withheld') instanceof Y.Map)) existing.set('withheld', new Y.Map());
    }, origins.setup);
    return existing;
  }
  const entry = new Y.Map<unknown>();
  entry.set('notes', new Y.XmlFragment());
  entry.set('decisions', new Y.Map());
  entry.set('withheld', new Y.Map());
  doc.transact(() => root.set(meetingId, entry), origins.setup);
  return entry;
}

function part(doc: Y.Doc, meetingId: MeetingId, key: 'decisions' | 'withheld'): Y.Map<unknown> {
  const entry = nestedMap(caseDoc(doc).meetingNotes, meetingId);
  const map = entry ? nestedMap(entry, key) : null;
  if (!map) throw new CollabError('not-ready', `${meetingId}/${key}`);
  return map;
}

/** The notes fragment of this case in `meetingId` (Tiptap binds to it), or null until set up. */
export function meetingNotesFragment(doc: Y.Doc, meetingId: MeetingId): Y.XmlFragment | null {
  const entry = nestedMap(caseDoc(doc).meetingNotes, meetingId);
  const notes = entry?.get('notes');
  return notes instanceof Y.XmlFragment ? notes : null;
}

/** Records a decision (besluit); returns its id. */
export function addDecision(doc: Y.Doc, meetingId: MeetingId, text: string, context: EditContext): DecisionId {
  const id = createId('decision');
  const decision = requireValid(decisionSchema, { id, text, by: context.username, at: editTime(context) });
  const { id: _key, ...stored } = decision;
  const decisions = part(doc, meetingId, 'decisions');
  doc.transact(() => decisions.set(id, stored), origins.userEdit);
  return id;
}

/** Removes a decision. */
export function removeDecision(doc: Y.Doc, meetingId: MeetingId, id: DecisionId): void {
  const decisions = part(doc, meetingId, 'decisions');
  doc.transact(() => decisions.delete(id), origins.userEdit);
}

/** Sets what `org` did not share and why (replaces its earlier note); empty text removes it. */
export function setWithheld(doc: Y.Doc, meetingId: MeetingId, org: string, text: string, context: EditContext): void {
  const withheld = part(doc, meetingId, 'withheld');
  if (text.trim() === '') {
    doc.transact(() => withheld.delete(org), origins.userEdit);
    return;
  }
  const note = requireValid(withheldNoteSchema, { org, text, by: context.username, at: editTime(context) });
  const { org: _key, ...stored } = note;
  doc.transact(() => withheld.set(org, definedFields(stored)), origins.userEdit);
}

/** The meetings this case has notes from, sorted (cheap: reads no notes, decisions or withheld records). */
export function readMeetingNoteIds(doc: Y.Doc): MeetingId[] {
  const ids: MeetingId[] = [];
  for (const [meetingId, value] of caseDoc(doc).meetingNotes.entries()) {
    if (isId('meeting', meetingId) && value instanceof Y.Map) ids.push(meetingId);
  }
  return ids.sort((a, b) => a.localeCompare(b));
}

/** Decisions and withheld notes of one meeting's entry. */
function readRecords(meetingId: MeetingId, value: Y.Map<unknown>, skipped?: SkippedRecord[]): Pick<MeetingNotes, 'decisions' | 'withheld'> {
  const decisions = nestedMap(value, 'decisions');
  const withheld = nestedMap(value, 'withheld');
  return {
    decisions: decisions
      ? readEach(decisions, `meetingNotes/${meetingId}/decisions`, (key, raw) =>
        (isId('decision', key) ? parseLenient(decisionSchema, { ...raw, id: key }, []) : null), skipped)
        .sort((a, b) => a.at.localeCompare(b.at))
      : [],
    withheld: withheld
      ? readEach(withheld, `meetingNotes/${meetingId}/withheld`, (key, raw) =>
        parseLenient(withheldNoteSchema, { ...raw, org: key }, []), skipped)
        .sort((a, b) => a.org.localeCompare(b.org))
      : [],
  };
}

/** Decisions and withheld notes of one meeting about this case (empty lists when it has none). */
export function readMeetingRecords(doc: Y.Doc, meetingId: MeetingId): Pick<MeetingNotes, 'decisions' | 'withheld'> {
  const value = caseDoc(doc).meetingNotes.get(meetingId);
  return value instanceof Y.Map ? readRecords(meetingId, value) : { decisions: [], withheld: [] };
}

/** Everything recorded about this case per meeting. */
export function readMeetingNotes(doc: Y.Doc, skipped?: SkippedRecord[]): MeetingNotes[] {
  const out: MeetingNotes[] = [];
  for (const [meetingId, value] of caseDoc(doc).meetingNotes.entries()) {
    if (!isId('meeting', meetingId) || !(value instanceof Y.Map)) {
      skipped?.push({ part: 'meetingNotes', key: meetingId });
      continue;
    }
    const notes = value.get('notes');
    out.push({
      meetingId,
      notes: notes instanceof Y.XmlFragment ? fragmentToBlocks(notes) : [],
      ...readRecords(meetingId, value, skipped),
    });
  }
  return out.sort((a, b) => a.meetingId.localeCompare(b.meetingId));
}
