import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessUser, replaceLocalFields } from '../../collab/awareness';
import { createPeersStore } from './peersStore';
import { summarisePresence, typingIn } from './presenceSummary';
import { localUsername } from './usePresence';

/** Copies `from`'s local state into `to`, as the provider does over the wire. */
function relay(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'test-relay');
}

function client(username: string, name: string, org: string): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ user: awarenessUser({ username, name, org }) });
  return awareness;
}

describe('presence summary', () => {
  it('lists other users once each, with the sections they type in, never the local user', () => {
    const me = client('test.anna', 'Anna Fictief', 'zvh');
    const bram = client('test.bram', 'Bram Fictief', 'vt');
    const bramSecondWindow = client('test.bram', 'Bram Fictief', 'vt');
    const annaOtherTab = client('test.anna', 'Anna Fictief', 'zvh');
    const carla = client('test.carla', 'Carla Fictief', 'politie');
    replaceLocalFields(bram, [], { section: 'hulp-en-ondersteuning' });
    replaceLocalFields(bramSecondWindow, [], { section: 'situatie-en-risico' });
    replaceLocalFields(carla, [], { section: 'geen-sectie' });
    for (const other of [bram, bramSecondWindow, annaOtherTab, carla]) relay(other, me);

    const users = summarisePresence(createPeersStore(me).getSnapshot(), localUsername(me));
    expect(users.map((user) => [user.username, user.initials, user.sections])).toEqual([
      ['test.bram', 'BF', ['situatie-en-risico', 'hulp-en-ondersteuning']],
      // An unknown section is not shown as a place (a peer may send anything).
      ['test.carla', 'CF', []],
    ]);
    expect(users[0]?.color).toMatch(/^#[0-9a-f]{6}$/u);
    expect(typingIn(users, 'situatie-en-risico').map((user) => user.name)).toEqual(['Bram Fictief']);
    expect(typingIn(users, 'monitoring-en-evaluatie')).toEqual([]);
  });
});

describe('peers store', () => {
  it('notifies when who is there or where changes, not when only a caret moves, and keeps its snapshot stable', () => {
    const me = client('test.anna', 'Anna Fictief', 'zvh');
    const bram = client('test.bram', 'Bram Fictief', 'vt');
    const store = createPeersStore(me);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    expect(store.getSnapshot()).toEqual([]);

    relay(bram, me);
    expect(calls).toBe(1);
    const first = store.getSnapshot();
    expect(first.map((peer) => peer.user.username)).toEqual(['test.bram']);

    bram.setLocalStateField('cursor', { anchor: 3, head: 3 });
    relay(bram, me);
    expect(calls).toBe(1);
    expect(store.getSnapshot()).toBe(first);

    replaceLocalFields(bram, [], { section: 'beschermende-maatregelen' });
    relay(bram, me);
    expect(calls).toBe(2);
    expect(store.getSnapshot()[0]?.fields).toEqual({ section: 'beschermende-maatregelen' });

    removeAwarenessStates(me, [bram.clientID], 'test-gone');
    expect(calls).toBe(3);
    expect(store.getSnapshot()).toEqual([]);

    unsubscribe();
    bram.setLocalStateField('section', null);
    relay(bram, me);
    expect(calls).toBe(3);
    // Read without listeners: still current.
    expect(store.getSnapshot()).toHaveLength(1);
  });
});
