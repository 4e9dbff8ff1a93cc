/**
 * Building a room's Y.Doc from storage. Every stored value is applied alone (never merged);
 * one that fails to decrypt or apply is moved to the quarantine and the room loads without
 * it, so no stored value can make a room unloadable. A failed apply may leave the doc
 * half-changed (Yjs throws from inside its transaction cleanup), so loading starts again
 * from a fresh doc without the quarantined value. Between slices of work the loader yields
 * to the event loop, so loading a large room does not stall every other room.
 */
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { RoomStore, StoredValue } from '../storage/room-store';

/** A loaded room document. */
export interface LoadedRoom {
  doc: Y.Doc;
  /** Log rows after the snapshot. */
  rows: number;
  /** The last row id the doc holds (0 when nothing is stored). */
  lastRow: number;
  /** Values set aside while loading. */
  quarantined: number;
}

/** Work done between two yields to the event loop while loading. */
const sliceMs = 10;
/** Loads that set a value aside and start again, before giving up (a sign of a store that keeps failing). */
const maxRestarts = 20;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Loads `room` from `store`, quarantining what does not load. */
export async function loadRoomDoc(store: RoomStore, room: string, logger: Logger): Promise<LoadedRoom> {
  let quarantined = 0;
  const setAside = async (source: 'update' | 'snapshot', value: StoredValue, error: unknown): Promise<void> => {
    const name = (error as Error)?.name ?? 'Error';
    await store.quarantine(room, source, value.id, name);
    quarantined++;
    logger.error('room-value-quarantined', { room, source, id: value.id, error: name });
  };

  for (let restart = 0; restart <= maxRestarts; restart++) {
    const stored = await store.read(room);
    const doc = new Y.Doc({ gc: true });
    let failed: { source: 'update' | 'snapshot'; value: StoredValue; error: unknown } | null = null;
    const unreadable: StoredValue[] = [];
    let sliceStart = performance.now();
    if (stored.snapshot) {
      try {
        Y.applyUpdate(doc, stored.snapshot.open());
      } catch (error) {
        failed = { source: 'snapshot', value: stored.snapshot, error };
      }
    }
    let lastRow = stored.snapshot?.id ?? 0;
    let rows = 0;
    for (const row of failed ? [] : stored.rows) {
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      let data: Uint8Array;
      try {
        data = row.open();
      } catch {
        // Not decrypted means not applied: the doc is untouched, loading goes on.
        unreadable.push(row);
        continue;
      }
      try {
        Y.applyUpdate(doc, data);
      } catch (error) {
        failed = { source: 'update', value: row, error };
        break;
      }
      lastRow = row.id;
      rows++;
    }
    for (const row of unreadable) await setAside('update', row, { name: 'SealError' });
    if (!failed) return { doc, rows, lastRow: Math.max(lastRow, stored.rows.at(-1)?.id ?? 0), quarantined };
    await setAside(failed.source, failed.value, failed.error);
  }
  throw new Error(`room ${room} kept failing to load`);
}
