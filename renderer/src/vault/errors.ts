/** Why a vault operation failed; the UI turns the code into a Dutch message. */
export type VaultErrorCode =
  /** The password does not unwrap this vault's key. */
  | 'bad-password'
  /** The vault is locked: unlock it first. */
  | 'locked'
  /** Stored data failed authentication (tampered with or damaged). */
  | 'corrupt'
  /** The vault's metadata is missing or not what this version writes. */
  | 'bad-format'
  /** No WebCrypto here: browsers offer it only on https:// or localhost pages. */
  | 'no-webcrypto';

/** A vault failure with a code; messages carry ids (rooms, keys), never content. */
export class VaultError extends Error {
  override name = 'VaultError';
  constructor(readonly code: VaultErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** True when `error` is a {@link VaultError} with `code`. */
export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
