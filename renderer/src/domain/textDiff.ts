/**
 * Line differences between two versions of a text: "what changed since approval" and
 * the history view side by side with today. A plain LCS over lines: plan sections are
 * short, so quadratic time is fine and the result is easy to read.
 */
import type { SafetyPlanSectionContent } from './caseBoard';
import type { SafetyPlanSectionKey } from './safetyPlanSections';
import { safetyPlanSections } from './safetyPlanSections';

/** One line of a diff. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Longest lines diffed in full; beyond this both versions are shown as removed/added. */
export const MAX_DIFF_LINES = 2000;

/** The lines of `after` against `before`, removed lines before the added ones that replace them. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) {
    return [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))];
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ kind: 'removed', text: a[i]! });
      i++;
    } else {
      out.push({ kind: 'added', text: b[j]! });
      j++;
    }
  }
  return out;
}

/** The difference of one plan section. */
export interface SectionDiff {
  key: SafetyPlanSectionKey;
  changed: boolean;
  lines: DiffLine[];
}

/** Section by section, in plan order: what changed between two versions of the plan. */
export function diffSafetyPlan(before: readonly SafetyPlanSectionContent[], after: readonly SafetyPlanSectionContent[]): SectionDiff[] {
  const text = (plan: readonly SafetyPlanSectionContent[], key: SafetyPlanSectionKey) => plan.find((s) => s.key === key)?.text ?? '';
  return safetyPlanSections.values.map((key) => {
    const lines = diffLines(text(before, key), text(after, key));
    return { key, changed: lines.some((line) => line.kind !== 'same'), lines };
  });
}
