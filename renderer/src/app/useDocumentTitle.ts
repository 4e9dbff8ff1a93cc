import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './routes';

/**
 * The title of the screen, for the browser tab and window ("Casussen – Themakamer").
 * Never a case label or a person's name: titles end up in history, task bars and screen shares.
 */
export function useDocumentTitle(screen: Route | 'sign-in' | 'unlock'): void {
  const { t } = useTranslation();
  let section: string;
  if (screen === 'sign-in') section = t('session.signIn.title');
  else if (screen === 'unlock') section = t('session.unlock.title');
  else if (screen.name === 'not-found') section = t('sections.notFound.title');
  else section = t(`sections.${screen.name}.title`);
  useEffect(() => {
    document.title = t('app.documentTitle', { section });
  }, [t, section]);
}
