/** Overdue actions, and the "Acties" view: filters and "mine first" ordering. */
import type { Action } from './actionRecord';
import { isOpenStatus, type ActionStatus } from './actionVocabulary';
import { daysBetween, type IsoDate } from './dates';
import type { CaseId } from './ids';

/** True when an open action's due date has passed (the due day itself is not overdue). */
export function isOverdue(action: Pick<Action, 'due' | 'status'>, today: IsoDate): boolean {
  return isOpenStatus(action.status) && daysBetween(action.due, today) > 0;
}

/** Days past the due date for an overdue action; 0 otherwise. */
export function daysOverdue(action: Pick<Action, 'due' | 'status'>, today: IsoDate): number {
  return isOverdue(action, today) ? daysBetween(action.due, today) : 0;
}

/** An action in a cross-case list: with the case it belongs to (pseudonymous label only). */
export interface ActionListItem extends Action {
  caseId: CaseId;
  caseLabel: string;
  /** The case number when the case has one (Mijn acties shows it next to the label). */
  caseNumber?: string | null;
}

/** Filters of the "Acties" view; absent means "any". */
export interface ActionFilter {
  owner?: string;
  org?: string;
  statuses?: readonly ActionStatus[];
  overdueOnly?: boolean;
  caseId?: CaseId;
}

/** The actions that pass every filter that is set. */
export function filterActions<T extends ActionListItem>(items: readonly T[], filter: ActionFilter, today: IsoDate): T[] {
  return items.filter((item) =>
    (filter.owner === undefined || item.owner === filter.owner)
    && (filter.org === undefined || item.ownerOrg === filter.org)
    && (filter.statuses === undefined || filter.statuses.length === 0 || filter.statuses.includes(item.status))
    && (!filter.overdueOnly || isOverdue(item, today))
    && (filter.caseId === undefined || item.caseId === filter.caseId));
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * "Mine first": my actions, then the rest; in each group open before closed, then by due
 * date (so the most overdue come first), then by description and id for a stable order.
 */
export function sortMineFirst<T extends Action>(items: readonly T[], me: string): T[] {
  const rank = (item: T) => (item.owner === me ? 0 : 2) + (isOpenStatus(item.status) ? 0 : 1);
  return [...items].sort((a, b) =>
    rank(a) - rank(b)
    || daysBetween(b.due, a.due)
    || collator.compare(a.description, b.description)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
