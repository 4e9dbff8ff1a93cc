/**
 * Hooks onto the session for every feature. Use them below the signed-in gate (the app's
 * screens are): outside it `useLiveSession` throws, which is a programming error.
 *
 *   const { user, signOut } = useSession();         // who is signed in
 *   const manager = useDocManager();                 // open rooms (prefer useCaseDoc)
 *   const { entries } = useRooms();                  // rooms I may open, with access
 *   const { users, orgName, userByName } = useDirectory();
 *   const { state, needsLogin } = useConnection();   // what the sync indicator shows
 */
import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { DocManager } from '../../collab/doc-manager';
import type { ApiClient, ApiUser, Org } from './api';
import type { ConnectionSnapshot, DirectorySnapshot, LiveSession, RoomsSnapshot } from './liveSession';
import { LiveSessionContext, SessionControllerContext } from './sessionContext';
import type { SessionController, SessionPhase } from './sessionController';

/** The session controller (sign in, unlock, sign out). */
export function useSessionController(): SessionController {
  const controller = useContext(SessionControllerContext);
  if (!controller) throw new Error('useSessionController outside SessionProvider');
  return controller;
}

/** Where the session is (signed out, locked, signed in). */
export function useSessionPhase(): SessionPhase {
  const controller = useSessionController();
  return useSyncExternalStore(controller.phase.subscribe, controller.phase.getSnapshot);
}

/** The live session; only below the signed-in gate. */
export function useLiveSession(): LiveSession {
  const live = useContext(LiveSessionContext);
  if (!live) throw new Error('useLiveSession outside the signed-in part of the app');
  return live;
}

/** The signed-in user and what they can do with the session. */
export interface SessionInfo {
  user: ApiUser;
  /** The server origin (no trailing slash). */
  serverUrl: string;
  /** The HTTP API with this session's token. */
  api: ApiClient;
  signOut(): Promise<void>;
}

/** The signed-in user, server, API client and sign-out. */
export function useSession(): SessionInfo {
  const live = useLiveSession();
  const controller = useSessionController();
  return useMemo(
    () => ({ user: live.user, serverUrl: live.serverUrl, api: live.api, signOut: () => controller.signOut() }),
    [live, controller],
  );
}

/** The session's document manager (every room the user may access is kept open in it). */
export function useDocManager(): DocManager {
  return useLiveSession().docManager;
}

/** The rooms I may open, with my access and whether I manage them; `refresh` asks the server now. */
export function useRooms(): RoomsSnapshot & { refresh(): Promise<void> } {
  const live = useLiveSession();
  const snapshot = useSyncExternalStore(live.rooms.subscribe, live.rooms.getSnapshot);
  return useMemo(() => ({ ...snapshot, refresh: () => live.refreshRooms() }), [snapshot, live]);
}

/** Users and organisations, with lookups. */
export interface DirectoryView extends DirectorySnapshot {
  userByName(username: string): ApiUser | undefined;
  /** The organisation's name, or its id when unknown. */
  orgName(orgId: string): string;
  /** A user's display name, or the username when unknown (a former user, say). */
  displayName(username: string): string;
}

/** Users and organisations from the server (cached in the vault for offline use). */
export function useDirectory(): DirectoryView {
  const live = useLiveSession();
  const snapshot = useSyncExternalStore(live.directory.subscribe, live.directory.getSnapshot);
  return useMemo(() => {
    const users = new Map(snapshot.users.map((user) => [user.username, user]));
    const orgs = new Map<string, Org>(snapshot.orgs.map((org) => [org.id, org]));
    return {
      ...snapshot,
      userByName: (username) => users.get(username),
      orgName: (orgId) => orgs.get(orgId)?.name ?? orgId,
      displayName: (username) => users.get(username)?.name ?? username,
    };
  }, [snapshot]);
}

/** The connection as the indicator shows it, and whether a new login is needed. */
export function useConnection(): ConnectionSnapshot & Pick<LiveSession, 'reauthenticate' | 'reauthenticateCode'> {
  const live = useLiveSession();
  const snapshot = useSyncExternalStore(live.connection.subscribe, live.connection.getSnapshot);
  const reauthenticate = useCallback((password: string) => live.reauthenticate(password), [live]);
  const reauthenticateCode = useCallback((code: string) => live.reauthenticateCode(code), [live]);
  return useMemo(() => ({ ...snapshot, reauthenticate, reauthenticateCode }), [snapshot, reauthenticate, reauthenticateCode]);
}
