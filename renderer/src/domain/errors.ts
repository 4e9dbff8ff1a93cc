/**
 * Error codes of the domain. The UI turns a code into a Dutch message that says what to
 * do next; logs carry the code and the field, never the value (it may be personal data).
 */

/** Why a record was refused. */
export type DomainErrorCode =
  | 'action-description-missing'
  | 'action-owner-missing'
  | 'action-owner-org-missing'
  | 'action-due-missing'
  | 'date-invalid'
  | 'date-range-invalid'
  | 'text-missing'
  | 'text-too-long'
  | 'value-unknown'
  | 'id-invalid'
  | 'username-invalid'
  | 'org-invalid'
  | 'escalation-reason-missing'
  | 'record-invalid';

/** Every domain error code, for exhaustive message tables. */
export const domainErrorCodes = [
  'action-description-missing', 'action-owner-missing', 'action-owner-org-missing', 'action-due-missing',
  'date-invalid', 'date-range-invalid', 'text-missing', 'text-too-long', 'value-unknown', 'id-invalid',
  'username-invalid', 'org-invalid', 'escalation-reason-missing', 'record-invalid',
] as const satisfies readonly DomainErrorCode[];

/** A refused record: the code and the field (a path such as `due` or `source.ref`). */
export interface ValidationIssue {
  code: DomainErrorCode;
  field: string;
}

/** The outcome of validating a record. */
export type Validation<T> = { ok: true; value: T } | { ok: false; issue: ValidationIssue };

/** Thrown where a refused record cannot be returned as a value (writes through accessors). */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(readonly code: DomainErrorCode, readonly field: string) {
    super(`${code} (${field})`);
  }
}

/** True when `value` is a known domain error code. */
export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && (domainErrorCodes as readonly string[]).includes(value);
}
