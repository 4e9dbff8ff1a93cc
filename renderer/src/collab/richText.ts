/**
 * Rich text in Y.XmlFragments, as Tiptap (y-prosemirror) stores it: elements named after
 * node types (`paragraph`, `heading`, `bulletList`, `orderedList`, `listItem`, …) and
 * Y.XmlText whose formatting attributes are marks (`bold`, `italic`). Reading reduces it
 * to the small block model of the domain; unknown nodes degrade to their text.
 */
import * as Y from 'yjs';
import type { RichBlock, TextRun } from '../domain/richText';

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

function pushRun(runs: TextRun[], text: string, marks: Record<string, unknown> | undefined): void {
  if (text === '') return;
  const bold = marks?.bold !== undefined && marks.bold !== null && marks.bold !== false;
  const italic = marks?.italic !== undefined && marks.italic !== null && marks.italic !== false;
  const last = runs[runs.length - 1];
  if (last && Boolean(last.bold) === bold && Boolean(last.italic) === italic) {
    last.text += text;
    return;
  }
  runs.push({ text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
}

/** The inline runs of a node (paragraph-like): text with marks, hard breaks as newlines. */
function inlineRuns(node: Node, runs: TextRun[] = []): TextRun[] {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof op.insert === 'string') pushRun(runs, op.insert, op.attributes);
    }
  } else if (node instanceof Y.XmlElement) {
    if (node.nodeName === 'hardBreak') pushRun(runs, '\n', undefined);
    else {
      const before = runs.length;
      for (const child of node.toArray()) inlineRuns(child, runs);
      // Separate block-level children (paragraphs in a list item) by a space.
      if (runs.length > before && isBlockName(node.nodeName)) pushRun(runs, ' ', undefined);
    }
  }
  return runs;
}

const blockNames = new Set(['paragraph', 'heading', 'blockquote', 'codeBlock', 'listItem', 'bulletList', 'orderedList']);
const isBlockName = (name: string) => blockNames.has(name);

function trimRuns(runs: TextRun[]): TextRun[] {
  const last = runs[runs.length - 1];
  if (last) last.text = last.text.replace(/\s+$/u, '');
  return runs.filter((run) => run.text !== '');
}

const plain = (runs: TextRun[]) => runs.map((run) => run.text).join('');

function listItems(list: Y.XmlElement, items: TextRun[][]): void {
  for (const item of list.toArray()) {
    if (!(item instanceof Y.XmlElement)) continue;
    const own: TextRun[] = [];
    for (const child of item.toArray()) {
      // Nested lists become items of their own, after their parent item.
      if (child instanceof Y.XmlElement && (child.nodeName === 'bulletList' || child.nodeName === 'orderedList')) continue;
      inlineRuns(child, own);
    }
    items.push(trimRuns(own));
    for (const child of item.toArray()) {
      if (child instanceof Y.XmlElement && (child.nodeName === 'bulletList' || child.nodeName === 'orderedList')) listItems(child, items);
    }
  }
}

/** True when the element carries the plan editor's never-export marking (neverExport.ts). */
const isNeverExport = (node: Y.XmlElement): boolean => {
  const value = node.getAttribute('neverExport') as unknown;
  return value === true || value === 'true';
};

function toBlocks(nodes: Node[], blocks: RichBlock[], inheritedNeverExport = false): RichBlock[] {
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      const runs = trimRuns(inlineRuns(node));
      if (runs.length > 0) blocks.push({ kind: 'paragraph', runs, ...(inheritedNeverExport ? { neverExport: true } : {}) });
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    const never = inheritedNeverExport || isNeverExport(node) ? { neverExport: true as const } : {};
    switch (node.nodeName) {
      case 'heading':
        blocks.push({ kind: 'heading', text: plain(trimRuns(inlineRuns(node))), ...never });
        break;
      case 'bulletList':
      case 'orderedList': {
        const items: TextRun[][] = [];
        listItems(node, items);
        blocks.push({ kind: 'list', ordered: node.nodeName === 'orderedList', items, ...never });
        break;
      }
      case 'blockquote':
        toBlocks(node.toArray(), blocks, 'neverExport' in never);
        break;
      case 'horizontalRule':
        break;
      default:
        blocks.push({ kind: 'paragraph', runs: trimRuns(inlineRuns(node)), ...never });
    }
  }
  return blocks;
}

/** The blocks of a rich-text fragment (for lists, diffs and the PDF). */
export function fragmentToBlocks(fragment: Y.XmlFragment): RichBlock[] {
  return toBlocks(fragment.toArray(), []);
}

function runsToText(runs: readonly TextRun[]): Y.XmlText {
  const text = new Y.XmlText();
  let offset = 0;
  for (const run of runs) {
    const marks: Record<string, object> = {};
    if (run.bold) marks.bold = {};
    if (run.italic) marks.italic = {};
    text.insert(offset, run.text, marks);
    offset += run.text.length;
  }
  return text;
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, number> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  // Tiptap stores node attributes with their own types (heading level is a number);
  // Yjs' typings only allow strings, the encoding takes any JSON value.
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value as unknown as string);
  el.insert(0, children);
  return el;
}

/**
 * Appends blocks to a fragment in Tiptap's node names (demo data, tests, restoring text).
 * Call inside a transaction with an origin.
 */
export function appendBlocks(fragment: Y.XmlFragment, blocks: readonly RichBlock[]): void {
  const nodes = blocks.map((block) => {
    const made = block.kind === 'heading' ? element('heading', [runsToText([{ text: block.text }])], { level: 3 })
      : block.kind === 'paragraph' ? element('paragraph', [runsToText(block.runs)])
        : element(block.ordered ? 'orderedList' : 'bulletList',
          block.items.map((item) => element('listItem', [element('paragraph', [runsToText(item)])])));
    if (block.neverExport) made.setAttribute('neverExport', true as unknown as string);
    return made;
  });
  fragment.insert(fragment.length, nodes);
}
