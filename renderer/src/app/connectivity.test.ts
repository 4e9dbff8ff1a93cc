import { describe, expect, it } from 'vitest';
import { watchBrowserConnectivity, type ConnectivitySource } from './connectivity';
import type { SyncStatus } from './slices/syncSlice';

/** A window stand-in: a real EventTarget with a navigator whose onLine the test sets. */
function fakeWindow(onLine: boolean) {
  const target = new EventTarget();
  const navigator = { onLine };
  const source: ConnectivitySource = {
    navigator,
    addEventListener: (type, listener) => target.addEventListener(type, listener),
    removeEventListener: (type, listener) => target.removeEventListener(type, listener),
  };
  const go = (online: boolean): void => {
    navigator.onLine = online;
    target.dispatchEvent(new Event(online ? 'online' : 'offline'));
  };
  return { source, go };
}

describe('watchBrowserConnectivity', () => {
  it('reports the state at once and on every change, keeping the last sync time', () => {
    const { source, go } = fakeWindow(false);
    let status: SyncStatus = { state: 'online', lastSyncedAt: 42 };
    const reports: SyncStatus[] = [];
    const stop = watchBrowserConnectivity(source, () => status, (next) => {
      status = next;
      reports.push(next);
    });
    go(true);
    go(false);
    stop();
    go(true);
    expect(reports).toEqual([
      { state: 'offline', lastSyncedAt: 42 },
      { state: 'online', lastSyncedAt: 42 },
      { state: 'offline', lastSyncedAt: 42 },
    ]);
  });
});
