/**
 * The one UI store: typed slices, UI state only (shared content lives in Yjs, never here).
 * Select narrowly (`useAppStore(selectRoute)`); tests call `resetAppStore()`.
 */
import { create } from 'zustand';
import { createAnnouncementSlice, initialAnnouncementState, type AnnouncementSlice } from './slices/announcementSlice';
import { createRouteSlice, initialRouteState, type RouteSlice } from './slices/routeSlice';
import { createSessionSlice, initialSessionState, type SessionSlice } from './slices/sessionSlice';
import { createSyncSlice, initialSyncState, type SyncSlice } from './slices/syncSlice';

/** The whole UI state. */
export type AppState = RouteSlice & SyncSlice & SessionSlice & AnnouncementSlice;

/** The app's store hook (also `useAppStore.getState()` outside React). */
export const useAppStore = create<AppState>()((...args) => ({
  ...createRouteSlice(...args),
  ...createSyncSlice(...args),
  ...createSessionSlice(...args),
  ...createAnnouncementSlice(...args),
}));

/** Puts the store back to its initial state (tests; signing out). */
export function resetAppStore(): void {
  useAppStore.setState({
    ...initialRouteState,
    ...initialSyncState,
    ...initialSessionState,
    ...initialAnnouncementState,
  });
}

/** Narrow selectors: a component re-renders only when its slice of state changes. */
export const selectRoute = (state: AppState) => state.route;
export const selectSetRoute = (state: AppState) => state.setRoute;
export const selectSync = (state: AppState) => state.sync;
export const selectSetSyncStatus = (state: AppState) => state.setSyncStatus;
export const selectSession = (state: AppState) => state.session;
export const selectAnnouncements = (state: AppState) => state.announcements;
export const selectAnnounce = (state: AppState) => state.announce;
export const selectDismiss = (state: AppState) => state.dismiss;

export type { Route, Section } from './routes';
export type { SyncState, SyncStatus } from './slices/syncSlice';
export type { SessionView } from './slices/sessionSlice';
export type { Announcement } from './slices/announcementSlice';
