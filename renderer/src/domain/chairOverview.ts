/** The chair's overview: per case, the escalations and the overdue actions. */
import { daysOverdue, isOverdue } from './actionRules';
import type { Action } from './actionRecord';
import type { CaseBoard } from './caseBoard';
import type { TimelineEvent } from './caseRecords';
import { daysBetween, type IsoDate } from './dates';
import type { CaseId } from './ids';
import { needsAttention } from './measureExpiry';
import type { Measure } from './caseRecords';

/** What the chair sees of one case. */
export interface ChairCaseOverview {
  caseId: CaseId;
  label: string;
  /** Newest first. */
  escalations: TimelineEvent[];
  overdueActions: (Action & { daysOverdue: number })[];
  measuresNeedingAttention: Measure[];
}

/** The escalations on a board, newest first. */
export function escalationsOf(board: Pick<CaseBoard, 'timeline'>): TimelineEvent[] {
  return board.timeline
    .filter((event) => event.type === 'escalatie')
    .sort((a, b) => daysBetween(a.date, b.date) || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The overview of each board (cases with nothing to report are kept: the chair sees them all). */
export function chairOverview(boards: readonly CaseBoard[], today: IsoDate, fallbackLabel: string): ChairCaseOverview[] {
  return boards.map((board) => ({
    caseId: board.id,
    label: board.meta?.label ?? fallbackLabel,
    escalations: escalationsOf(board),
    overdueActions: board.actions
      .filter((action) => isOverdue(action, today))
      .map((action) => ({ ...action, daysOverdue: daysOverdue(action, today) }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue),
    measuresNeedingAttention: board.measures.filter((measure) => needsAttention(measure, today)),
  }));
}
