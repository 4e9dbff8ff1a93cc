/** The window's update controller for React (provided by App; no service worker in tests and on desktop). */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { noAppUpdate, type AppUpdate, type AppUpdateState } from './appUpdate';

/** The update controller of this window. */
export const AppUpdateContext = createContext<AppUpdate>(noAppUpdate);

/** The update controller and its state. */
export function useAppUpdate(): { update: AppUpdate; state: AppUpdateState } {
  const update = useContext(AppUpdateContext);
  const state = useSyncExternalStore(update.state.subscribe, update.state.getSnapshot);
  return { update, state };
}
