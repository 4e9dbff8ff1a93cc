/** Measures in force, each with start and end date (expiry rules in domain/measureExpiry). */
import type * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import { measureOptionalKeys, measureSchema, type Measure } from '../domain/caseRecords';
import { createId, isId, type MeasureId } from '../domain/ids';
import { parseLenient, requireValid } from '../domain/validation';
import { caseDoc } from './caseDoc';
import { editTime, type EditContext } from './editContext';
import { CollabError } from './errors';
import { origins } from './origins';
import { readEach, writeFields } from './recordMap';

/** A measure as entered. */
export type MeasureInput = Pick<Measure, 'kind' | 'start' | 'end' | 'note'>;

/** Adds a measure; returns its id. */
export function addMeasure(doc: Y.Doc, input: MeasureInput, context: EditContext): MeasureId {
  const id = createId('measure');
  const measure = requireValid(measureSchema, { ...input, id, by: context.username, at: editTime(context) });
  doc.transact(() => writeFields(caseDoc(doc).measures, id, { ...measure, id: undefined }), origins.userEdit);
  return id;
}

/** Changes a measure (e.g. a new end date); stamps who and when. */
export function updateMeasure(doc: Y.Doc, id: MeasureId, patch: Partial<MeasureInput>, context: EditContext): void {
  const current = readMeasures(doc).find((measure) => measure.id === id);
  if (!current) throw new CollabError('not-found', id);
  const next = requireValid(measureSchema, { ...current, ...patch, by: context.username, at: editTime(context) });
  const keys = [...Object.keys(patch), 'by', 'at'] as (keyof Measure)[];
  doc.transact(() => writeFields(caseDoc(doc).measures, id, Object.fromEntries(keys.map((key) => [key, next[key]]))), origins.userEdit);
}

/** Removes a measure. */
export function removeMeasure(doc: Y.Doc, id: MeasureId): void {
  doc.transact(() => caseDoc(doc).measures.delete(id), origins.userEdit);
}

/** The measures, by end date (open-ended last). */
export function readMeasures(doc: Y.Doc, skipped?: SkippedRecord[]): Measure[] {
  return readEach(caseDoc(doc).measures, 'measures', (key, raw) =>
    (isId('measure', key) ? parseLenient(measureSchema, { ...raw, id: key }, measureOptionalKeys) : null), skipped)
    .sort((a, b) => (a.end ?? '9999').localeCompare(b.end ?? '9999') || a.id.localeCompare(b.id));
}
