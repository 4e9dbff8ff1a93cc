/**
 * Opening links in the user's browser. Only plain https:// URLs pass: no other scheme
 * (file:, smb:, custom handlers can run programs), no credentials, no control characters.
 */

/** Longest URL we hand to the OS; longer ones are refused, not cut. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Returns the normalised https URL when it is safe to open externally, otherwise null. */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EXTERNAL_URL_LENGTH) return null;
  // Whitespace and control characters are how URL parsers get confused into other hosts.
  if (/\s/u.test(value) || hasControlCharacter(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** `shell.openExternal` or a stand-in. */
export type OpenExternal = (url: string) => Promise<void>;

/** Opens a URL in the browser after the check; resolves false (and opens nothing) when refused or failed. */
export async function openExternalLink(value: unknown, openExternal: OpenExternal): Promise<boolean> {
  const url = safeExternalUrl(value);
  if (url === null) return false;
  try {
    await openExternal(url);
    return true;
  } catch {
    return false;
  }
}

/** Makes the 'link-open' handler around shell.openExternal. */
export function createOpenLink(openExternal: OpenExternal) {
  return async function openLink(url: string): Promise<boolean> {
    const opened = await openExternalLink(url, openExternal);
    if (!opened) console.warn('[links] link refused or not opened');
    return opened;
  };
}
