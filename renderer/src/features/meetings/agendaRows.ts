/**
 * The agenda as this user sees it: the standard open-actions item first, then cases
 * with children, then the rest (domain/agenda), each case either with its pseudonymous
 * label or — when the user has no room for it — as a restricted item with no label and
 * no facts at all. The meeting document only holds case ids; nothing of a restricted case
 * is read or derived here beyond its position.
 */
import { orderAgenda, type AgendaCaseFacts, type AgendaGroup } from '../../domain/agenda';
import type { CaseBoard } from '../../domain/caseBoard';
import { toIsoDate } from '../../domain/dates';
import type { CaseId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import { OPEN_ACTIONS_ITEM } from '../../domain/meetingRecords';
import { agendaFactsFor } from '../../domain/meetingSchedule';
import type { AgendaItemKey } from './followState';

/** One row of the agenda. `position` counts from 1 in the order shown. */
export type AgendaRow =
  | { kind: 'open-actions'; key: typeof OPEN_ACTIONS_ITEM; position: number }
  | {
    kind: 'case';
    key: CaseId;
    position: number;
    /** Null while the case document has no header yet (syncing). */
    label: string | null;
    group: AgendaGroup;
    weeksSinceDiscussed: number | null;
    longNotDiscussed: boolean;
  }
  | { kind: 'restricted'; key: CaseId; position: number };

/** What the rows are computed from. */
export interface AgendaRowInput {
  /** The chair's order as stored (readAgenda). */
  order: readonly CaseId[];
  /** Whether the user has the case room (need-to-know). */
  canOpen(caseId: CaseId): boolean;
  /** Boards of the cases the user can open (loaded so far). */
  boards: ReadonlyMap<CaseId, CaseBoard>;
  /** Every meeting the user can see, for "last discussed". */
  meetings: readonly Pick<Meeting, 'agenda' | 'meta'>[];
  now: Date;
}

/** The rows in display order. */
export function agendaRows({ order, canOpen, boards, meetings, now }: AgendaRowInput): AgendaRow[] {
  const nowIso = now.toISOString();
  const facts = new Map<CaseId, AgendaCaseFacts>();
  for (const caseId of order) {
    const board = canOpen(caseId) ? boards.get(caseId) : undefined;
    if (board) facts.set(caseId, agendaFactsFor(caseId, board, meetings, nowIso));
  }
  return orderAgenda(order, facts, toIsoDate(now)).map((entry, index): AgendaRow => {
    const position = index + 1;
    if (entry.kind === 'open-actions') return { kind: 'open-actions', key: OPEN_ACTIONS_ITEM, position };
    if (!canOpen(entry.caseId)) return { kind: 'restricted', key: entry.caseId, position };
    const board = boards.get(entry.caseId);
    return {
      kind: 'case',
      key: entry.caseId,
      position,
      label: board?.meta?.label ?? null,
      group: entry.group,
      weeksSinceDiscussed: board ? entry.weeksSinceDiscussed : null,
      longNotDiscussed: board ? entry.longNotDiscussed : false,
    };
  });
}

/** The keys in display order (what "Volgend punt" steps through). */
export function rowKeys(rows: readonly AgendaRow[]): AgendaItemKey[] {
  return rows.map((row) => row.key);
}
