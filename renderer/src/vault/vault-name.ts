/**
 * The IndexedDB name of a user's vault (docs/design.md, "Local vault"): derived from
 * server and username so one browser profile can hold several users' vaults without
 * naming either in clear.
 */
import { VaultError } from './errors';

/** `themakamer-vault-<first 16 hex chars of sha256(serverUrl|username)>`. */
export async function vaultName(serverUrl: string, username: string): Promise<string> {
  const input = new TextEncoder().encode(`${normaliseServerUrl(serverUrl)}|${username}`);
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) throw new VaultError('no-webcrypto');
  const digest = new Uint8Array(await subtle.digest('SHA-256', input));
  const hex = Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `themakamer-vault-${hex}`;
}

/** The same server typed as `HTTPS://Host:443/` or `https://host` must map to one vault. */
export function normaliseServerUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  return url.origin;
}
