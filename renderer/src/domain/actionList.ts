/** The actions of every case the user may see, as rows for the "Acties" view. */
import type { ActionListItem } from './actionRules';
import type { CaseBoard } from './caseBoard';

/** All actions of `boards` with their case id and pseudonymous label (never names). */
export function collectActions(boards: readonly CaseBoard[], fallbackLabel: string): ActionListItem[] {
  return boards.flatMap((board) =>
    board.actions.map((action) => ({ ...action, caseId: board.id, caseLabel: board.meta?.label ?? fallbackLabel })));
}
