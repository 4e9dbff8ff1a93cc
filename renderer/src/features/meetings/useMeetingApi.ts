import { useMemo } from 'react';
import { useLiveSession } from '../session';
import { createMeetingApi, type MeetingApi } from './meetingApi';

/**
 * The meeting calls with this session's token. The token is read from the vault's
 * session record on every call, so a re-login (which rewrites it) takes effect at once.
 */
export function useMeetingApi(): MeetingApi {
  const live = useLiveSession();
  return useMemo(() => createMeetingApi({
    serverUrl: live.serverUrl,
    token: async () => (await live.vault.loadSession())?.token ?? null,
  }), [live]);
}
