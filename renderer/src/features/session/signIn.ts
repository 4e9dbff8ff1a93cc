/**
 * Signing in: online through POST /api/login and, when the server asks for it, the second
 * step (POST /api/login/code with a TOTP or recovery code, or enrolment at the first
 * sign-in); then the vault is unlocked (or created) with the same password. Offline (server
 * unreachable) the same password unlocks the existing vault and the remembered session.
 * Unlocking after a reload needs the password only: the vault's remembered token is used
 * (docs/design.md, "Two-factor sign-in"). The result is an unlocked vault and a session.
 */
import { isVaultError, type StoredSession, type Vault } from '../../vault';
import { createApiClient, isChallenge, type LoginAnswer, type LoginResult, type SecondFactorChallenge } from './api';
import { isApiError, type ApiErrorCode } from './apiError';
import { normaliseUsername, parseServerUrl } from './serverUrl';
import { SignInError, type SignInErrorCode } from './signInError';

/** What the user typed. */
export interface SignInInput {
  server: string;
  username: string;
  password: string;
  /**
   * Throw away this device's vault for the user first (after `vault-password-mismatch`):
   * the server's copy is kept, local changes that never reached it are lost.
   */
  resetVault?: boolean;
  /**
   * The user signs in with their organisation's identity provider: the password is this
   * device's vault password and is never sent to the server (unlocking only).
   */
  viaOrganisation?: boolean;
}

/** Opens (locked) the vault of a user on a server. */
export type OpenVault = (serverUrl: string, username: string) => Promise<Vault>;

/** What signing in needs besides the input. */
export interface SignInDeps {
  openVault: OpenVault;
  fetch?: typeof fetch;
}

/** A signed-in user: the unlocked vault and the session (token maybe expired when offline). */
export interface OpenedSession {
  vault: Vault;
  session: StoredSession;
  /** 'offline': the server did not answer; the session is the one remembered in the vault. */
  mode: 'online' | 'offline';
}

/** The password was right; the server asks for a code before it gives a session. */
export interface SecondFactorStep {
  challenge: SecondFactorChallenge;
  serverUrl: string;
  username: string;
  /** Kept in memory until the code is in: the vault is unlocked with it afterwards. */
  password: string;
  resetVault: boolean;
}

/** A completed sign-in, and the recovery codes to show once when it enrolled the second factor. */
export interface CompletedSignIn { opened: OpenedSession; recoveryCodes: readonly string[] | null }

const fromApi: Partial<Record<ApiErrorCode, SignInErrorCode>> = {
  'invalid-credentials': 'invalid-credentials',
  'rate-limited': 'rate-limited',
  busy: 'server-busy',
  'invalid-code': 'invalid-code',
  'ticket-expired': 'ticket-expired',
  'oidc-required': 'oidc-required',
};

/** Shortest vault password a user may choose after signing in with their organisation. */
export const minVaultPasswordLength = 10;

async function openOrFail(openVault: OpenVault, serverUrl: string, username: string): Promise<Vault> {
  try {
    return await openVault(serverUrl, username);
  } catch {
    throw new SignInError('storage-unavailable');
  }
}

/**
 * Deletes the whole vault of a user on this device (the server said the account is
 * disabled): documents, read copies, pending edits, cached lists and the session.
 */
export async function wipeVault(openVault: OpenVault, serverUrl: string, username: string): Promise<void> {
  const vault = await openOrFail(openVault, serverUrl, username);
  await vault.destroy();
}

/** `resume` stands for "the server is there, but takes no password from this user" (signed in with their organisation). */
async function tryLogin(serverUrl: string, username: string, password: string, deps: SignInDeps): Promise<LoginAnswer | 'resume' | null> {
  const api = createApiClient({ serverUrl, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  try {
    return await api.login(username, password);
  } catch (error) {
    if (isApiError(error, 'unreachable')) return null;
    if (isApiError(error, 'oidc-required')) return 'resume';
    if (isApiError(error, 'account-disabled')) {
      await wipeVault(deps.openVault, serverUrl, username);
      throw new SignInError('account-disabled');
    }
    if (isApiError(error)) throw new SignInError(fromApi[error.code] ?? 'server-error');
    throw error;
  }
}

/** Unlocks (creating if needed) the vault of a user the server just accepted, and stores the session in it. */
async function openOnline(serverUrl: string, password: string, resetVault: boolean, login: LoginResult, deps: SignInDeps): Promise<OpenedSession> {
  // The server's spelling names the vault, so online and offline sign-in find the same one.
  const canonical = login.user.username;
  const vault = await unlockVault(serverUrl, canonical, password, resetVault, deps);
  const session: StoredSession = { serverUrl, username: canonical, token: login.token, expiresAt: login.expiresAt, user: login.user };
  await vault.saveSession(session);
  return { vault, session, mode: 'online' };
}

/** The vault of a user whose password the server accepted; a refusal means it was locked with another password. */
async function unlockVault(serverUrl: string, username: string, password: string, resetVault: boolean, deps: SignInDeps): Promise<Vault> {
  let vault = await openOrFail(deps.openVault, serverUrl, username);
  if (resetVault) {
    await vault.destroy();
    vault = await openOrFail(deps.openVault, serverUrl, username);
  }
  try {
    await vault.unlock(password);
  } catch (error) {
    await vault.close();
    if (isVaultError(error, 'bad-password')) throw new SignInError('vault-password-mismatch');
    throw new SignInError('storage-unavailable');
  }
  return vault;
}

/** How {@link signIn} treats a server that asks for a second factor. */
export interface SignInOptions {
  /**
   * Unlocking after a reload: the password unlocks the vault and its remembered session is
   * used (a token the server no longer takes makes the app ask for a new sign-in, code
   * included). Without it, the second step is returned for the user to answer.
   */
  resumeStoredSession?: boolean;
}

/**
 * Signs in; throws {@link SignInError}. Returns the opened session (the vault unlocked), or
 * the second step when the server asks for a code: answer it with {@link completeSignIn}.
 */
export async function signIn(input: SignInInput, deps: SignInDeps, options: SignInOptions = {}): Promise<OpenedSession | SecondFactorStep> {
  const serverUrl = parseServerUrl(input.server);
  if (serverUrl === null) throw new SignInError('server-url-invalid');
  const username = normaliseUsername(input.username);
  if (username === '') throw new SignInError('username-missing');
  if (input.password === '') throw new SignInError('password-missing');

  const answer = input.viaOrganisation && options.resumeStoredSession ? 'resume' : await tryLogin(serverUrl, username, input.password, deps);
  if (answer === 'resume' && !options.resumeStoredSession) throw new SignInError('oidc-required');
  // Unlocking after a reload for a user who signs in with their organisation: the password is
  // the vault password chosen on this device; the vault holds the session to resume.
  const login = answer === 'resume' ? true : answer;
  if (login && login !== true && !isChallenge(login)) return openOnline(serverUrl, input.password, input.resetVault ?? false, login, deps);
  if (login && login !== true && !options.resumeStoredSession) {
    return { challenge: login, serverUrl, username, password: input.password, resetVault: input.resetVault ?? false };
  }
  if (login) {
    // The server took the password: the vault must open with it, and holds the session to resume.
    const vault = await unlockVault(serverUrl, username, input.password, input.resetVault ?? false, deps);
    const session = await vault.loadSession();
    if (!session || session.username !== username) {
      await vault.close();
      // Nothing to resume on this device (a rebuilt vault): the full sign-in asks for the code.
      throw new SignInError('enrol-needed');
    }
    return { vault, session, mode: 'online' };
  }

  const vault = await openOrFail(deps.openVault, serverUrl, username);
  if (!(await vault.isInitialised())) {
    // Opening created an empty database; nothing of this user is on this device.
    await vault.destroy();
    throw new SignInError('offline-no-vault');
  }
  try {
    await vault.unlock(input.password);
  } catch (error) {
    await vault.close();
    if (isVaultError(error, 'bad-password')) throw new SignInError('invalid-credentials');
    throw new SignInError('storage-unavailable');
  }
  const session = await vault.loadSession();
  if (!session) {
    await vault.close();
    throw new SignInError('offline-no-vault');
  }
  return { vault, session, mode: 'offline' };
}

/**
 * After a sign-in with the organisation's identity provider: unlocks (or creates, with a new
 * vault password typed twice) this device's vault for the user and stores the session in it.
 */
export async function openOidcSession(
  serverUrl: string, login: LoginResult, vaultPassword: string, repeat: string | null, resetVault: boolean, deps: SignInDeps,
): Promise<OpenedSession> {
  if (vaultPassword === '') throw new SignInError('password-missing');
  if (repeat !== null) {
    if (vaultPassword.length < minVaultPasswordLength) throw new SignInError('vault-password-short');
    if (repeat !== vaultPassword) throw new SignInError('vault-password-repeat');
  }
  return openOnline(serverUrl, vaultPassword, resetVault, login, deps);
}

/** True when this device holds a vault for the user (after a sign-in with their organisation: ask its password, or a new one). */
export async function hasVault(serverUrl: string, username: string, deps: SignInDeps): Promise<boolean> {
  const vault = await openOrFail(deps.openVault, serverUrl, username);
  const initialised = await vault.isInitialised();
  if (initialised) await vault.close();
  else await vault.destroy();
  return initialised;
}

/** True when {@link signIn} stopped at the second step. */
export const isSecondFactorStep = (value: OpenedSession | SecondFactorStep): value is SecondFactorStep => 'challenge' in value;

/** The second step: sends the code, then unlocks the vault with the password of the first. Throws {@link SignInError}. */
export async function completeSignIn(step: SecondFactorStep, code: string, deps: SignInDeps): Promise<CompletedSignIn> {
  const typed = code.trim();
  if (typed === '') throw new SignInError('code-missing');
  const api = createApiClient({ serverUrl: step.serverUrl, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  let result;
  try {
    result = await api.loginCode(step.challenge.ticket, typed);
  } catch (error) {
    if (isApiError(error, 'unreachable')) throw new SignInError('server-error');
    if (isApiError(error)) throw new SignInError(fromApi[error.code] ?? 'server-error');
    throw error;
  }
  const opened = await openOnline(step.serverUrl, step.password, step.resetVault, result, deps);
  return { opened, recoveryCodes: result.recoveryCodes ?? null };
}
