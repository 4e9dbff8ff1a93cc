/** The meetings and agenda cases a meeting view reads, from the doc manager's shared documents. */
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readAgenda } from '../../collab/agenda';
import { readMeetingMeta } from '../../collab/meetingHeader';
import { readMeeting } from '../../collab/readMeeting';
import type { CaseBoard } from '../../domain/caseBoard';
import { isId, type CaseId, type MeetingId } from '../../domain/ids';
import type { Meeting } from '../../domain/meeting';
import { useRoomDocs, useRooms } from '../session';
import { readCaseFacts } from './caseFacts';
import { createDocsStore, scopedRead, type DocSource, type DocsRead } from '../../collab/docsStore';

const readMeetingDoc = (room: MeetingId, doc: Parameters<typeof readMeeting>[0]) => readMeeting(doc, room);

/** A meeting's header and agenda (what the agenda's "not discussed for long" needs). */
export type MeetingSummary = Pick<Meeting, 'id' | 'meta' | 'agenda'>;

// Re-read only when the header or the agenda changes, not when the chair moves on.
const readMeetingSummary = scopedRead(['meta', 'agenda'], (room: MeetingId, doc: Y.Doc): MeetingSummary => ({
  id: room, meta: readMeetingMeta(doc), agenda: readAgenda(doc),
}));

/** Each meeting I have a room for, read live with `read`; `loaded` once all vault copies are in. */
function useMeetingReads<T>(read: DocsRead<MeetingId, T>): { meetings: readonly T[]; loaded: boolean } {
  const { entries } = useRooms();
  const meetingKey = entries.flatMap((entry) => (isId('meeting', entry.room) ? [entry.room] : [])).sort().join(' ');
  const rooms = useMemo(() => meetingKey.split(' ').filter((room) => room !== ''), [meetingKey]);
  const { handles, loaded } = useRoomDocs(rooms);
  const store = useMemo(() => {
    const sources = handles.flatMap((handle): DocSource<MeetingId>[] => (isId('meeting', handle.room) ? [{ room: handle.room, doc: handle.doc }] : []));
    return createDocsStore(sources, read);
  }, [handles, read]);
  const map = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const meetings = useMemo(() => [...map.values()], [map]);
  return { meetings, loaded };
}

/** Every meeting I have a room for, read live; `loaded` once all vault copies are in. */
export const useMeetings = (): { meetings: readonly Meeting[]; loaded: boolean } => useMeetingReads(readMeetingDoc);

/** Header and agenda of every meeting I have a room for. */
export const useMeetingSummaries = (): { meetings: readonly MeetingSummary[]; loaded: boolean } => useMeetingReads(readMeetingSummary);

/** Whether I have the room of a case (need-to-know), from the rooms list. */
export function useCaseAccess(): { canOpen(caseId: CaseId): boolean; caseRooms: readonly CaseId[]; access(caseId: CaseId): 'edit' | 'view' | null } {
  const { entries } = useRooms();
  // Keyed by content: the rooms list is re-fetched every few seconds, mostly unchanged.
  const key = entries.map((entry) => `${entry.room}=${entry.access}`).sort().join(' ');
  return useMemo(() => {
    const byRoom = new Map<string, 'edit' | 'view'>();
    for (const pair of key.split(' ')) {
      const [room, access] = pair.split('=');
      if (room && (access === 'edit' || access === 'view')) byRoom.set(room, access);
    }
    const caseRooms = [...byRoom.keys()].filter((room): room is CaseId => isId('case', room));
    return { canOpen: (caseId) => byRoom.has(caseId), caseRooms, access: (caseId) => byRoom.get(caseId) ?? null };
  }, [key]);
}

/** Case facts (no plan, no notes) and documents of the given cases I have access to; others are never opened. */
export function useCaseFacts(caseIds: readonly CaseId[]): { boards: ReadonlyMap<CaseId, CaseBoard>; docs: ReadonlyMap<CaseId, Y.Doc>; loaded: boolean } {
  const { canOpen } = useCaseAccess();
  const rooms = useMemo(() => caseIds.filter((caseId) => canOpen(caseId)), [caseIds, canOpen]);
  const { handles, loaded } = useRoomDocs(rooms);
  const store = useMemo(() => {
    const sources = handles.flatMap((handle): DocSource<CaseId>[] => (isId('case', handle.room) ? [{ room: handle.room, doc: handle.doc }] : []));
    return createDocsStore(sources, readCaseFacts);
  }, [handles]);
  const boards = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const docs = useMemo(() => new Map(handles.flatMap((handle) => (isId('case', handle.room) ? [[handle.room, handle.doc] as const] : []))), [handles]);
  return { boards, docs, loaded };
}
