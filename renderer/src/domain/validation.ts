import type { z } from 'zod';
import { DomainError, isDomainErrorCode, type Validation } from './errors';

/**
 * Runs a schema whose messages are domain error codes; the first issue decides the
 * outcome. A message that is not a code (zod's own) becomes `record-invalid`.
 */
export function validateWith<T>(schema: z.ZodType<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  const code = first && isDomainErrorCode(first.message) ? first.message : 'record-invalid';
  const field = first ? first.path.map(String).join('.') : '';
  return { ok: false, issue: { code, field } };
}

/** Like {@link validateWith} but throws a {@link DomainError}: for writes. */
export function requireValid<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = validateWith(schema, input);
  if (!result.ok) throw new DomainError(result.issue.code, result.issue.field);
  return result.value;
}

/**
 * Reads a record a peer wrote: strict first; when only optional fields are malformed
 * they are dropped (defaulted) and the rest is kept. Null when a required field is bad.
 */
export function parseLenient<T>(schema: z.ZodType<T>, raw: unknown, optionalKeys: readonly string[]): T | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  let candidate: Record<string, unknown> = { ...raw };
  for (let attempt = 0; attempt <= optionalKeys.length; attempt++) {
    const result = schema.safeParse(candidate);
    if (result.success) return result.data;
    const bad = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')));
    const droppable = [...bad].filter((key) => optionalKeys.includes(key) && key in candidate);
    if (droppable.length === 0 || droppable.length < bad.size) return null;
    candidate = Object.fromEntries(Object.entries(candidate).filter(([key]) => !droppable.includes(key)));
  }
  return null;
}
