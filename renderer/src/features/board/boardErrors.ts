import { CollabError } from '../../collab/errors';
import { DomainError, type DomainErrorCode } from '../../domain/errors';

/** The message key (under `board.errors`) for a failed board write, and the field it concerns. */
export type BoardErrorKey = DomainErrorCode | 'not-found' | 'not-ready' | 'other';

/** What went wrong with a write, as a message key and (for a refused field) the field name. */
export function boardErrorOf(error: unknown): { key: BoardErrorKey; field: string | null } {
  if (error instanceof DomainError) return { key: error.code, field: error.field };
  if (error instanceof CollabError && (error.code === 'not-found' || error.code === 'not-ready')) return { key: error.code, field: null };
  return { key: 'other', field: null };
}
