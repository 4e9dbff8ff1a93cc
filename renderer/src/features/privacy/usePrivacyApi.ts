import { useMemo } from 'react';
import { useLiveSession } from '../session';
import { createPrivacyApi, type PrivacyApi } from './privacyApi';

/** The privacy calls with this session's token (read from the vault's session record on every call). */
export function usePrivacyApi(): PrivacyApi {
  const live = useLiveSession();
  return useMemo(() => createPrivacyApi({
    serverUrl: live.serverUrl,
    token: async () => (await live.vault.loadSession())?.token ?? null,
  }), [live]);
}
