import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DroppedRoomsNotice, LiveSessionContext, OfflineBanner, RecoveryCodesScreen, ReLoginPrompt, SetupScreen, setupTokenOf, SignInScreen, OidcReturnScreen, takeOidcReturn, type OidcReturn, UnlockScreen, useConnection, useIdleLock, useSession, useSessionController,
  useSessionPhase, type SessionPhase,
} from '../features/session';
import { ReminderBell } from '../features/reminders';
import { UpdateNotices, useAppUpdate } from '../features/update';
import { Toaster } from '../ui';
import { AboutButton } from './AboutDialog';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { RouteView } from './RouteView';
import { SkipLink } from './SkipLink';
import { selectAnnouncements, selectDismiss, selectRoute, useAppStore } from './store';
import { SyncIndicator } from './SyncIndicator';
import { useDocumentTitle } from './useDocumentTitle';
import { useHashRoute } from './useHashRoute';
import { useRouteFocus } from './useRouteFocus';
import { UserMenu } from './UserMenu';
import { useSessionToStore } from './useSessionToStore';
import { useSyncAnnouncements } from './useSyncAnnouncements';
import './appSession.css';

const MAIN_ID = 'inhoud';

function Brand() {
  const { t } = useTranslation();
  return (
    <div className="app-header__brand">
      <span className="app-header__name">{t('app.name')}</span>
      <span className="app-header__subtitle">{t('app.subtitle')}</span>
    </div>
  );
}

/** The token of a first-run setup link (`#/inrichten/<token>`) in the address, followed as the hash changes. */
function useSetupToken(): string | null {
  const [token, setToken] = useState(() => setupTokenOf(window.location.hash));
  useEffect(() => {
    const follow = (): void => setToken(setupTokenOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return token;
}

/** Signed out or locked: the sign-in or unlock card; the route in the hash waits for after. */
function SignedOutScreen({ phase }: { phase: Exclude<SessionPhase, { phase: 'signed-in' }> }) {
  const setupToken = useSetupToken();
  // Back from the organisation's sign-in page (#oidc=… or #oidc-error=…), read once per page load.
  const [oidc, setOidc] = useState<OidcReturn | null>(() => takeOidcReturn());
  const oidcFailed = useCallback(() => setOidc({ kind: 'error', reason: 'failed' }), []);
  if (phase.phase === 'recovery-codes') return <RecoveryCodesScreen codes={phase.codes} />;
  if (setupToken !== null) return <SetupScreen token={setupToken} />;
  if (oidc?.kind === 'code') return <OidcReturnScreen code={oidc.code} onFailed={oidcFailed} />;
  if (oidc?.kind === 'error') return <SignInScreen remembered={phase.remembered} oidcError={oidc.reason} />;
  return phase.phase === 'locked' ? <UnlockScreen remembered={phase.remembered} idle={phase.reason === 'idle'} /> : <SignInScreen remembered={phase.remembered} accountDisabled={phase.phase === 'signed-out' && phase.reason === 'account-disabled'} />;
}

/** Signed in: the session's server, checked again each time the connection comes back. */
function SignedInUpdateNotices() {
  const { serverUrl } = useSession();
  const { state } = useConnection();
  return <UpdateNotices serverUrl={serverUrl} reachable={state !== 'offline'} />;
}

/**
 * The frame around every screen: header (status, language, user), main menu and the
 * route's screen. Until someone is signed in it shows only the sign-in (or unlock) card.
 */
export function AppFrame() {
  const { t } = useTranslation();
  const route = useAppStore(selectRoute);
  const announcements = useAppStore(selectAnnouncements);
  const dismiss = useAppStore(selectDismiss);
  const phase = useSessionPhase();
  const controller = useSessionController();
  const main = useRef<HTMLElement>(null);
  const live = phase.phase === 'signed-in' ? phase.live : null;
  const { update } = useAppUpdate();
  // A new version reloads the page: the session's pending edits go into the vault first.
  useEffect(() => (live ? update.beforeReload(() => live.docManager.flush()) : undefined), [live, update]);
  const signOut = useCallback(() => void controller.signOut(), [controller]);
  useHashRoute();
  useSessionToStore(live, signOut);
  useIdleLock(live, controller);
  useSyncAnnouncements();
  useRouteFocus(main);
  useDocumentTitle(live ? route : phase.phase === 'locked' ? 'unlock' : 'sign-in');

  let content: ReactNode;
  if (phase.phase !== 'signed-in') {
    content = (
      <div className="app-body app-body--signed-out">
        <main id={MAIN_ID} ref={main} className="app-main" tabIndex={-1}>
          <UpdateNotices serverUrl={phase.remembered?.serverUrl ?? null} reachable />
          <SignedOutScreen phase={phase} />
        </main>
      </div>
    );
  } else {
    content = (
      <LiveSessionContext.Provider value={phase.live}>
        <div className="app-body">
          <MainNav />
          <main id={MAIN_ID} ref={main} className="app-main" tabIndex={-1}>
            <SignedInUpdateNotices />
            <ReLoginPrompt />
            <OfflineBanner />
            <DroppedRoomsNotice />
            <RouteView route={route} />
          </main>
        </div>
      </LiveSessionContext.Provider>
    );
  }

  return (
    <div className="app-frame">
      <SkipLink targetId={MAIN_ID} />
      <header className="app-header">
        <Brand />
        <div className="app-header__tools">
          {live ? <SyncIndicator /> : null}
          {live ? <LiveSessionContext.Provider value={live}><ReminderBell /></LiveSessionContext.Provider> : null}
          <LanguageSwitch />
          <AboutButton />
          {live ? <UserMenu /> : null}
        </div>
      </header>
      {content}
      <Toaster toasts={announcements} onDismiss={dismiss} label={t('common.notifications')} dismissLabel={t('common.dismiss')} />
    </div>
  );
}
