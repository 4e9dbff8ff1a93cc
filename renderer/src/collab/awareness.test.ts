import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessUser, readPeers, replaceLocalFields } from './awareness';

/** Copies `from`'s local state into `to`, as the provider would over the wire. */
function relay(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'test-relay');
}

function peerWith(state: Record<string, unknown>): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  return awareness;
}

describe('presence', () => {
  it('reads valid peers with their plain fields and skips malformed ones', () => {
    const me = peerWith({ user: awarenessUser({ username: 'anna', name: 'Anna Fictief', org: 'politie' }) });
    const good = peerWith({
      user: awarenessUser({ username: 'bram', name: 'Bram Fictief', org: 'vt' }),
      section: 'hulp-en-ondersteuning', cursor: { anchor: 1 }, nested: { no: true }, count: 3,
    });
    const malformed = [
      peerWith({ user: { username: 'x', name: 'X', org: 'om', color: 'red' } }),
      peerWith({ user: { username: 42, name: 'Y', org: 'om', color: '#000000' } }),
      peerWith({ user: { username: 'z', name: 'Z'.repeat(10_000), org: 'om', color: '#000000' } }),
      peerWith({ section: 'zonder gebruiker' }),
    ];
    for (const peer of [good, ...malformed]) relay(peer, me);

    const peers = readPeers(me);
    expect(peers).toHaveLength(1);
    expect(peers[0]?.user).toEqual({ username: 'bram', name: 'Bram Fictief', org: 'vt', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    expect(peers[0]?.fields).toEqual({ section: 'hulp-en-ondersteuning', count: 3 });
  });

  it('gives a user the same colour everywhere', () => {
    expect(awarenessUser({ username: 'anna', name: 'A', org: 'o' }).color).toBe(awarenessUser({ username: 'anna', name: 'B', org: 'p' }).color);
  });

  it('replaces only the view fields and keeps the user and the editor caret', () => {
    const user = awarenessUser({ username: 'anna', name: 'Anna Fictief', org: 'politie' });
    const awareness = peerWith({ user, cursor: { anchor: 5 } });
    replaceLocalFields(awareness, [], { section: 'a' });
    replaceLocalFields(awareness, ['section'], { item: 'b' });
    expect(awareness.getLocalState()).toEqual({ user, cursor: { anchor: 5 }, item: 'b' });
    expect(() => replaceLocalFields(awareness, [], { user: 'x' })).toThrow(TypeError);
    expect(() => replaceLocalFields(awareness, [], { big: 'x'.repeat(1000) })).toThrow(TypeError);
  });
});
