/**
 * Concept minutes from the session's documents: the meeting and the cases on its agenda,
 * opened through the doc manager (shown from the vault, synced when online), read once
 * the first exchange with the server has settled, then released.
 */
import type { DocHandle, DocManager } from '../../collab/doc-manager';
import { readAgenda } from '../../collab/agenda';
import { isId, type MeetingId } from '../../domain/ids';
import type { MinutesData } from '../../pdf/model';
import type { MinutesDirectory } from './directory';
import { minutesFromDocs } from './fromDocs';

/** How long to wait for a room to finish syncing before reading what the vault had. */
const SETTLE_MS = 5_000;

/** Resolves once the room is in sync, or known offline or refused, or after `timeoutMs`. */
function settled(handle: DocHandle, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const check = () => {
      const { state, loaded } = handle.status.getSnapshot();
      if (loaded && state !== 'connecting' && state !== 'syncing') done();
    };
    const unsubscribe = handle.status.subscribe(check);
    const timer = setTimeout(done, timeoutMs);
    check();
  });
}

/** Reads concept minutes of `meetingId` from the documents the user can open. */
export async function conceptFromSession(
  docManager: Pick<DocManager, 'open' | 'openAll'>, meetingId: MeetingId, directory: MinutesDirectory, region: string, settleMs = SETTLE_MS,
): Promise<MinutesData> {
  const meeting = docManager.open(meetingId);
  try {
    await meeting.whenLoaded;
    await settled(meeting, settleMs);
    const opened = docManager.openAll(readAgenda(meeting.doc));
    try {
      await Promise.all(opened.handles.map(async (handle) => {
        await handle.whenLoaded;
        await settled(handle, settleMs);
      }));
      // A case the user may not open stays empty (no header): minutesFromDocs then refuses it.
      const readable = opened.handles.filter((handle) => handle.status.getSnapshot().state !== 'forbidden');
      const cases = new Map(readable.flatMap((handle) => (isId('case', handle.room) ? [[handle.room, handle.doc] as const] : [])));
      return minutesFromDocs({ id: meetingId, doc: meeting.doc }, cases, { directory, region });
    } finally {
      opened.release();
    }
  } finally {
    meeting.release();
  }
}
