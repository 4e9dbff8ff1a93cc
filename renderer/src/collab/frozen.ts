/**
 * Frozen copies (approved minutes, learning reviews): the full encoded Yjs state stored
 * by the server at approval. Opened in a throw-away Y.Doc and read like a live one;
 * nothing can write to them. Applying bytes to a Y.Doc throws on crafted input rather
 * than hanging, so a bad copy surfaces as `CollabError('not-ready')`.
 */
import * as Y from 'yjs';
import type { CaseBoard } from '../domain/caseBoard';
import type { CaseId, MeetingId } from '../domain/ids';
import type { Meeting } from '../domain/meeting';
import { CollabError } from './errors';
import { origins } from './origins';
import { readCaseBoard } from './readCaseBoard';
import { readMeeting } from './readMeeting';

function withFrozenDoc<T>(state: Uint8Array, label: string, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state, origins.frozenLoad);
    // Structs whose dependencies are missing stay pending: the copy is incomplete.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) throw new CollabError('not-ready', `${label} incomplete`);
    return read(doc);
  } catch (error) {
    if (error instanceof CollabError) throw error;
    throw new CollabError('not-ready', `${label} unreadable`);
  } finally {
    doc.destroy();
  }
}

/** The case board as it was in a frozen copy. */
export function readFrozenCaseBoard(state: Uint8Array, id: CaseId): CaseBoard {
  return withFrozenDoc(state, id, (doc) => readCaseBoard(doc, id));
}

/** The meeting as it was in a frozen copy. */
export function readFrozenMeeting(state: Uint8Array, id: MeetingId): Meeting {
  return withFrozenDoc(state, id, (doc) => readMeeting(doc, id));
}
