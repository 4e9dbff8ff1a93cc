/**
 * "Nooit exporteren": a passage of the plan (a paragraph, heading or whole list) that those who
 * may open the case see on screen and that no export prints (docs/privacy.md, "Never-export
 * marking"). A node attribute, stored in the section's Y.XmlFragment as the element attribute
 * `neverExport` (collab/richText.ts reads it into the block model, pdf/exportFilter.ts drops
 * it from every rendering). On screen: `data-never-export` with a visible label (plan.css).
 */
import { Extension } from '@tiptap/core';

/** The node types a never-export marking applies to (the blocks the reader knows). */
export const neverExportTypes = ['paragraph', 'heading', 'bulletList', 'orderedList'] as const;

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    neverExport: {
      /** Marks the blocks of the selection never-export, or unmarks them when all are marked. */
      toggleNeverExport: () => ReturnType;
    };
  }
}

/** The attribute and its command. */
export const NeverExport = Extension.create({
  name: 'neverExport',
  addGlobalAttributes() {
    return [{
      types: [...neverExportTypes],
      attributes: {
        neverExport: {
          default: null,
          parseHTML: (element: HTMLElement) => (element.hasAttribute('data-never-export') ? true : null),
          renderHTML: (attributes: Record<string, unknown>) => (attributes.neverExport === true ? { 'data-never-export': '' } : {}),
        },
      },
    }];
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-e': () => this.editor.commands.toggleNeverExport() };
  },
  addCommands() {
    return {
      toggleNeverExport: () => ({ state, tr, dispatch }) => {
        const { from, to } = state.selection;
        const targets: { pos: number; marked: boolean }[] = [];
        state.doc.nodesBetween(from, to, (node, pos) => {
          if (!(neverExportTypes as readonly string[]).includes(node.type.name)) return true;
          targets.push({ pos, marked: node.attrs.neverExport === true });
          // A list is marked as a whole (its items follow it): no need to look inside.
          return false;
        });
        if (targets.length === 0) return false;
        const mark = !targets.every((target) => target.marked);
        if (dispatch) {
          for (const { pos } of targets) tr.setNodeAttribute(pos, 'neverExport', mark ? true : null);
          dispatch(tr);
        }
        return true;
      },
    };
  },
});

/** True when the block at the selection's start is marked (the toolbar button's state). */
export function selectionNeverExport(state: { selection: { $from: { depth: number; node(depth: number): { type: { name: string }; attrs: Record<string, unknown> } } } }): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if ((neverExportTypes as readonly string[]).includes(node.type.name) && node.attrs.neverExport === true) return true;
  }
  return false;
}
