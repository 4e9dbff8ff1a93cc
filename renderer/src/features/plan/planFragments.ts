/** Which plan sections a case document holds, as a stable selection for React. */
import type * as Y from 'yjs';
import { planFragment } from '../../collab/safetyPlan';
import { safetyPlanSections, type SafetyPlanSectionKey } from '../../domain/safetyPlanSections';

/** One section and its fragment (null until the document holds it). */
export interface PlanSectionSlot {
  key: SafetyPlanSectionKey;
  fragment: Y.XmlFragment | null;
}

/** Every section in plan order with its fragment. Pure read; runs after each doc change. */
export function selectPlanSections(doc: Y.Doc): PlanSectionSlot[] {
  return safetyPlanSections.values.map((key) => ({ key, fragment: planFragment(doc, key) }));
}

/** Same sections bound to the same fragments (identity: a replaced fragment is a new editor). */
export function samePlanSections(a: readonly PlanSectionSlot[], b: readonly PlanSectionSlot[]): boolean {
  return a.length === b.length && a.every((slot, index) => slot.key === b[index]?.key && slot.fragment === b[index]?.fragment);
}
