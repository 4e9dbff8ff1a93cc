/**
 * Registers the service worker of the web build (vite-plugin-pwa's generated sw.js, see
 * renderer/vite.config.ts) and connects it to the app's update controller. The desktop
 * shell has the app on disk and registers nothing; neither does a page that is not a secure
 * context (plain http other than localhost), where browsers offer no service workers.
 */
import { registerSW } from 'virtual:pwa-register';
import { createAppUpdate, noAppUpdate, type AppUpdate } from './appUpdate';

/** Starts the offline shell for this window and returns its update controller. */
export function startAppUpdate(env: Window): AppUpdate {
  if (env.api || !('serviceWorker' in env.navigator) || !/^https?:$/u.test(env.location.protocol)) return noAppUpdate;
  let registration: ServiceWorkerRegistration | undefined;
  let activate: (() => Promise<void>) | null = null;
  const onError = (error: unknown, context: string): void => {
    // Names only: an error here carries no content, but keep the habit.
    console.warn(`app update: ${context}`, error instanceof Error ? error.name : 'error');
  };
  const controller = createAppUpdate({
    async activateWaiting() {
      if (!registration?.waiting || !activate) return false;
      await activate();
      return true;
    },
    reload: () => env.location.reload(),
    async checkForUpdate() {
      await registration?.update();
    },
    onError,
  });
  const updateServiceWorker = registerSW({
    onNeedRefresh: () => controller.versionWaiting(),
    // Also when another tab took the new version: this page's old chunks are gone from the cache.
    onNeedReload: () => void controller.versionTookOver(),
    onRegisteredSW: (_url, registered) => {
      registration = registered;
    },
    onRegisterError: (error: unknown) => onError(error, 'register'),
  });
  activate = () => updateServiceWorker(false);
  return controller;
}
