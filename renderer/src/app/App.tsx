import type { i18n } from 'i18next';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AppFrame } from './AppFrame';

/** The whole app: providers around the frame. */
export function App({ i18n }: { i18n: i18n }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppFrame />
      </I18nextProvider>
    </StrictMode>
  );
}
