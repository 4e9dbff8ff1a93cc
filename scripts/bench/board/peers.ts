/**
 * The other people in the room for the keystroke bench: real y-websocket providers (Node,
 * `ws`) signed in as fictional users, each with a presence record, a caret in "their"
 * plan section and a steady typing rhythm there, so the page under test receives remote
 * updates and awareness changes the whole time, as in a busy meeting.
 */
import * as Y from 'yjs';
import { awarenessUser } from '../../../renderer/src/collab/awareness';
import { planFragment } from '../../../renderer/src/collab/safetyPlan';
import type { SafetyPlanSectionKey } from '../../../renderer/src/domain/safetyPlanSections';
import { newClient, type TestClient } from '../../../sync-server/test/helpers';

/** A connected peer. */
export interface Peer {
  username: string;
  client: TestClient;
  section: SafetyPlanSectionKey;
}

/** One fictional peer user. */
export interface PeerUser {
  username: string;
  name: string;
  org: string;
  token: string;
}

const origin = { name: 'bench-peer' };

function textOf(doc: Y.Doc, section: SafetyPlanSectionKey): Y.XmlText | null {
  const fragment = planFragment(doc, section);
  const paragraph = fragment?.get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

/** Connects the peers and waits until each has synced. */
export async function connectPeers(wsUrl: string, room: string, users: readonly PeerUser[], sections: readonly SafetyPlanSectionKey[]): Promise<Peer[]> {
  const peers = users.map((user, index) => {
    const client = newClient(wsUrl, room, user.token);
    const section = sections[index % sections.length] ?? sections[0];
    if (!section) throw new Error('no sections');
    client.provider.awareness.setLocalState({ user: awarenessUser(user), section });
    return { username: user.username, client, section };
  });
  await Promise.all(peers.map((peer) => peer.client.synced));
  return peers;
}

/** Places each peer's caret at the end of its section's first paragraph (as y-prosemirror encodes carets). */
function moveCaret(peer: Peer, text: Y.XmlText): void {
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length)) as unknown;
  peer.client.provider.awareness.setLocalStateField('cursor', { anchor: position, head: position });
}

/**
 * Every peer types one character every `intervalMs` (staggered) at the end of its
 * section's first paragraph and moves its caret there. Returns the stop function and a
 * counter of edits made.
 */
export function startTyping(peers: readonly Peer[], intervalMs: number): { stop(): void; edits(): number } {
  let edits = 0;
  const letters = 'de partners spreken af dat de procesregisseur wordt gebeld bij elk signaal ';
  const timers = peers.map((peer, index) => {
    let next = 0;
    const tick = (): void => {
      const text = textOf(peer.client.doc, peer.section);
      if (!text) return;
      peer.client.doc.transact(() => text.insert(text.length, letters[next++ % letters.length] ?? ' '), origin);
      moveCaret(peer, text);
      edits++;
    };
    const start = setTimeout(() => {
      tick();
      timers[index] = setInterval(tick, intervalMs);
    }, (intervalMs / peers.length) * index);
    return start;
  });
  return {
    stop: () => timers.forEach((timer) => { clearTimeout(timer); clearInterval(timer); }),
    edits: () => edits,
  };
}

/** Disconnects every peer. */
export function disconnectPeers(peers: readonly Peer[]): void {
  for (const peer of peers) peer.client.destroy();
}
