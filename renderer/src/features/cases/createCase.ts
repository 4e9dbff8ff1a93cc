/**
 * Creating a case: the room on the server first (the creator gets edit access), then the
 * header written into the new document, which the vault stores before it is sent.
 */
import { initCaseDoc, type NewCaseHeader } from '../../collab/caseHeader';
import { caseMetaSchema } from '../../domain/caseRecords';
import { isId, type CaseId } from '../../domain/ids';
import { requireValid } from '../../domain/validation';
import type { LiveSession } from '../session';

/** Creates the case and returns its id; throws ApiError (server) or DomainError (header). */
export async function createCase(live: Pick<LiveSession, 'createRoom' | 'docManager' | 'user'>, header: NewCaseHeader): Promise<CaseId> {
  // Checked before the room exists: a refused header must not leave an empty room behind.
  requireValid(caseMetaSchema, { ...header, createdAt: new Date().toISOString(), createdBy: live.user.username });
  const entry = await live.createRoom('case');
  if (!isId('case', entry.room)) throw new TypeError('server returned a room that is not a case');
  const handle = live.docManager.open(entry.room);
  try {
    await handle.whenLoaded;
    initCaseDoc(handle.doc, header, { username: live.user.username });
  } finally {
    handle.release();
  }
  return entry.room;
}
