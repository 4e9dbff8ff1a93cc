import type { SyncState } from './slices/syncSlice';

/** Which message (if any) a change of sync state deserves: only the changes a user must know. */
export function syncAnnouncementFor(previous: SyncState, next: SyncState): 'wentOffline' | 'backOnline' | 'needsLogin' | null {
  if (previous === next) return null;
  if (next === 'offline') return 'wentOffline';
  if (next === 'unauthorized') return 'needsLogin';
  // syncing → online is routine; only coming back from offline is news.
  if (previous === 'offline' && (next === 'online' || next === 'syncing')) return 'backOnline';
  return null;
}
