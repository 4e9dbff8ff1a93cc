/**
 * Process-wide lockdown: every WebContents ever created gets navigation, redirect,
 * webview and window-open guards; the session denies permissions and off-origin requests.
 * Must init before the first window exists.
 */
import type { App, Session, WebContents } from 'electron';
import { mayNavigate, mayRequest, windowOpenHandler } from './navigation';
import type { OpenExternal } from './external-links';
import type { ServerUrl } from './server-url';
import type { Service } from './service';

/** A navigation-like event Electron lets us cancel. */
interface CancellableNavigation {
  url: string;
  preventDefault(): void;
}

/** Attaches the guards to one WebContents (windows, devtools, anything Electron creates). */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const guard = (event: CancellableNavigation): void => {
    if (!mayNavigate(event.url)) {
      event.preventDefault();
      console.warn('[security] navigation blocked');
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  // webviewTag is off in every window; this also stops one created some other way.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}

/** Permission requests (camera, notifications, clipboard read, …): always refused. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Synchronous permission checks: always false. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** What the security service needs from Electron. */
export interface SecurityDeps {
  app: Pick<App, 'on' | 'off'>;
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'>;
  openExternal: OpenExternal;
  server: Pick<ServerUrl, 'origin' | 'wsOrigin'>;
}

/** The lockdown as a service. */
export function securityService({ app, session, openExternal, server }: SecurityDeps): Service {
  const onContentsCreated = (_event: unknown, contents: WebContents): void => hardenWebContents(contents, openExternal);
  return {
    name: 'security',
    init() {
      app.on('web-contents-created', onContentsCreated);
      session.setPermissionRequestHandler(denyPermissionRequest);
      session.setPermissionCheckHandler(denyPermissionCheck);
      session.setDevicePermissionHandler(denyPermissionCheck);
      session.webRequest.onBeforeRequest((details, callback) => {
        const allowed = mayRequest(details.url, server);
        if (!allowed) console.warn(`[security] request blocked (${details.resourceType})`);
        callback({ cancel: !allowed });
      });
    },
    dispose() {
      // The session's deny handlers stay: removing them would restore Electron's
      // grant-by-default for whatever still runs during shutdown.
      app.off('web-contents-created', onContentsCreated);
    },
  };
}
