/** The session controller of a real window: IndexedDB and localStorage of this browser profile. */
import { openVault } from '../../vault';
import { createSessionController, type SessionController } from './sessionController';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Blocked by policy: the app works, it only forgets who signed in last.
    return null;
  }
}

/** Creates the controller for this window. */
export function createBrowserSessionController(): SessionController {
  return createSessionController({
    openVault: (serverUrl, username) => openVault({ serverUrl, username }),
    storage: localStorageOrNull(),
    live: { browserOnline: navigator.onLine },
  });
}
