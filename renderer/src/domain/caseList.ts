/**
 * The "Casussen" list: one summary per case (no real names: label, type, risk, open
 * actions, next meeting), with search and filters.
 */
import { isOverdue } from './actionRules';
import { isOpenStatus } from './actionVocabulary';
import { headlineRisk, type CaseBoard } from './caseBoard';
import type { CaseStatus, CaseType, RiskLevel } from './caseVocabulary';
import type { IsoDate } from './dates';
import type { CaseId } from './ids';

/** One row of the case list. */
export interface CaseSummary {
  id: CaseId;
  label: string;
  caseNumber: string;
  type: CaseType | null;
  status: CaseStatus | null;
  risk: RiskLevel | null;
  openActions: number;
  overdueActions: number;
  /** ISO start of the next meeting with this case on its agenda, or null. */
  nextMeeting: string | null;
}

/** Summarises a board for the list; the label stands in for a case whose header is unreadable. */
export function summarizeCase(board: CaseBoard, today: IsoDate, nextMeeting: string | null, fallbackLabel: string): CaseSummary {
  const open = board.actions.filter((action) => isOpenStatus(action.status));
  return {
    id: board.id,
    label: board.meta?.label ?? fallbackLabel,
    caseNumber: board.meta?.caseNumber ?? '',
    type: board.meta?.type ?? null,
    status: board.meta?.status ?? null,
    risk: headlineRisk(board)?.level ?? null,
    openActions: open.length,
    overdueActions: open.filter((action) => isOverdue(action, today)).length,
    nextMeeting,
  };
}

/** Filters of the case list; absent or empty means "any". */
export interface CaseFilter {
  types?: readonly CaseType[];
  statuses?: readonly CaseStatus[];
  risks?: readonly RiskLevel[];
  withOverdueOnly?: boolean;
}

/** Lower case without diacritics, so "Zoë" is found by "zoe". */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Cases whose label or case number contain every word of `query`, passing the filter. */
export function searchCases(cases: readonly CaseSummary[], query: string, filter: CaseFilter = {}): CaseSummary[] {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  const any = <T>(list: readonly T[] | undefined, value: T | null) =>
    list === undefined || list.length === 0 || (value !== null && list.includes(value));
  return cases.filter((summary) => {
    const haystack = normalizeForSearch(`${summary.label} ${summary.caseNumber}`);
    return words.every((word) => haystack.includes(word))
      && any(filter.types, summary.type)
      && any(filter.statuses, summary.status)
      && any(filter.risks, summary.risk)
      && (!filter.withOverdueOnly || summary.overdueActions > 0);
  });
}
