/**
 * Agenda rules of a meeting, as multi-agency practice orders it: the standard item
 * "openstaande acties vorig overleg" first, then cases with children, then the rest.
 * Within each group the chair's manual order holds.
 */
import type { ActionListItem } from './actionRules';
import { daysOverdue, isOverdue } from './actionRules';
import { isOpenStatus } from './actionVocabulary';
import { daysBetween, type IsoDate } from './dates';
import { isId, type CaseId } from './ids';

/** A case not discussed for this many weeks is flagged on the agenda. */
export const NOT_DISCUSSED_THRESHOLD_WEEKS = 8;

/** What the agenda needs to know of a case; null where the user has no access to it. */
export interface AgendaCaseFacts {
  hasChildren: boolean | null;
  /** Date of the last meeting that discussed the case, or null if never. */
  lastDiscussed: IsoDate | null;
  /** Date the case was created (a never-discussed case is flagged once it is this old). */
  createdOn: IsoDate | null;
}

/** Which group of the agenda a case falls in. */
export type AgendaGroup = 'children' | 'other';

/** One row of the ordered agenda. */
export type AgendaEntry =
  | { kind: 'open-actions' }
  | {
    kind: 'case';
    caseId: CaseId;
    group: AgendaGroup;
    /** Whole weeks since last discussed (or since creation when never), null when unknown. */
    weeksSinceDiscussed: number | null;
    /** True when weeksSinceDiscussed reached {@link NOT_DISCUSSED_THRESHOLD_WEEKS}. */
    longNotDiscussed: boolean;
  };

/** The agenda as stored (a Y.Array a peer may have garbled): valid case ids, first occurrence wins. */
export function dedupeAgenda(raw: readonly unknown[]): CaseId[] {
  const seen = new Set<string>();
  const order: CaseId[] = [];
  for (const value of raw) {
    if (!isId('case', value) || seen.has(value)) continue;
    seen.add(value);
    order.push(value);
  }
  return order;
}

function groupOf(facts: AgendaCaseFacts | undefined): AgendaGroup {
  // Unknown (no access) goes with the rest: the order must not reveal who has children.
  return facts?.hasChildren === true ? 'children' : 'other';
}

function weeksSince(facts: AgendaCaseFacts | undefined, today: IsoDate): number | null {
  const since = facts?.lastDiscussed ?? facts?.createdOn ?? null;
  if (since === null) return null;
  return Math.max(0, Math.floor(daysBetween(since, today) / 7));
}

/** Orders the agenda: open-actions item, cases with children, the rest; manual order within groups. */
export function orderAgenda(
  manualOrder: readonly CaseId[],
  facts: ReadonlyMap<CaseId, AgendaCaseFacts>,
  today: IsoDate,
): AgendaEntry[] {
  const cases = dedupeAgenda(manualOrder).map((caseId): AgendaEntry => {
    const caseFacts = facts.get(caseId);
    const weeks = weeksSince(caseFacts, today);
    return {
      kind: 'case',
      caseId,
      group: groupOf(caseFacts),
      weeksSinceDiscussed: weeks,
      longNotDiscussed: weeks !== null && weeks >= NOT_DISCUSSED_THRESHOLD_WEEKS,
    };
  });
  const inGroup = (group: AgendaGroup) => cases.filter((entry) => entry.kind === 'case' && entry.group === group);
  return [{ kind: 'open-actions' }, ...inGroup('children'), ...inGroup('other')];
}

/**
 * The chair moves a case by `delta` places within its group (drag or keyboard); returns
 * the new manual order. Moves past the edge of the group stop there.
 */
export function moveAgendaCase(ordered: readonly AgendaEntry[], caseId: CaseId, delta: number): CaseId[] {
  const cases = ordered.flatMap((entry) => (entry.kind === 'case' ? [entry] : []));
  const moving = cases.find((entry) => entry.caseId === caseId);
  if (!moving) return cases.map((entry) => entry.caseId);
  const group = cases.filter((entry) => entry.group === moving.group).map((entry) => entry.caseId);
  const from = group.indexOf(caseId);
  const to = Math.min(group.length - 1, Math.max(0, from + delta));
  group.splice(from, 1);
  group.splice(to, 0, caseId);
  const others = cases.filter((entry) => entry.group !== moving.group).map((entry) => entry.caseId);
  return moving.group === 'children' ? [...group, ...others] : [...others, ...group];
}

/**
 * The generated item "openstaande acties vorig overleg": the open actions of the cases on
 * the agenda, overdue first (most days first), then by due date.
 */
export function openActionsForAgenda<T extends ActionListItem>(
  actions: readonly T[],
  agenda: readonly CaseId[],
  today: IsoDate,
): (T & { overdue: boolean; daysOverdue: number })[] {
  const onAgenda = new Set<string>(agenda);
  return actions
    .filter((action) => onAgenda.has(action.caseId) && isOpenStatus(action.status))
    .map((action) => ({ ...action, overdue: isOverdue(action, today), daysOverdue: daysOverdue(action, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || daysBetween(b.due, a.due) || (a.id < b.id ? -1 : 1));
}
