/**
 * Meeting + case boards (read from live documents or from frozen copies) → the plain
 * `MinutesData` the PDF documents print. Pure: no network, no Yjs, usable in the
 * browser and in Node (the archive export).
 *
 * What must hold:
 * - persons involved in a case (names, addresses) are never read: the case is printed
 *   by its pseudonymous label, and `pdf/model.ts` has no field a person could go into;
 * - an agenda item's notes, decisions and "niet gedeeld" notes are those recorded for
 *   THIS meeting (`meetingNotes[meetingId]` in the case document);
 * - actions of an item: those agreed in this meeting plus every one still open, each
 *   with its one owner.
 */
import { actionStatuses, isOpenStatus } from '../../domain/actionVocabulary';
import type { CaseBoard } from '../../domain/caseBoard';
import { datePart } from '../../domain/dates';
import type { CaseId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import { meetingTypes } from '../../domain/meetingVocabulary';
import { safetyPlanSections } from '../../domain/safetyPlanSections';
import type { Attendee, MinutesAction, MinutesData, MinutesItem, PersonRef } from '../../pdf/model';
import { caseSummary } from './caseSummary';
import { nameResolver, type MinutesDirectory, type NameResolver } from './directory';
import { MinutesSourceError } from './minutesSourceError';

/** Everything the minutes are made from. */
export interface MinutesSource {
  meeting: Meeting;
  /** The boards of the cases on the agenda (others are ignored). */
  cases: readonly CaseBoard[];
  directory: MinutesDirectory;
  /** Printed in the header, e.g. `Regio Rotterdam-Rijnmond`. */
  region: string;
  /**
   * Agenda cases without a board: `'refuse'` (default) throws `case-missing`; `'skip'`
   * leaves them out (the archive export: approval froze only cases whose room existed).
   */
  missingCases?: 'refuse' | 'skip';
  /**
   * Agenda cases deleted after their retention period, with their case number: printed as an
   * item with only that number and "verwijderd na bewaartermijn" (approved minutes keep them).
   */
  deletedCases?: ReadonlyMap<string, string | null>;
}

/** The label of an agenda item whose case was deleted: its number and why nothing else is left. */
export function deletedCaseLabel(caseNumber: string | null): string {
  return `Casus ${caseNumber ?? '(nummer onbekend)'}: verwijderd na bewaartermijn`;
}

function deletedItem(caseId: CaseId, caseNumber: string | null): MinutesItem {
  return {
    caseId, caseLabel: deletedCaseLabel(caseNumber), deleted: true,
    summary: [], notes: [], decisions: [], safetyPlan: [], actions: [], withheld: [],
  };
}

/** Printed when a meeting has no secretary: the record says so rather than invent one. */
const NO_SECRETARY: PersonRef = { name: 'Niet aangewezen', org: '-', orgName: '-' };

function itemActions(board: CaseBoard, meetingId: string, names: NameResolver): MinutesAction[] {
  return board.actions
    .filter((action) => isOpenStatus(action.status) || (action.source?.kind === 'meeting' && action.source.ref === meetingId))
    .map((action) => {
      const owner = names.person(action.owner, action.ownerOrg);
      return {
        description: action.description,
        ownerName: owner.name,
        // The org stored with the owner (same transaction) is the one the action belongs to.
        ownerOrg: action.ownerOrg,
        ownerOrgName: names.orgName(action.ownerOrg),
        due: action.due,
        statusLabel: actionStatuses.label(action.status, 'nl'),
      };
    });
}

function caseLabel(board: CaseBoard): string {
  if (board.meta?.label) return board.meta.label;
  return board.meta?.caseNumber ? `Casus ${board.meta.caseNumber}` : 'Casus zonder label';
}

function toItem(board: CaseBoard, meeting: Meeting, day: string, names: NameResolver): MinutesItem {
  const recorded = board.meetingNotes.find((entry) => entry.meetingId === meeting.id);
  return {
    caseId: board.id,
    caseLabel: caseLabel(board),
    summary: caseSummary(board, day),
    notes: recorded?.notes ?? [],
    decisions: (recorded?.decisions ?? []).map((decision) => decision.text),
    safetyPlan: board.plan.map((section) => ({
      sectionTitle: safetyPlanSections.label(section.key, 'nl'),
      blocks: section.blocks,
    })),
    actions: itemActions(board, meeting.id, names),
    withheld: (recorded?.withheld ?? []).map((note) => ({ orgName: names.orgName(note.org), text: note.text })),
  };
}

function attendanceOf(meeting: Meeting, names: NameResolver): Attendee[] {
  const invited = new Map(meeting.invitees.map((invitee) => [invitee.username, invitee.org]));
  // Someone marked present without an invitation was there: they are on the list too.
  const usernames = new Set([...invited.keys(), ...Object.keys(meeting.attendance)]);
  const collator = new Intl.Collator('nl', { sensitivity: 'base' });
  return [...usernames]
    .map((username) => ({
      ...names.person(username, invited.get(username)),
      // Not recorded counts as not present: minutes only claim presence that was recorded.
      status: meeting.attendance[username] ?? 'afwezig',
    }))
    .sort((a, b) => collator.compare(a.orgName, b.orgName) || collator.compare(a.name, b.name));
}

/** Assembles the minutes of one meeting; throws `MinutesSourceError` when they cannot be made. */
export function toMinutesData(source: MinutesSource): MinutesData {
  const { meeting } = source;
  const meta = meeting.meta;
  if (!meta) throw new MinutesSourceError('meeting-unreadable', meeting.id);
  const day = datePart(meta.start);
  if (!day) throw new MinutesSourceError('meeting-unreadable', `${meeting.id} start`);
  const names = nameResolver(source.directory);
  const boards = new Map<CaseId, CaseBoard>(source.cases.map((board) => [board.id, board]));
  const items: MinutesItem[] = [];
  for (const caseId of meeting.agenda) {
    const board = boards.get(caseId);
    if (board) items.push(toItem(board, meeting, day, names));
    else if (source.deletedCases?.has(caseId)) items.push(deletedItem(caseId, source.deletedCases.get(caseId) ?? null));
    else if (source.missingCases !== 'skip') throw new MinutesSourceError('case-missing', caseId);
  }
  const approved = meta.status === 'vastgesteld';
  // A concept is the draft of the next version (a reopened meeting keeps its last version number).
  const version = approved ? Math.max(1, meta.version) : meta.version + 1;
  const invitedOrg = (username: string) => meeting.invitees.find((invitee) => invitee.username === username)?.org;
  return {
    documentId: `${meeting.id}/v${version}${approved ? '' : '-concept'}`,
    region: source.region,
    meetingTypeLabel: meetingTypes.label(meta.type, 'nl'),
    start: meta.start,
    location: meta.location ?? '',
    chair: names.person(meta.chair, invitedOrg(meta.chair)),
    secretary: meta.secretary ? names.person(meta.secretary, invitedOrg(meta.secretary)) : NO_SECRETARY,
    attendance: attendanceOf(meeting, names),
    version,
    status: approved ? 'vastgesteld' : 'concept',
    approvedAt: approved ? (meta.approvedAt ?? null) : null,
    approvedBy: approved && meta.approvedBy ? names.person(meta.approvedBy).name : null,
    organisations: source.directory.orgs.map((org) => ({ id: org.id, name: org.name })),
    items,
  };
}
