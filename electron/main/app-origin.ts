/**
 * The origin the renderer runs on in the desktop app. Everything the main process
 * trusts (IPC senders, navigation, permissions) is decided by comparing to it.
 */

/** The custom scheme that serves out/renderer (registered as standard + secure). */
export const APP_SCHEME = 'app';

/** The single host of the app scheme; a standard scheme needs one. */
export const APP_HOST = 'themakamer';

/** `app://themakamer`: the renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Whether a URL belongs to the app's own origin (exact scheme and host, no userinfo or port). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
