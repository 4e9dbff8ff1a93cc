/**
 * The region's board of improvement measures ("Verbetermaatregelen"), room `measures:<id>`
 * (docs/design.md, "`measures:<id>`"). It holds no personal data: titles, phases, statuses,
 * owning organisations and two rich texts per measure, stamped with usernames.
 *
 * Root `measures`: Y.Map<improvementId, Y.Map> with the fields of {@link improvementFields}.
 * The server refuses any update that leaves another shape ({@link improvementsShapeProblem},
 * run by the sync server after each client update to this room).
 */
import * as Y from 'yjs';
import { DomainError } from '../domain/errors';
import { createId, isId, type Id } from '../domain/ids';
import { editTime, type EditContext } from './editContext';
import { CollabError } from './errors';
import { origins } from './origins';
import { fragmentToBlocks } from './richText';

/** The phases of the approach, in board order (the phases of the inspection report). */
export const improvementPhases = ['herkennen', 'risico', 'regie', 'samenwerking', 'overig', 'nieuw'] as const;
/** One phase. */
export type ImprovementPhase = (typeof improvementPhases)[number];

/** The status of a measure. */
export const improvementStatuses = ['gepland', 'lopend', 'gerealiseerd', 'gestopt'] as const;
/** One status. */
export type ImprovementStatus = (typeof improvementStatuses)[number];

/** An improvement measure's id. */
export type ImprovementId = Id<'improvement'>;

/** The longest title. */
export const IMPROVEMENT_TITLE_MAX = 200;

/** A measure as read for the board. */
export interface Improvement {
  id: ImprovementId;
  title: string;
  phase: ImprovementPhase;
  status: ImprovementStatus;
  /** The owning organisation's id ('' when none was chosen). */
  org: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** The plain fields a user edits (the two rich texts are edited in place). */
export type ImprovementInput = Pick<Improvement, 'title' | 'phase' | 'status' | 'org'>;

/** Every field of a measure's map and what it holds. */
export const improvementFields = {
  title: 'text', phase: 'phase', status: 'status', org: 'org',
  createdBy: 'text', createdAt: 'text', updatedBy: 'text', updatedAt: 'text',
  progress: 'rich', bottlenecks: 'rich',
} as const;

/** The rich-text fields: "stand van zaken" and "knelpunten". */
export type ImprovementText = 'progress' | 'bottlenecks';

const orgPattern = /^[a-z0-9][a-z0-9-]{0,31}$/u;
/** Node names the board's editor (plan editor schema) writes. */
const richNodeNames = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'hardBreak']);
const shortTextMax = 200;

const isPhase = (value: unknown): value is ImprovementPhase => (improvementPhases as readonly unknown[]).includes(value);
const isStatus = (value: unknown): value is ImprovementStatus => (improvementStatuses as readonly unknown[]).includes(value);

/** The measures map of the board. */
const measuresMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('measures');

function richProblem(node: Y.XmlFragment | Y.XmlElement, path: string): string | null {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) continue;
    if (!(child instanceof Y.XmlElement) || !richNodeNames.has(child.nodeName)) return `${path}: node`;
    const problem = richProblem(child, path);
    if (problem) return problem;
  }
  return null;
}

/** Live items of an array-style list under a map (a Y.Map must hold none). */
function hasListContent(type: { _start: Y.Item | null }): boolean {
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) return true;
  return false;
}

/**
 * Why the board's document does not have the board's shape, or null when it does: only the
 * root `measures`, keyed by improvement ids, each a map of known fields with values of the
 * right kind (texts at most 200 characters, known phase and status, an organisation id, rich
 * texts in the plan editor's node names). Used by the sync server to refuse an update.
 */
export function improvementsShapeProblem(doc: Y.Doc): string | null {
  for (const name of doc.share.keys()) if (name !== 'measures') return 'root';
  let root: Y.Map<unknown>;
  try {
    root = measuresMap(doc);
  } catch {
    return 'root-type';
  }
  if (hasListContent(root)) return 'root-list';
  for (const [key, value] of root.entries()) {
    if (!isId('improvement', key)) return 'key';
    if (!(value instanceof Y.Map)) return 'record';
    if (hasListContent(value)) return 'record-list';
    for (const [field, fieldValue] of (value as Y.Map<unknown>).entries()) {
      const kind = (improvementFields as Record<string, string | undefined>)[field];
      if (kind === undefined) return 'field-unknown';
      if (kind === 'rich') {
        if (!(fieldValue instanceof Y.XmlFragment) || fieldValue instanceof Y.XmlElement) return `${field}: type`;
        const problem = richProblem(fieldValue, field);
        if (problem) return problem;
        continue;
      }
      if (typeof fieldValue !== 'string' || fieldValue.length > shortTextMax) return `${field}: text`;
      if (kind === 'phase' && !isPhase(fieldValue)) return `${field}: value`;
      if (kind === 'status' && !isStatus(fieldValue)) return `${field}: value`;
      if (kind === 'org' && fieldValue !== '' && !orgPattern.test(fieldValue)) return `${field}: value`;
    }
  }
  return null;
}

function checkInput(input: Partial<ImprovementInput>): void {
  if (input.title !== undefined) {
    if (input.title.trim() === '') throw new DomainError('text-missing', 'title');
    if (input.title.trim().length > IMPROVEMENT_TITLE_MAX) throw new DomainError('text-too-long', 'title');
  }
  if (input.phase !== undefined && !isPhase(input.phase)) throw new DomainError('value-unknown', 'phase');
  if (input.status !== undefined && !isStatus(input.status)) throw new DomainError('value-unknown', 'status');
  if (input.org !== undefined && input.org !== '' && !orgPattern.test(input.org)) throw new DomainError('org-invalid', 'org');
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Adds a measure with empty rich texts; returns its id. */
export function addImprovement(doc: Y.Doc, input: ImprovementInput, context: EditContext): ImprovementId {
  checkInput(input);
  const id = createId('improvement');
  const at = editTime(context);
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    measuresMap(doc).set(id, record);
    record.set('title', input.title.trim());
    record.set('phase', input.phase);
    record.set('status', input.status);
    record.set('org', input.org);
    record.set('progress', new Y.XmlFragment());
    record.set('bottlenecks', new Y.XmlFragment());
    record.set('createdBy', context.username);
    record.set('createdAt', at);
    record.set('updatedBy', context.username);
    record.set('updatedAt', at);
  }, origins.userEdit);
  return id;
}

function recordOf(doc: Y.Doc, id: ImprovementId): Y.Map<unknown> {
  const record = measuresMap(doc).get(id);
  if (!(record instanceof Y.Map)) throw new CollabError('not-found', id);
  return record as Y.Map<unknown>;
}

/** Changes title, phase, status or owner; stamps who and when. Unchanged fields are not written. */
export function updateImprovement(doc: Y.Doc, id: ImprovementId, patch: Partial<ImprovementInput>, context: EditContext): void {
  checkInput(patch);
  const record = recordOf(doc, id);
  const changes = Object.entries(patch).flatMap(([key, value]) => {
    const next = key === 'title' ? String(value).trim() : value;
    return value === undefined || record.get(key) === next ? [] : [[key, next] as const];
  });
  if (changes.length === 0) return;
  doc.transact(() => {
    for (const [key, value] of changes) record.set(key, value);
    record.set('updatedBy', context.username);
    record.set('updatedAt', editTime(context));
  }, origins.userEdit);
}

/**
 * The rich-text fragment of a measure ("stand van zaken" or "knelpunten"), bound live by the
 * editor. A measure written without it gets one (by an editor: pass `create`), else null.
 */
export function improvementText(doc: Y.Doc, id: ImprovementId, field: ImprovementText, create = false): Y.XmlFragment | null {
  const record = measuresMap(doc).get(id);
  if (!(record instanceof Y.Map)) return null;
  const fragment = record.get(field);
  if (fragment instanceof Y.XmlFragment) return fragment;
  if (!create) return null;
  const made = new Y.XmlFragment();
  doc.transact(() => record.set(field, made), origins.userEdit);
  return made;
}

/**
 * The measures of the board, by phase (board order), then title. A record that is not a map
 * or lacks a known phase is read as "overig"/"gepland" rather than hidden: the board must show
 * everything the room holds.
 */
export function readImprovements(doc: Y.Doc): Improvement[] {
  const result: Improvement[] = [];
  for (const [key, value] of measuresMap(doc).entries()) {
    if (!isId('improvement', key) || !(value instanceof Y.Map)) continue;
    const record = value as Y.Map<unknown>;
    const phase = record.get('phase');
    const status = record.get('status');
    result.push({
      id: key,
      title: text(record.get('title')),
      phase: isPhase(phase) ? phase : 'overig',
      status: isStatus(status) ? status : 'gepland',
      org: text(record.get('org')),
      createdBy: text(record.get('createdBy')),
      createdAt: text(record.get('createdAt')),
      updatedBy: text(record.get('updatedBy')),
      updatedAt: text(record.get('updatedAt')),
    });
  }
  const order = (phase: ImprovementPhase) => improvementPhases.indexOf(phase);
  return result.sort((a, b) => order(a.phase) - order(b.phase) || a.title.localeCompare(b.title, 'nl') || a.id.localeCompare(b.id));
}

/** The measures grouped by phase, every phase present (possibly empty), in board order. */
export function improvementsByPhase(items: readonly Improvement[]): { phase: ImprovementPhase; items: Improvement[] }[] {
  return improvementPhases.map((phase) => ({ phase, items: items.filter((item) => item.phase === phase) }));
}

const runsText = (runs: readonly { text: string }[]): string => runs.map((run) => run.text).join('').trim();

/** A measure's rich text as one line of plain text (blocks and list items joined by " · "), for print; '' when empty. */
export function improvementPlainText(doc: Y.Doc, id: ImprovementId, field: ImprovementText): string {
  const fragment = improvementText(doc, id, field);
  if (!fragment) return '';
  return fragmentToBlocks(fragment)
    .flatMap((block) => (block.kind === 'paragraph' ? [runsText(block.runs)] : block.kind === 'heading' ? [block.text] : block.items.map(runsText)))
    .filter((line) => line !== '')
    .join(' · ');
}
