import { describe, expect, it } from 'vitest';
import { syncAnnouncementFor } from './syncAnnouncements';

describe('syncAnnouncementFor', () => {
  it('announces losing and regaining the connection, and an expired session', () => {
    expect(syncAnnouncementFor('online', 'offline')).toBe('wentOffline');
    expect(syncAnnouncementFor('syncing', 'offline')).toBe('wentOffline');
    expect(syncAnnouncementFor('offline', 'online')).toBe('backOnline');
    expect(syncAnnouncementFor('offline', 'syncing')).toBe('backOnline');
    expect(syncAnnouncementFor('online', 'unauthorized')).toBe('needsLogin');
  });

  it('stays quiet for routine changes', () => {
    expect(syncAnnouncementFor('online', 'syncing')).toBeNull();
    expect(syncAnnouncementFor('syncing', 'online')).toBeNull();
    expect(syncAnnouncementFor('offline', 'offline')).toBeNull();
  });
});
