/** The 'app-info' handler: what the renderer needs to know about the desktop shell. */
import type { AppInfo } from '../contract';
import type { ServerUrl } from './server-url';

/** Makes the 'app-info' handler from fixed facts gathered at start-up. */
export function createAppInfo(version: string, server: Pick<ServerUrl, 'origin'>, platform: string) {
  const info: AppInfo = { shell: 'desktop', version, serverUrl: server.origin, platform };
  return async function getAppInfo(): Promise<AppInfo> {
    return { ...info };
  };
}
