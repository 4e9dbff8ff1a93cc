import type { ActionRow, MinutesData, MinutesItem, RichBlock } from './model';

/** Decides whether an organisation may know a case (need-to-know, from the case room's grants). */
export type CanKnow = (caseId: string, orgId: string) => boolean;

function exportableBlocks(blocks: RichBlock[]): RichBlock[] {
  return blocks.filter((block) => block.neverExport !== true);
}

function exportableItem(item: MinutesItem): MinutesItem {
  return {
    ...item,
    summary: exportableBlocks(item.summary),
    notes: exportableBlocks(item.notes),
    safetyPlan: item.safetyPlan
      .filter((section) => section.neverExport !== true)
      .map((section) => ({ ...section, blocks: exportableBlocks(section.blocks) })),
  };
}

/**
 * Removes everything marked never-export. Every rendering goes through this, the
 * full minutes included: "never" means in no version at all.
 */
export function withoutNeverExport(data: MinutesData): MinutesData {
  return { ...data, items: data.items.map(exportableItem) };
}

/**
 * The version of the minutes for one organisation: only the cases it may know,
 * no closed-session items, nothing marked never-export. Throws for an organisation
 * that is not one of the region's.
 */
export function forOrganisation(data: MinutesData, orgId: string, canKnow: CanKnow): MinutesData {
  const audience = data.organisations.find((org) => org.id === orgId);
  if (!audience) throw new Error(`unknown organisation id: ${orgId}`);
  const items = data.items.filter((item) => item.restricted !== true && canKnow(item.caseId, orgId));
  return withoutNeverExport({ ...data, audience: { ...audience }, items });
}

/** The appendix: every action of every item that is printed, in agenda order. */
export function appendixActions(data: MinutesData): ActionRow[] {
  return data.items.flatMap((item) => item.actions.map((action) => ({ ...action, caseLabel: item.caseLabel })));
}
