import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Toaster } from '../ui';
import { AboutButton } from './AboutDialog';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { RouteView } from './RouteView';
import { SkipLink } from './SkipLink';
import { selectAnnouncements, selectDismiss, selectRoute, useAppStore } from './store';
import { SyncIndicator } from './SyncIndicator';
import { useBrowserConnectivity } from './useBrowserConnectivity';
import { useDocumentTitle } from './useDocumentTitle';
import { useHashRoute } from './useHashRoute';
import { useRouteFocus } from './useRouteFocus';
import { UserMenu } from './UserMenu';
import { useSyncAnnouncements } from './useSyncAnnouncements';

const MAIN_ID = 'inhoud';

/** The frame around every screen: header (status, language, user), main menu and the route's screen. */
export function AppFrame() {
  const { t } = useTranslation();
  const route = useAppStore(selectRoute);
  const announcements = useAppStore(selectAnnouncements);
  const dismiss = useAppStore(selectDismiss);
  const main = useRef<HTMLElement>(null);
  useHashRoute();
  useBrowserConnectivity();
  useSyncAnnouncements();
  useRouteFocus(main);
  useDocumentTitle(route);

  return (
    <div className="app-frame">
      <SkipLink targetId={MAIN_ID} />
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__subtitle">{t('app.subtitle')}</span>
        </div>
        <div className="app-header__tools">
          <SyncIndicator />
          <LanguageSwitch />
          <AboutButton />
          <UserMenu />
        </div>
      </header>
      <div className="app-body">
        <MainNav />
        <main id={MAIN_ID} ref={main} className="app-main" tabIndex={-1}>
          <RouteView route={route} />
        </main>
      </div>
      <Toaster toasts={announcements} onDismiss={dismiss} label={t('common.notifications')} dismissLabel={t('common.dismiss')} />
    </div>
  );
}
