/**
 * Rich text reduced to what lists, diffs and printed records need: headings,
 * paragraphs with bold/italic runs, and lists. The same shape the PDF model uses.
 */

/** A piece of inline text with the two marks that survive. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * A block of rich text. `neverExport`: shown on screen to those who may open the case, left
 * out of every export (pdf/exportFilter.ts; the plan editor's "Nooit exporteren").
 */
export type RichBlock =
  | { kind: 'heading'; text: string; neverExport?: boolean }
  | { kind: 'paragraph'; runs: TextRun[]; neverExport?: boolean }
  | { kind: 'list'; ordered: boolean; items: TextRun[][]; neverExport?: boolean };

const runsText = (runs: readonly TextRun[]) => runs.map((run) => run.text).join('');

/** The plain text of blocks, one line per paragraph, heading or list item. */
export function blocksToPlainText(blocks: readonly RichBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') lines.push(block.text);
    else if (block.kind === 'paragraph') lines.push(runsText(block.runs));
    else block.items.forEach((item, index) => lines.push(`${block.ordered ? `${index + 1}.` : '•'} ${runsText(item)}`));
  }
  return lines.join('\n');
}

/** True when the blocks hold no visible text. */
export function isBlank(blocks: readonly RichBlock[]): boolean {
  return blocksToPlainText(blocks).trim() === '';
}
