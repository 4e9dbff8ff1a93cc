/**
 * The app's session as a small state machine: signed out (sign-in form), locked (after a
 * reload: password only), signed in (a live session). Plain TypeScript: React reads it
 * through `useSyncExternalStore`, tests drive it directly.
 */
import { createValueStore, type ExternalStore } from '../../collab/sync-status';
import { startLiveSession, type LiveSession, type LiveSessionOptions } from './liveSession';
import { loadRememberedLogin, saveRememberedLogin, type LoginStorage, type RememberedLogin } from './rememberedLogin';
import { signIn, type OpenVault, type SignInInput } from './signIn';
import { SignInError } from './signInError';

/** Where the session is. */
export type SessionPhase =
  | { phase: 'signed-out'; remembered: RememberedLogin | null }
  | { phase: 'locked'; remembered: RememberedLogin }
  | { phase: 'signed-in'; live: LiveSession };

/** What the controller needs from its surroundings. */
export interface SessionControllerOptions {
  openVault: OpenVault;
  storage: LoginStorage | null;
  fetch?: typeof fetch;
  /** Options passed to every live session (sockets, polling). */
  live?: Omit<LiveSessionOptions, 'opened' | 'fetch'>;
}

/** The session of this window. */
export interface SessionController {
  readonly phase: ExternalStore<SessionPhase>;
  /** Signs in from the full form; throws SignInError. */
  signIn(input: SignInInput): Promise<void>;
  /** Unlocks the remembered login with its password (online login when the server answers). */
  unlock(password: string, options?: { resetVault?: boolean }): Promise<void>;
  /** From the unlock screen to the full form (another user or server). */
  switchUser(): void;
  /** Ends the session: logs out on the server, locks the vault, drops documents and sockets. */
  signOut(): Promise<void>;
}

/** Creates the controller; the first phase comes from the remembered login. */
export function createSessionController(options: SessionControllerOptions): SessionController {
  const remembered = loadRememberedLogin(options.storage);
  const phase = createValueStore<SessionPhase>(
    remembered?.signedIn ? { phase: 'locked', remembered } : { phase: 'signed-out', remembered },
    (a, b) => a === b,
  );
  let busy = false;

  const start = async (input: SignInInput): Promise<void> => {
    if (busy || phase.getSnapshot().phase === 'signed-in') return;
    busy = true;
    try {
      const opened = await signIn(input, { openVault: options.openVault, ...(options.fetch ? { fetch: options.fetch } : {}) });
      const live = await startLiveSession({ ...options.live, opened, ...(options.fetch ? { fetch: options.fetch } : {}) });
      saveRememberedLogin(options.storage, { serverUrl: opened.session.serverUrl, username: opened.session.username, signedIn: true });
      phase.set({ phase: 'signed-in', live });
    } finally {
      busy = false;
    }
  };

  return {
    phase,
    signIn: start,
    async unlock(password, unlockOptions = {}) {
      const current = phase.getSnapshot();
      if (current.phase !== 'locked') throw new SignInError('username-missing');
      await start({ server: current.remembered.serverUrl, username: current.remembered.username, password, ...unlockOptions });
    },
    switchUser() {
      const current = phase.getSnapshot();
      if (current.phase !== 'locked') return;
      const signedOut = { ...current.remembered, signedIn: false };
      saveRememberedLogin(options.storage, signedOut);
      phase.set({ phase: 'signed-out', remembered: signedOut });
    },
    async signOut() {
      const current = phase.getSnapshot();
      if (current.phase !== 'signed-in') return;
      const next: RememberedLogin = { serverUrl: current.live.serverUrl, username: current.live.user.username, signedIn: false };
      saveRememberedLogin(options.storage, next);
      // The screen leaves the session first, so no view holds a document that is closing.
      phase.set({ phase: 'signed-out', remembered: next });
      await current.live.close({ logout: true });
    },
  };
}
