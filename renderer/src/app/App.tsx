import type { i18n } from 'i18next';
import { StrictMode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserSessionController, SessionControllerContext, type SessionController } from '../features/session';
import { AppUpdateContext, noAppUpdate, type AppUpdate } from '../features/update';
import { AppFrame } from './AppFrame';

/**
 * The whole app: providers around the frame. `session` is injectable for tests; a window makes
 * its own. `update` is the service worker's update controller (none on desktop and in tests).
 */
export function App({ i18n, session, update = noAppUpdate }: { i18n: i18n; session?: SessionController; update?: AppUpdate }) {
  const [controller] = useState(() => session ?? createBrowserSessionController());
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SessionControllerContext.Provider value={controller}>
          <AppUpdateContext.Provider value={update}>
            <AppFrame />
          </AppUpdateContext.Provider>
        </SessionControllerContext.Provider>
      </I18nextProvider>
    </StrictMode>
  );
}
