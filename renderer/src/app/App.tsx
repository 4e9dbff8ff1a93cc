import type { i18n } from 'i18next';
import { StrictMode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserSessionController, SessionControllerContext, type SessionController } from '../features/session';
import { AppFrame } from './AppFrame';

/** The whole app: providers around the frame. `session` is injectable for tests; a window makes its own. */
export function App({ i18n, session }: { i18n: i18n; session?: SessionController }) {
  const [controller] = useState(() => session ?? createBrowserSessionController());
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SessionControllerContext.Provider value={controller}>
          <AppFrame />
        </SessionControllerContext.Provider>
      </I18nextProvider>
    </StrictMode>
  );
}
