import { describe, expect, it } from 'vitest';
import { aggregateStatus, createValueStore, lastSyncedGranularityMs, sameAppStatus, type RoomState, type RoomStatus } from './sync-status';

const room = (id: string, state: RoomState, extra: Partial<RoomStatus> = {}): RoomStatus => ({
  room: `case:${id.padEnd(8, '0')}`, state, loaded: true, unconfirmed: 0, lastSyncedAt: null, storageError: false, closeCode: null, ...extra,
});

describe('aggregate sync status', () => {
  it('is online only when every active room is online, and then takes the latest confirmation', () => {
    const status = aggregateStatus([room('a', 'online', { lastSyncedAt: 10 }), room('b', 'online', { lastSyncedAt: 20 })], 5);
    expect(status).toMatchObject({ state: 'online', lastSyncedAt: 20, unconfirmed: 0 });
  });

  it('is syncing while any room is behind, keeping the previous last-synced time', () => {
    const status = aggregateStatus([room('a', 'online', { lastSyncedAt: 30 }), room('b', 'syncing', { unconfirmed: 2 })], 12);
    expect(status).toMatchObject({ state: 'syncing', lastSyncedAt: 12, unconfirmed: 2 });
    expect(aggregateStatus([room('a', 'offline'), room('b', 'connecting')], null).state).toBe('syncing');
  });

  it('is offline when every active room is offline', () => {
    expect(aggregateStatus([room('a', 'offline', { unconfirmed: 3 }), room('b', 'offline')], 7))
      .toMatchObject({ state: 'offline', unconfirmed: 3, lastSyncedAt: 7 });
  });

  it('puts unauthorized first and lists forbidden and refused rooms without letting them block', () => {
    expect(aggregateStatus([room('a', 'online'), room('b', 'unauthorized')], null).state).toBe('unauthorized');
    const status = aggregateStatus([room('a', 'online', { lastSyncedAt: 1 }), room('b', 'forbidden'), room('c', 'refused', { storageError: true })], null);
    expect(status).toMatchObject({ state: 'online', forbidden: ['case:b0000000'], refused: ['case:c0000000'], storageError: true });
  });

  it('with no rooms open is online and never synced', () => {
    expect(aggregateStatus([], null)).toMatchObject({ state: 'online', lastSyncedAt: null });
  });
});

describe('value store', () => {
  it('notifies only on change and keeps the snapshot stable otherwise', () => {
    const store = createValueStore(aggregateStatus([], null), sameAppStatus);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const before = store.getSnapshot();
    store.set(aggregateStatus([], null));
    expect(store.getSnapshot()).toBe(before);
    store.set(aggregateStatus([room('a', 'offline')], null));
    expect(calls).toBe(1);
    unsubscribe();
    store.set(aggregateStatus([], null));
    expect(calls).toBe(1);
  });

  it('does not re-render for keep-alive confirmations within a minute, but does after', () => {
    const at = (t: number) => aggregateStatus([room('a', 'online', { lastSyncedAt: t })], null);
    const store = createValueStore(at(1_000), sameAppStatus);
    store.set(at(1_000 + lastSyncedGranularityMs - 1));
    expect(store.getSnapshot().lastSyncedAt).toBe(1_000);
    store.set(at(1_000 + lastSyncedGranularityMs));
    expect(store.getSnapshot().lastSyncedAt).toBe(1_000 + lastSyncedGranularityMs);
  });
});
