import type { StateCreator } from 'zustand';
import { defaultRoute, sameRoute, type Route } from '../routes';

/** Where the app is; mirrors the location hash (the hash is the source of truth). */
export interface RouteSlice {
  route: Route;
  setRoute(route: Route): void;
}

/** Initial state of {@link RouteSlice}. */
export const initialRouteState = { route: defaultRoute } satisfies Partial<RouteSlice>;

/** Creates the route slice. */
export const createRouteSlice: StateCreator<RouteSlice, [], [], RouteSlice> = (set, get) => ({
  ...initialRouteState,
  setRoute(route) {
    // Keep the object identity when nothing changed: selectors then skip a re-render.
    if (!sameRoute(get().route, route)) set({ route });
  },
});
