/**
 * What the "Casussen" list shows of each case, read from the open documents with the
 * collab accessors: label, number, type, status, headline risk, open actions and the next
 * meeting that has the case on its agenda. Never a person's name.
 */
import type * as Y from 'yjs';
import { readActions } from '../../collab/actions';
import { readAgenda } from '../../collab/agenda';
import { readCaseMeta } from '../../collab/caseHeader';
import { readMeetingMeta } from '../../collab/meetingHeader';
import { readRisk } from '../../collab/risk';
import type { CaseBoard } from '../../domain/caseBoard';
import { summarizeCase, type CaseSummary } from '../../domain/caseList';
import type { IsoDate } from '../../domain/dates';
import type { CaseId } from '../../domain/ids';

/** The upcoming meetings per case: the earliest start (ISO) at or after `now` of a meeting with the case on its agenda. */
export function nextMeetings(meetingDocs: readonly Y.Doc[], now: Date): Map<CaseId, string> {
  const next = new Map<CaseId, string>();
  const from = now.getTime();
  for (const doc of meetingDocs) {
    const meta = readMeetingMeta(doc);
    if (!meta || Date.parse(meta.start) < from) continue;
    for (const caseId of readAgenda(doc)) {
      const known = next.get(caseId);
      if (known === undefined || Date.parse(meta.start) < Date.parse(known)) next.set(caseId, meta.start);
    }
  }
  return next;
}

/**
 * The list row of one case. Only the parts the row needs are read (header, risk,
 * actions): the safety plan and the persons stay untouched.
 */
export function summarizeCaseDoc(id: CaseId, doc: Y.Doc, today: IsoDate, nextMeeting: string | null, fallbackLabel: string): CaseSummary {
  const board: CaseBoard = {
    id,
    meta: readCaseMeta(doc),
    persons: [],
    risk: readRisk(doc),
    measures: [],
    contacts: [],
    timeline: [],
    plan: [],
    actions: readActions(doc),
    meetingNotes: [],
    skipped: [],
  };
  return summarizeCase(board, today, nextMeeting, fallbackLabel);
}

/** A label for a new case: "Casus <year>-<nnn>", one past the highest number of that year among `labels`. */
export function suggestCaseLabel(labels: readonly string[], year: number): { label: string; caseNumber: string } {
  const pattern = new RegExp(`^Casus ${year}-(\\d{3,})$`, 'u');
  const highest = labels.reduce((max, label) => {
    const match = pattern.exec(label.trim());
    return match?.[1] ? Math.max(max, Number(match[1])) : max;
  }, 0);
  const number = `${year}-${String(highest + 1).padStart(3, '0')}`;
  return { label: `Casus ${number}`, caseNumber: `ZVH-${number}` };
}
