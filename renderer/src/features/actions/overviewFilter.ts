/**
 * The Acties view's filter as the user sets it, turned into the domain's filter, and the
 * rows it shows: filtered, then "mine first" (overdue first within each group).
 */
import { filterActions, sortMineFirst, type ActionFilter, type ActionListItem } from '../../domain/actionRules';
import { actionStatuses, openActionStatuses } from '../../domain/actionVocabulary';
import type { IsoDate } from '../../domain/dates';

/** Status choice: all outstanding (open, bezig), every status, or one. */
export type StatusChoice = 'outstanding' | 'all' | (typeof actionStatuses.values)[number];

/** What the filter controls hold ('' = any). */
export interface OverviewFilter {
  /** '' any, or a username. */
  owner: string;
  /** '' any, or an organisation id. */
  org: string;
  status: StatusChoice;
  overdueOnly: boolean;
}

/** The filter when the view opens: what still has to be done, by anyone. */
export const defaultOverviewFilter: OverviewFilter = { owner: '', org: '', status: 'outstanding', overdueOnly: false };

/** The domain filter for a view filter. */
export function toActionFilter(filter: OverviewFilter): ActionFilter {
  return {
    ...(filter.owner ? { owner: filter.owner } : {}),
    ...(filter.org ? { org: filter.org } : {}),
    ...(filter.status === 'outstanding' ? { statuses: openActionStatuses }
      : filter.status === 'all' ? {}
        : { statuses: [filter.status] }),
    ...(filter.overdueOnly ? { overdueOnly: true } : {}),
  };
}

/** The rows shown: filtered, mine first. */
export function overviewRows<T extends ActionListItem>(items: readonly T[], filter: OverviewFilter, me: string, today: IsoDate): T[] {
  return sortMineFirst(filterActions(items, toActionFilter(filter), today), me);
}

/** True when `value` is a status choice (from a select element). */
export function isStatusChoice(value: string): value is StatusChoice {
  return value === 'outstanding' || value === 'all' || actionStatuses.is(value);
}
