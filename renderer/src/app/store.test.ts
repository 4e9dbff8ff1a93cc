import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ANNOUNCEMENTS } from './slices/announcementSlice';
import { resetAppStore, selectRoute, selectSync, useAppStore } from './store';

beforeEach(() => resetAppStore());

describe('app store', () => {
  it('starts on Overleggen, online, signed out, quiet', () => {
    const state = useAppStore.getState();
    expect(state.route).toEqual({ name: 'meetings' });
    expect(state.sync).toEqual({ state: 'online', lastSyncedAt: null });
    expect(state.session).toBeNull();
    expect(state.announcements).toEqual([]);
  });

  it('keeps the route object when the route does not change (no needless re-render)', () => {
    useAppStore.getState().setRoute({ name: 'cases' });
    const before = selectRoute(useAppStore.getState());
    useAppStore.getState().setRoute({ name: 'cases' });
    expect(selectRoute(useAppStore.getState())).toBe(before);
    useAppStore.getState().setRoute({ name: 'actions' });
    expect(selectRoute(useAppStore.getState())).toEqual({ name: 'actions' });
  });

  it('notifies subscribers only when the sync status really changes', () => {
    const seen: string[] = [];
    const stop = useAppStore.subscribe((state) => seen.push(state.sync.state));
    const { setSyncStatus } = useAppStore.getState();
    setSyncStatus({ state: 'online', lastSyncedAt: null });
    setSyncStatus({ state: 'syncing', lastSyncedAt: null });
    setSyncStatus({ state: 'online', lastSyncedAt: 1_700_000_000_000 });
    setSyncStatus({ state: 'online', lastSyncedAt: 1_700_000_000_000 });
    stop();
    expect(seen).toEqual(['syncing', 'online']);
    expect(selectSync(useAppStore.getState())).toEqual({ state: 'online', lastSyncedAt: 1_700_000_000_000 });
  });

  it('keeps only the newest announcements and dismisses by id', () => {
    const { announce } = useAppStore.getState();
    const ids = Array.from({ length: MAX_ANNOUNCEMENTS + 2 }, (_, i) => announce(`melding ${i}`));
    const texts = useAppStore.getState().announcements.map((a) => a.text);
    expect(texts).toEqual(Array.from({ length: MAX_ANNOUNCEMENTS }, (_, i) => `melding ${i + 2}`));
    useAppStore.getState().dismiss(ids[ids.length - 1] ?? -1);
    expect(useAppStore.getState().announcements).toHaveLength(MAX_ANNOUNCEMENTS - 1);
  });

  it('holds the session slot and resets everything', () => {
    let signedOut = 0;
    useAppStore.getState().setSession({ name: 'Pim Proef', orgName: 'Test-ZVH', signOut: () => void signedOut++ });
    useAppStore.getState().session?.signOut();
    expect(signedOut).toBe(1);
    useAppStore.getState().setRoute({ name: 'actions' });
    resetAppStore();
    expect(useAppStore.getState().session).toBeNull();
    expect(useAppStore.getState().route).toEqual({ name: 'meetings' });
  });
});
