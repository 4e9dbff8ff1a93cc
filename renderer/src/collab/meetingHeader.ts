/** The header of a meeting (`meta`) and setting up a new meeting document. */
import type * as Y from 'yjs';
import { meetingMetaOptionalKeys, meetingMetaSchema, type MeetingMeta } from '../domain/meetingRecords';
import { parseLenient, requireValid } from '../domain/validation';
import type { EditContext } from './editContext';
import { CollabError } from './errors';
import { meetingDoc } from './meetingDoc';
import { origins } from './origins';

/** What the procesregisseur enters for a new meeting. */
export type NewMeetingHeader = Pick<MeetingMeta, 'type' | 'start' | 'location' | 'videoLink' | 'chair' | 'secretary'>;

/** Sets up a new meeting document as concept, version 0. */
export function initMeetingDoc(doc: Y.Doc, header: NewMeetingHeader, context: EditContext): MeetingMeta {
  if (meetingDoc(doc).meta.size > 0) throw new CollabError('already-set-up', 'meeting header');
  const meta = requireValid(meetingMetaSchema, { ...header, status: 'concept', version: 0, createdBy: context.username });
  doc.transact(() => {
    const root = meetingDoc(doc).meta;
    for (const [key, value] of Object.entries(meta)) if (value !== undefined) root.set(key, value);
  }, origins.setup);
  return meta;
}

/** The header, or null while the document holds no valid one. */
export function readMeetingMeta(doc: Y.Doc): MeetingMeta | null {
  return parseLenient(meetingMetaSchema, meetingDoc(doc).meta.toJSON(), meetingMetaOptionalKeys);
}

/**
 * Changes planning fields (type, start, location, video link, chair, secretary).
 * Status, approval and version are the server's to write (approval endpoint).
 */
export function updateMeetingMeta(doc: Y.Doc, patch: Partial<NewMeetingHeader>): void {
  const current = readMeetingMeta(doc);
  if (!current) throw new CollabError('not-ready', 'meeting header');
  const next = requireValid(meetingMetaSchema, { ...current, ...patch });
  doc.transact(() => {
    const root = meetingDoc(doc).meta;
    for (const key of Object.keys(patch) as (keyof NewMeetingHeader)[]) {
      const value = next[key];
      if (value === undefined) root.delete(key);
      else root.set(key, value);
    }
  }, origins.userEdit);
}
