/**
 * Maps of records keyed by id: reading them validated (a malformed record is skipped and
 * reported by part and key, never by content) and writing them as nested Y.Maps whose
 * fields are separate registers, so concurrent edits of different fields both survive.
 */
import * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import { plainRecord } from './plainValue';

/** Reads every entry with `parse` (given the key and a plain view); failures land in `skipped`. */
export function readEach<T>(
  map: Y.Map<unknown>,
  part: string,
  parse: (key: string, raw: Record<string, unknown>) => T | null,
  skipped?: SkippedRecord[],
): T[] {
  const out: T[] = [];
  for (const [key, value] of map.entries()) {
    const raw = plainRecord(value);
    const parsed = raw === null ? null : parse(key, raw);
    if (parsed === null) skipped?.push({ part, key });
    else out.push(parsed);
  }
  return out;
}

/** Writes `fields` into the nested Y.Map at `key` (created when absent); undefined deletes a field. */
export function writeFields(parent: Y.Map<unknown>, key: string, fields: Record<string, unknown>): Y.Map<unknown> {
  let target = parent.get(key);
  if (!(target instanceof Y.Map)) {
    target = new Y.Map<unknown>();
    parent.set(key, target);
  }
  const map = target as Y.Map<unknown>;
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) map.delete(field);
    else if (map.get(field) !== value || typeof value === 'object') map.set(field, value);
  }
  return map;
}

/** A copy without undefined fields: plain records are stored as JSON-like values. */
export function definedFields<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
