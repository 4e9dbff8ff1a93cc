/**
 * A room's document as stored (snapshot, then update rows), for readers that derive facts from
 * it (the case index, the monitor index). A value that does not open or apply is skipped: a
 * fact may then be missing, never wrong (the room loader quarantines such values; readers here
 * write nothing to the room). The caller destroys the doc.
 */
import * as Y from 'yjs';
import type { RoomStore } from './room-store';

/** The stored document of `room`, skipping values that do not open or apply. */
export async function readStoredDoc(store: RoomStore, room: string): Promise<Y.Doc> {
  const stored = await store.read(room);
  const doc = new Y.Doc({ gc: true });
  for (const value of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.rows]) {
    try {
      Y.applyUpdate(doc, value.open());
    } catch {
      // Skipped, see above.
    }
  }
  return doc;
}
