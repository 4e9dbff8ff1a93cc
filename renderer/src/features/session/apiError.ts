/** Failures of the sync server's HTTP API as codes; the UI turns each into a Dutch message. */

/** Why an API call failed. */
export type ApiErrorCode =
  /** No answer: network down, server stopped, DNS, timeout, or a proxy saying the server is gone. */
  | 'unreachable'
  /** Login refused: wrong password or unknown user (the server does not say which). */
  | 'invalid-credentials'
  /** The second-factor code was wrong or already used. */
  | 'invalid-code'
  /** The sign-in between password and code took too long (or the password changed): start again. */
  | 'ticket-expired'
  /** The user's organisation signs in at its own identity provider (password sign-in refused). */
  | 'oidc-required'
  /** Login with the right password of a disabled account: this device wipes the user's vault. */
  | 'account-disabled'
  /** Too many login attempts: wait a minute. */
  | 'rate-limited'
  /** The token is missing, expired or ended: sign in again. */
  | 'unauthorized'
  /** Signed in, but not allowed (no access to the room, or the role may not do this). */
  | 'forbidden'
  /** The room or user does not exist (or is disabled). */
  | 'not-found'
  /** The server refused the request as malformed. */
  | 'invalid-request'
  /** The server is overloaded (login queue full): try again shortly. */
  | 'busy'
  /** The server failed, or answered with something this app does not understand. */
  | 'server';

/** A failed API call: the code, the HTTP status (0 without an answer) and the path (never a body). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    readonly path: string,
    /** The server's own `{error}` code, when it sent one (for screens that say more than the code). */
    readonly serverCode: string | null = null,
    /** The server's own Dutch explanation, when it sent one (the CSV import's file errors). */
    readonly serverMessage: string | null = null,
  ) {
    super(`${code} (${status}) ${path}`);
  }
}

/** True when `error` is an {@link ApiError}, optionally with `code`. */
export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The code for an HTTP answer that is not a success, from its status and `{error}` body. */
export function codeForStatus(status: number, serverCode: string | null, path: string): ApiErrorCode {
  if (status === 401 && path === '/api/login/code') return serverCode === 'invalid_code' ? 'invalid-code' : 'ticket-expired';
  if (status === 401) return path === '/api/login' ? 'invalid-credentials' : 'unauthorized';
  if (status === 429) return 'rate-limited';
  if (status === 403 && serverCode === 'oidc_required') return 'oidc-required';
  if (status === 403 && serverCode === 'account_disabled') return 'account-disabled';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 400 || status === 413 || status === 415) return 'invalid-request';
  if (status === 503 && serverCode === 'busy') return 'busy';
  // A reverse proxy answering for a server that is down.
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  return 'server';
}
