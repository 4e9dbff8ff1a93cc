import { useEffect } from 'react';
import { parseHash, hrefOf } from './routes';
import { useAppStore } from './store';

/**
 * Sets the store's route from the location hash. An empty hash is rewritten to the default
 * route's URL (replaceState: Back does not bounce through it). Call once before the first
 * render too, so the app starts on the right screen without a focus-moving route change.
 */
export function syncRouteFromLocation(): void {
  const route = parseHash(window.location.hash);
  if (window.location.hash === '' || window.location.hash === '#' || window.location.hash === '#/') {
    window.history.replaceState(window.history.state, '', hrefOf(route));
  }
  useAppStore.getState().setRoute(route);
}

/** Keeps the store's route in step with the location hash while mounted. */
export function useHashRoute(): void {
  useEffect(() => {
    syncRouteFromLocation();
    window.addEventListener('hashchange', syncRouteFromLocation);
    return () => window.removeEventListener('hashchange', syncRouteFromLocation);
  }, []);
}
