import { useMemo } from 'react';
import { useLiveSession } from '../session';
import { createMinutesServer, type MinutesServer } from './minutesServer';

/**
 * The minutes export's server calls with this session's token, read from the vault's
 * session record on every call (a re-login, which rewrites it, takes effect at once).
 */
export function useMinutesServer(): MinutesServer {
  const live = useLiveSession();
  return useMemo(() => createMinutesServer({
    serverUrl: live.serverUrl,
    token: async () => (await live.vault.loadSession())?.token ?? null,
  }), [live]);
}
