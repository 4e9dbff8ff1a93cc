import type { Api, AppInfo } from '../../../electron/contract';
import { version } from '../../../package.json';
import { startDownload } from './download';
import { safeExternalUrl } from './externalUrl';
import { signPdfInBrowser } from './signInBrowser';

/** What the web Api needs from the browser; tests pass their own window. */
export interface WebEnvironment {
  location: Pick<Location, 'origin'>;
  navigator: Pick<Navigator, 'platform'>;
  document: Document;
  open: (url: string, target: string, features: string) => unknown;
}

/**
 * The Api of the web build: the same interface as the desktop preload, done with what a
 * browser offers. The page is served by the sync server, so the server is our own origin.
 */
export function createWebApi(env: WebEnvironment = window): Api {
  return {
    async getAppInfo(): Promise<AppInfo> {
      return { shell: 'web', version, serverUrl: env.location.origin, platform: env.navigator.platform || 'unknown' };
    },
    async saveFile(request) {
      startDownload(request, env.document);
      // A browser does not say where (or whether) the user kept the download.
      return { saved: true, path: null };
    },
    signPdf: signPdfInBrowser,
    async openExternal(url) {
      const safe = safeExternalUrl(url);
      if (safe === null) return false;
      // noopener: the opened page gets no handle on ours (and no referrer).
      env.open(safe, '_blank', 'noopener,noreferrer');
      return true;
    },
    // A browser has no OS keychain to wrap the vault key with: the vault asks for the password.
    async wrapKey() {
      return { available: false, data: null };
    },
    async unwrapKey() {
      return { available: false, data: null };
    },
  };
}
