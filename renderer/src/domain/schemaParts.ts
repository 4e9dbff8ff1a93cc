import { z } from 'zod';
import { isIsoDate } from './dates';
import type { DomainErrorCode } from './errors';
import { isId, type Id, type IdKind } from './ids';
import type { Vocabulary } from './vocabulary';

/** Longest free text in one field (a plan section is rich text, not a field). */
export const MAX_TEXT = 4000;
/** Longest short text (labels, names, phone numbers). */
export const MAX_SHORT_TEXT = 200;

const err = (code: DomainErrorCode) => ({ error: code });

/** A required calendar date; `missing` is the code when absent or empty. */
export function isoDateSchema(missing: DomainErrorCode = 'date-invalid') {
  return z
    .string(err(missing))
    .min(1, err(missing))
    .refine((value) => isIsoDate(value), err('date-invalid'));
}

/** An ISO date-time as `Date.toISOString()` writes it. */
export const isoDateTimeSchema = z
  .string(err('date-invalid'))
  .refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value), err('date-invalid'));

/** Required text, trimmed, bounded. */
export function textSchema(missing: DomainErrorCode = 'text-missing', max = MAX_TEXT) {
  return z.string(err(missing)).trim().min(1, err(missing)).max(max, err('text-too-long'));
}

/** Optional free text (readers drop it when a peer wrote something malformed). */
export function noteSchema(max = MAX_TEXT) {
  return z.string(err('record-invalid')).max(max, err('text-too-long')).optional();
}

/** A username as the server accepts it. */
export function usernameSchema(missing: DomainErrorCode = 'username-invalid') {
  return z
    .string(err(missing))
    .min(1, err(missing))
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, err('username-invalid'));
}

/** An organisation id as the server accepts it. */
export function orgIdSchema(missing: DomainErrorCode = 'org-invalid') {
  return z
    .string(err(missing))
    .min(1, err(missing))
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, err('org-invalid'));
}

/** A typed id of `kind`. */
export function idSchema<K extends IdKind>(kind: K) {
  return z.custom<Id<K>>((value) => isId(kind, value), err('id-invalid'));
}

/** One value of a vocabulary. */
export function vocabSchema<V extends string>(vocabulary: Vocabulary<V>) {
  return z.custom<V>((value) => vocabulary.is(value), err('value-unknown'));
}

/** Who recorded something and when: every plain record carries it. */
export const recordedSchema = {
  by: usernameSchema(),
  at: isoDateTimeSchema,
};
