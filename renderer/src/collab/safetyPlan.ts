/**
 * The safety plan: one Y.XmlFragment per section under `plan`. Tiptap's Collaboration
 * extension binds to `planFragment(doc, key)`. Fragments are created only by
 * `ensurePlanSections` (the creator, or after the first sync): two peers creating the
 * same section concurrently would leave one fragment and lose the other's text.
 */
import * as Y from 'yjs';
import type { SafetyPlanSectionContent } from '../domain/caseBoard';
import { blocksToPlainText } from '../domain/richText';
import { safetyPlanSections, type SafetyPlanSectionKey } from '../domain/safetyPlanSections';
import { caseDoc } from './caseDoc';
import { origins } from './origins';
import { fragmentToBlocks } from './richText';

/** The fragment of one section, or null when the document does not hold it (yet). */
export function planFragment(doc: Y.Doc, key: SafetyPlanSectionKey): Y.XmlFragment | null {
  const value = caseDoc(doc).plan.get(key);
  return value instanceof Y.XmlFragment ? value : null;
}

/** Creates the sections that are missing; call at creation or once the room has synced. */
export function ensurePlanSections(doc: Y.Doc): void {
  doc.transact(() => {
    const plan = caseDoc(doc).plan;
    for (const key of safetyPlanSections.values) {
      if (!(plan.get(key) instanceof Y.XmlFragment)) plan.set(key, new Y.XmlFragment());
    }
  }, origins.setup);
}

/** The plan as plain blocks and text, in section order (missing sections left out). */
export function readSafetyPlan(doc: Y.Doc): SafetyPlanSectionContent[] {
  return safetyPlanSections.values.flatMap((key) => {
    const fragment = planFragment(doc, key);
    if (!fragment) return [];
    const blocks = fragmentToBlocks(fragment);
    return [{ key, blocks, text: blocksToPlainText(blocks) }];
  });
}
