/** Errors of the collaboration layer; the UI maps codes to Dutch messages. */

/** Why a collab operation failed. */
export type CollabErrorCode =
  /** The record to change is not in the document (deleted by a peer, or never synced). */
  | 'not-found'
  /** The document is not set up yet (no header or plan section): wait for sync. */
  | 'not-ready'
  /** The document was set up before: a header is never created twice. */
  | 'already-set-up';

/** A collab failure with a code; messages carry ids, never content. */
export class CollabError extends Error {
  override readonly name = 'CollabError';
  constructor(readonly code: CollabErrorCode, detail: string) {
    super(`${code}: ${detail}`);
  }
}
