/**
 * The app's session as a small state machine: signed out (sign-in form), locked (after a
 * reload: password only), signed in (a live session). Plain TypeScript: React reads it
 * through `useSyncExternalStore`, tests drive it directly.
 */
import { createValueStore, type ExternalStore } from '../../collab/sync-status';
import { startLiveSession, type LiveSession, type LiveSessionOptions } from './liveSession';
import { loadRememberedLogin, saveRememberedLogin, type LoginStorage, type RememberedLogin } from './rememberedLogin';
import { completeSignIn, hasVault, isSecondFactorStep, openOidcSession, signIn, type OpenedSession, type OpenVault, type SecondFactorStep, type SignInInput } from './signIn';
import type { LoginResult } from './api';
import { isSignInError, SignInError } from './signInError';

/** Where the session is. */
export type SessionPhase =
  /** `account-disabled`: the server said so and this user's vault on this device was wiped. */
  | { phase: 'signed-out'; remembered: RememberedLogin | null; reason?: 'account-disabled' }
  /** `idle`: locked by the app after the region's idle time (the unlock screen says so). */
  | { phase: 'locked'; remembered: RememberedLogin; reason?: 'idle' }
  | { phase: 'signed-in'; live: LiveSession }
  /** Just enrolled in two-factor sign-in: the recovery codes are shown once before the app. */
  | { phase: 'recovery-codes'; live: LiveSession; codes: readonly string[]; remembered: RememberedLogin };

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
  /** Signs in from the full form; throws SignInError. Resolves with the second step when the server asks for a code. */
  signIn(input: SignInInput): Promise<SecondFactorStep | null>;
  /** Answers the second step with a TOTP or recovery code; throws SignInError. */
  completeSignIn(step: SecondFactorStep, code: string): Promise<void>;
  /** True when this device holds a vault for the user (after a sign-in with their organisation). */
  hasVault(serverUrl: string, username: string): Promise<boolean>;
  /**
   * After a sign-in with the organisation's identity provider: opens the vault with the
   * device's vault password (`repeat`: creating it, typed twice) and enters the app. Throws SignInError.
   */
  signInWithOidc(serverUrl: string, login: LoginResult, vaultPassword: string, repeat: string | null, options?: { resetVault?: boolean }): Promise<void>;
  /** The user has kept the recovery codes: on to the app. */
  confirmRecoveryCodes(): void;
  /** Unlocks the remembered login with its password (online login when the server answers). */
  unlock(password: string, options?: { resetVault?: boolean }): Promise<void>;
  /** From the unlock screen to the full form (another user or server). */
  switchUser(): void;
  /** Ends the session: logs out on the server, locks the vault, drops documents and sockets. */
  signOut(): Promise<void>;
  /**
   * Locks after idle time: the vault's key and every document leave memory, sockets close,
   * the server session stays (the password unlocks it again, with no second factor while the
   * server still takes it). Edits already typed are in the vault and go out after the unlock.
   */
  lock(): Promise<void>;
}

/** Creates the controller; the first phase comes from the remembered login. */
export function createSessionController(options: SessionControllerOptions): SessionController {
  const remembered = loadRememberedLogin(options.storage);
  const phase = createValueStore<SessionPhase>(
    remembered?.signedIn ? { phase: 'locked', remembered } : { phase: 'signed-out', remembered },
    (a, b) => a === b,
  );
  let busy = false;

  // The idle lock must remember how the session was made: its unlock never sends the password then.
  let enteredViaOrganisation = false;
  const accountDisabled = (remembered: RememberedLogin): void => {
    const signedOut = { ...remembered, signedIn: false };
    saveRememberedLogin(options.storage, signedOut);
    phase.set({ phase: 'signed-out', remembered: signedOut, reason: 'account-disabled' });
  };

  const enter = async (opened: OpenedSession, recoveryCodes: readonly string[] | null, viaOrganisation = false): Promise<void> => {
    enteredViaOrganisation = viaOrganisation;
    const live = await startLiveSession({
      ...options.live, opened, ...(options.fetch ? { fetch: options.fetch } : {}),
      onAccountDisabled: () => accountDisabled({ serverUrl: opened.session.serverUrl, username: opened.session.username, signedIn: false }),
    });
    const remembered: RememberedLogin = { serverUrl: opened.session.serverUrl, username: opened.session.username, signedIn: true, ...(viaOrganisation ? { viaOrganisation } : {}) };
    saveRememberedLogin(options.storage, remembered);
    phase.set(recoveryCodes ? { phase: 'recovery-codes', live, codes: recoveryCodes, remembered } : { phase: 'signed-in', live });
  };

  const exclusive = async <T>(work: () => Promise<T>): Promise<T | null> => {
    const current = phase.getSnapshot().phase;
    if (busy || (current !== 'signed-out' && current !== 'locked')) return null;
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };

  const deps = { openVault: options.openVault, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const start = (input: SignInInput, resumeStoredSession: boolean): Promise<SecondFactorStep | null> =>
    exclusive(async () => {
      const outcome = await signIn(input, deps, { resumeStoredSession });
      if (isSecondFactorStep(outcome)) return outcome;
      await enter(outcome, null, input.viaOrganisation ?? false);
      return null;
    }).then((step) => step ?? null);

  return {
    phase,
    signIn: (input) => start(input, false),
    async completeSignIn(step, code) {
      await exclusive(async () => {
        const { opened, recoveryCodes } = await completeSignIn(step, code, deps);
        await enter(opened, recoveryCodes);
      });
    },
    hasVault: (serverUrl, username) => hasVault(serverUrl, username, deps),
    async signInWithOidc(serverUrl, login, vaultPassword, repeat, oidcOptions = {}) {
      await exclusive(async () => {
        await enter(await openOidcSession(serverUrl, login, vaultPassword, repeat, oidcOptions.resetVault ?? false, deps), null, true);
      });
    },
    confirmRecoveryCodes() {
      const current = phase.getSnapshot();
      if (current.phase === 'recovery-codes') phase.set({ phase: 'signed-in', live: current.live });
    },
    async unlock(password, unlockOptions = {}) {
      const current = phase.getSnapshot();
      if (current.phase !== 'locked') throw new SignInError('username-missing');
      // The password unlocks the vault and resumes its session; a second factor is asked only
      // when the server no longer takes that session (the re-login prompt).
      try {
        await start({
          server: current.remembered.serverUrl, username: current.remembered.username, password, ...unlockOptions,
          ...(current.remembered.viaOrganisation ? { viaOrganisation: true } : {}),
        }, true);
      } catch (error) {
        // The vault is wiped: the unlock screen has nothing left to unlock.
        if (isSignInError(error) && error.code === 'account-disabled') accountDisabled(current.remembered);
        throw error;
      }
    },
    switchUser() {
      const current = phase.getSnapshot();
      if (current.phase !== 'locked') return;
      const signedOut = { ...current.remembered, signedIn: false };
      saveRememberedLogin(options.storage, signedOut);
      phase.set({ phase: 'signed-out', remembered: signedOut });
    },
    async lock() {
      const current = phase.getSnapshot();
      if (current.phase !== 'signed-in') return;
      const remembered: RememberedLogin = {
        serverUrl: current.live.serverUrl, username: current.live.user.username, signedIn: true, ...(enteredViaOrganisation ? { viaOrganisation: true } : {}),
      };
      saveRememberedLogin(options.storage, remembered);
      // As for sign-out: the screen leaves the session before its documents close.
      phase.set({ phase: 'locked', remembered, reason: 'idle' });
      await current.live.close({ logout: false });
    },
    async signOut() {
      const current = phase.getSnapshot();
      if (current.phase !== 'signed-in' && current.phase !== 'recovery-codes') return;
      const next: RememberedLogin = { serverUrl: current.live.serverUrl, username: current.live.user.username, signedIn: false };
      saveRememberedLogin(options.storage, next);
      // The screen leaves the session first, so no view holds a document that is closing.
      phase.set({ phase: 'signed-out', remembered: next });
      await current.live.close({ logout: true });
    },
  };
}
