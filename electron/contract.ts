/**
 * The IPC contract between the desktop shell and the renderer: types only.
 * Read by electron/main (handlers), electron/preload (one method per channel)
 * and renderer/src/platform (the web implementation of the same Api).
 * Channel names are noun-verb in kebab-case.
 */

/** Facts about the shell the renderer runs in. */
export interface AppInfo {
  shell: 'desktop' | 'web';
  version: string;
  /** Base URL of the sync server (http(s)://host:port), or null when the renderer must ask. */
  serverUrl: string | null;
  platform: string;
}

/** A file the user saves: on desktop through a save dialog, on the web as a download. */
export interface SaveFileRequest {
  suggestedName: string;
  mimeType: string;
  data: Uint8Array;
}

export type SaveFileResult = { saved: true; path: string | null } | { saved: false };

/** A PDF to sign with the secretary's PKCS#12 certificate. */
export interface SignPdfRequest {
  pdf: Uint8Array;
  /** The PKCS#12 file's bytes (desktop: chosen by the user; never stored). */
  p12: Uint8Array;
  passphrase: string;
  reason: string;
  location: string;
  signerName: string;
  /** ISO time the visible signature block states. */
  signingTime: string;
}

export type SignPdfResult =
  | { ok: true; pdf: Uint8Array }
  | { ok: false; code: SignErrorCode };

/** Why signing failed; the renderer maps codes to Dutch messages. */
export type SignErrorCode =
  | 'bad-passphrase'
  | 'not-pkcs12'
  | 'expired-certificate'
  | 'not-yet-valid-certificate'
  | 'no-signing-key-usage'
  | 'no-private-key'
  | 'bad-pdf'
  | 'not-approved'
  | 'failed';

/** The OS keychain, used to wrap the vault key on desktop (Electron safeStorage). */
export interface KeyWrapResult {
  available: boolean;
  data: Uint8Array | null;
}

/** Sign-in with the organisation's identity provider in the system browser (desktop, RFC 8252). */
export interface OidcSignInRequest {
  /** The server the renderer signs in to; the main process refuses any but its configured one. */
  serverUrl: string;
  /** The organisation's id (as GET /api/oidc/orgs lists it). */
  org: string;
}

/**
 * The one-time code to redeem with POST /api/oidc/exchange, or why not: a reason the server
 * gave (`oidc-error`), or 'timeout' | 'cancelled' | 'open-failed' | 'listen-failed' |
 * 'other-server' | 'failed' from the desktop itself.
 */
export type OidcSignInResult = { ok: true; code: string } | { ok: false; error: string };

/** Every channel: name → [request, response]. */
export interface Channels {
  'app-info': [void, AppInfo];
  'file-save': [SaveFileRequest, SaveFileResult];
  'pdf-sign': [SignPdfRequest, SignPdfResult];
  'link-open': [string, boolean];
  'key-wrap': [Uint8Array, KeyWrapResult];
  'key-unwrap': [Uint8Array, KeyWrapResult];
  'oidc-sign-in': [OidcSignInRequest, OidcSignInResult];
  'oidc-cancel': [void, boolean];
}

export type Channel = keyof Channels;
export type Request<C extends Channel> = Channels[C][0];
export type Response<C extends Channel> = Channels[C][1];

/** What the renderer sees as window.api: one method per channel. */
export interface Api {
  getAppInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  signPdf(request: SignPdfRequest): Promise<SignPdfResult>;
  openExternal(url: string): Promise<boolean>;
  wrapKey(key: Uint8Array): Promise<KeyWrapResult>;
  unwrapKey(wrapped: Uint8Array): Promise<KeyWrapResult>;
  /** Desktop only (absent in the web build, where the page itself goes to the provider). */
  signInWithOrganisation?(request: OidcSignInRequest): Promise<OidcSignInResult>;
  /** Desktop only: ends a waiting sign-in; false when none was waiting. */
  cancelOrganisationSignIn?(): Promise<boolean>;
}

/** Maps each Api method to its channel; preload and main both use it. */
export const channelOf = {
  getAppInfo: 'app-info',
  saveFile: 'file-save',
  signPdf: 'pdf-sign',
  openExternal: 'link-open',
  wrapKey: 'key-wrap',
  unwrapKey: 'key-unwrap',
  signInWithOrganisation: 'oidc-sign-in',
  cancelOrganisationSignIn: 'oidc-cancel',
} as const satisfies Record<keyof Api, Channel>;
