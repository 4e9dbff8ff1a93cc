/**
 * Participants as real y-websocket clients in this Node process (stock provider,
 * `disableBc: true`, each with its own token and socket to the meeting room). Each
 * confirms the confidentiality statement as the app's card does, then follows the chair:
 * the time its document observes the new current item (the `live` map the meeting page
 * reads) is its arrival time. They open only the meeting room, not the case rooms.
 */
import { onCurrentItemChange } from '../../../renderer/src/collab/live';
import { origins } from '../../../renderer/src/collab/origins';
import { confirmConfidentiality, setAttendance } from '../../../renderer/src/collab/participants';
import type { CurrentItem } from '../../../renderer/src/domain/meetingRecords';
import { newClient, type TestClient } from '../../../sync-server/test/helpers';
import type { BenchUser } from './server';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes after calibration. */
export const clock = (): number => performance.timeOrigin + performance.now();

/** One participant in Node. */
export interface NodeParticipant {
  id: string;
  client: TestClient;
  stop(): void;
}

/** Connects `users` to `room`, confirms for each and calls `seen` whenever one observes a new current item. */
export async function connectNodeParticipants(
  wsUrl: string,
  room: string,
  users: readonly { user: BenchUser; token: string }[],
  seen: (id: string, item: CurrentItem, at: number) => void,
): Promise<NodeParticipant[]> {
  const participants = users.map(({ user, token }): NodeParticipant => {
    const client = newClient(wsUrl, room, token);
    const id = `node:${user.username}`;
    const stop = onCurrentItemChange(client.doc, (live) => seen(id, live.currentItem, clock()));
    return { id, client, stop };
  });
  await Promise.all(participants.map((participant) => participant.client.synced));
  for (const [index, participant] of participants.entries()) {
    const username = users[index]?.user.username ?? '';
    const { doc } = participant.client;
    doc.transact(() => {
      confirmConfidentiality(doc, { username });
      setAttendance(doc, username, 'aanwezig');
    }, origins.userEdit);
  }
  return participants;
}

/** Disconnects every Node participant. */
export function disconnectNodeParticipants(participants: readonly NodeParticipant[]): void {
  for (const participant of participants) {
    participant.stop();
    participant.client.destroy();
  }
}
