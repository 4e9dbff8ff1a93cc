/**
 * Reading values a peer wrote: a record may be a nested Y.Map or a plain object (both
 * appear in the schema, and a buggy peer may swap them). Anything else reads as null.
 */
import * as Y from 'yjs';

/** A plain object view of a Y.Map or plain-object record; null for anything else. */
export function plainRecord(value: unknown): Record<string, unknown> | null {
  if (value instanceof Y.Map) return value.toJSON() as Record<string, unknown>;
  if (value instanceof Y.AbstractType) return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) return null;
  return value as Record<string, unknown>;
}

/** The nested Y.Map stored at `key`, or null when absent or not a Y.Map. */
export function nestedMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> | null {
  const value = parent.get(key);
  return value instanceof Y.Map ? value : null;
}

/** Structural equality for plain data (what readers return): objects, arrays, primitives. */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => plainEqual(item, b[index]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && plainEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
