import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { DocHandle } from '../../collab/doc-manager';
import type { RoomStatus } from '../../collab/sync-status';
import { isRoom } from '../../domain/ids';
import type { Access } from './api';
import { useLiveSession, useRooms } from './useSession';

/** A room as a view sees it. */
export type RoomDocState =
  /** Asking the server whether the room is mine (it was not in the list this device has). */
  | { status: 'checking' }
  /** Not mine (never was, or revoked): show "Geen toegang" and nothing of the room. */
  | { status: 'no-access' }
  /** Open: the document is shown from the vault first, then synced. */
  | {
      status: 'open';
      room: string;
      doc: Y.Doc;
      awareness: Awareness;
      access: Access;
      /** I may grant and revoke access (procesregisseur with edit). */
      manage: boolean;
      /** The vault's copy is in the document. */
      loaded: boolean;
      /**
       * Until `loaded`: the room's read copy to paint meanwhile (only when asked for with
       * `{ readCopy: true }`), else null. Read-only; call `readCopyShown` once it is painted.
       */
      readCopy: Y.Doc | null;
      readCopyShown(): void;
      roomStatus: RoomStatus;
      /** Publishes this view's presence fields (e.g. the section being edited). */
      setPresence: DocHandle['setPresence'];
    };

const idleStatus = { subscribe: () => () => {}, getSnapshot: () => null };

/**
 * Opens `room` (a case or meeting) through the doc manager while mounted and releases it
 * on unmount. A room that is not in the user's rooms list is never opened: the server
 * is asked once (a grant may be new) and otherwise the view gets `no-access`.
 */
export function useRoomDoc(room: string, options: { readCopy?: boolean } = {}): RoomDocState {
  const live = useLiveSession();
  const { entries } = useRooms();
  const entry = entries.find((candidate) => candidate.room === room) ?? null;
  const [checkedRoom, setCheckedRoom] = useState<string | null>(null);
  const [handle, setHandle] = useState<DocHandle | null>(null);
  const [loadedHandle, setLoadedHandle] = useState<DocHandle | null>(null);
  const [copy, setCopy] = useState<{ handle: DocHandle; doc: Y.Doc } | null>(null);
  const wantsCopy = options.readCopy === true;
  const hasEntry = entry !== null;

  useEffect(() => {
    if (hasEntry || !isRoom(room)) return;
    let current = true;
    void live.refreshRooms().finally(() => {
      if (current) setCheckedRoom(room);
    });
    return () => {
      current = false;
    };
  }, [live, room, hasEntry]);

  useEffect(() => {
    if (!hasEntry) return;
    const opened = live.docManager.open(room);
    setHandle(opened);
    let current = true;
    if (wantsCopy) {
      void opened.readCopy().then((doc) => {
        if (current && doc) setCopy({ handle: opened, doc });
      });
    }
    void opened.whenLoaded.then(() => {
      if (!current) return;
      setLoadedHandle(opened);
      setCopy(null);
    });
    return () => {
      current = false;
      setHandle(null);
      setCopy(null);
      opened.release();
    };
  }, [live, room, hasEntry, wantsCopy]);

  const statusStore = handle?.room === room ? handle.status : idleStatus;
  const roomStatus = useSyncExternalStore(statusStore.subscribe, statusStore.getSnapshot);

  if (!isRoom(room)) return { status: 'no-access' };
  if (!entry) return checkedRoom === room ? { status: 'no-access' } : { status: 'checking' };
  if (!handle || handle.room !== room || !roomStatus) return { status: 'checking' };
  if (roomStatus.state === 'forbidden') return { status: 'no-access' };
  return {
    status: 'open',
    room,
    doc: handle.doc,
    awareness: handle.awareness,
    access: entry.access,
    manage: entry.manage,
    loaded: loadedHandle === handle,
    readCopy: loadedHandle !== handle && copy?.handle === handle ? copy.doc : null,
    readCopyShown: handle.readCopyShown,
    roomStatus,
    setPresence: handle.setPresence,
  };
}

/** {@link useRoomDoc} for a case room (`case:<id>`). */
export const useCaseDoc = useRoomDoc;
