/**
 * Signing in: online through POST /api/login, then the vault is unlocked (or created) with
 * the same password; offline (server unreachable) the same password unlocks the existing
 * vault and the remembered session. The result is an unlocked vault and a session.
 */
import { isVaultError, type StoredSession, type Vault } from '../../vault';
import { createApiClient, type LoginResult } from './api';
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

const fromApi: Partial<Record<ApiErrorCode, SignInErrorCode>> = {
  'invalid-credentials': 'invalid-credentials',
  'rate-limited': 'rate-limited',
  busy: 'server-busy',
};

async function openOrFail(openVault: OpenVault, serverUrl: string, username: string): Promise<Vault> {
  try {
    return await openVault(serverUrl, username);
  } catch {
    throw new SignInError('storage-unavailable');
  }
}

async function tryLogin(serverUrl: string, username: string, password: string, deps: SignInDeps): Promise<LoginResult | null> {
  const api = createApiClient({ serverUrl, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  try {
    return await api.login(username, password);
  } catch (error) {
    if (isApiError(error, 'unreachable')) return null;
    if (isApiError(error)) throw new SignInError(fromApi[error.code] ?? 'server-error');
    throw error;
  }
}

/** Signs in; throws {@link SignInError}. The vault it returns is unlocked. */
export async function signIn(input: SignInInput, deps: SignInDeps): Promise<OpenedSession> {
  const serverUrl = parseServerUrl(input.server);
  if (serverUrl === null) throw new SignInError('server-url-invalid');
  const username = normaliseUsername(input.username);
  if (username === '') throw new SignInError('username-missing');
  if (input.password === '') throw new SignInError('password-missing');

  const login = await tryLogin(serverUrl, username, input.password, deps);
  if (login) {
    // The server's spelling names the vault, so online and offline sign-in find the same one.
    const canonical = login.user.username;
    let vault = await openOrFail(deps.openVault, serverUrl, canonical);
    if (input.resetVault) {
      await vault.destroy();
      vault = await openOrFail(deps.openVault, serverUrl, canonical);
    }
    try {
      await vault.unlock(input.password);
    } catch (error) {
      await vault.close();
      if (isVaultError(error, 'bad-password')) throw new SignInError('vault-password-mismatch');
      throw new SignInError('storage-unavailable');
    }
    const session: StoredSession = { serverUrl, username: canonical, token: login.token, expiresAt: login.expiresAt, user: login.user };
    await vault.saveSession(session);
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
