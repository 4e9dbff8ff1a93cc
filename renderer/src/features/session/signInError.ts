/** Why signing in (or unlocking) failed; each code has one Dutch message in session.nl.ts. */
export type SignInErrorCode =
  | 'server-url-invalid'
  | 'username-missing'
  | 'password-missing'
  /** Wrong password or unknown user: one message, online and offline, that does not say which. */
  | 'invalid-credentials'
  | 'rate-limited'
  /** The account is disabled: this user's vault on this device was wiped. */
  | 'account-disabled'
  /** The second step: no code typed. */
  | 'code-missing'
  /** The second step: the code was wrong or already used (one message: the server does not say which). */
  | 'invalid-code'
  /** The second step came too late: sign in again from the password. */
  | 'ticket-expired'
  /** The administrator reset the second factor: a full sign-in sets it up again. */
  | 'enrol-needed'
  /** The server is unreachable and this device has no vault for this user to sign in offline. */
  | 'offline-no-vault'
  /** The server accepted the password, but this device's vault was locked with another (older) one. */
  | 'vault-password-mismatch'
  | 'server-busy'
  | 'server-error'
  /** The user's organisation signs in at its own identity provider: no password sign-in here. */
  | 'oidc-required'
  /** The one-time code from the identity provider was refused (used, expired, or the account changed). */
  | 'oidc-failed'
  /** A new vault password and its repetition differ. */
  | 'vault-password-repeat'
  /** A new vault password is too short. */
  | 'vault-password-short'
  /** The browser refuses local storage (IndexedDB): the vault cannot be opened. */
  | 'storage-unavailable';

/** A refused sign-in with its code (the message never holds the username or password). */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(readonly code: SignInErrorCode) {
    super(code);
  }
}

/** True when `error` is a {@link SignInError}. */
export function isSignInError(error: unknown): error is SignInError {
  return error instanceof SignInError;
}
