/**
 * The server's protocol compared with this app's, read when the server comes within reach
 * (at start, and each time `reachable` turns true). When the server runs another release
 * the browser is asked to look for a new version of the app at once, so a web user learns
 * of it without waiting for the next start.
 */
import { useEffect, useState } from 'react';
import { compareProtocol, APP_PROTOCOL_VERSION, type ProtocolFit } from './protocol';
import { fetchServerVersion, type ServerVersion } from './serverVersion';

/** The comparison, or null while unknown (not asked yet, or no answer). */
export interface ProtocolCheck {
  fit: ProtocolFit;
  server: ServerVersion;
}

/** Checks `serverUrl` (null: nothing to check) whenever it is reachable; `onOtherRelease` gets the server's release when it differs from `appVersion`. */
export function useServerProtocol(serverUrl: string | null, reachable: boolean, appVersion: string, onOtherRelease: () => void): ProtocolCheck | null {
  const [check, setCheck] = useState<{ url: string; result: ProtocolCheck } | null>(null);
  useEffect(() => {
    if (!serverUrl || !reachable) return;
    let live = true;
    void fetchServerVersion(serverUrl).then((server) => {
      if (!live || !server) return;
      setCheck({ url: serverUrl, result: { fit: compareProtocol(APP_PROTOCOL_VERSION, server.protocol), server } });
      if (server.app !== appVersion || server.protocol !== APP_PROTOCOL_VERSION) onOtherRelease();
    });
    return () => {
      live = false;
    };
  }, [serverUrl, reachable, appVersion, onOtherRelease]);
  return check && check.url === serverUrl ? check.result : null;
}
