/**
 * Why an action was refused, in words the user acts on. Maps domain and collab error
 * codes to message keys; anything else is the generic "check and try again".
 */
import { CollabError } from '../../collab/errors';
import { DomainError, type DomainErrorCode } from '../../domain/errors';

/** The message keys under `actions.errors`. */
export type ActionErrorKey =
  | 'action-description-missing' | 'action-owner-missing' | 'action-owner-org-missing' | 'action-due-missing'
  | 'date-invalid' | 'text-too-long' | 'not-found' | 'other';

const known: ReadonlySet<string> = new Set<ActionErrorKey>([
  'action-description-missing', 'action-owner-missing', 'action-owner-org-missing', 'action-due-missing',
  'date-invalid', 'text-too-long',
]);

const isKnown = (code: string): code is ActionErrorKey => known.has(code);

/** The message key of a domain error code. */
export function messageKeyForCode(code: DomainErrorCode): ActionErrorKey {
  return isKnown(code) ? code : 'other';
}

/** The message key of an error thrown by a collab accessor (DomainError, CollabError, other). */
export function messageKeyForError(error: unknown): ActionErrorKey {
  if (error instanceof DomainError) return messageKeyForCode(error.code);
  if (error instanceof CollabError && error.code === 'not-found') return 'not-found';
  return 'other';
}
