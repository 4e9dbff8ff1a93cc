import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './routes';

/** The title of the route's screen, for the browser tab and window ("Casussen – Themakamer"). */
export function useDocumentTitle(route: Route): void {
  const { t } = useTranslation();
  const section =
    route.name === 'meetings' || route.name === 'cases' || route.name === 'actions'
      ? t(`sections.${route.name}.title`)
      : route.name === 'not-found'
        ? t('sections.notFound.title')
        : t(`sections.${route.name}.title`);
  useEffect(() => {
    document.title = t('app.documentTitle', { section });
  }, [t, section]);
}
