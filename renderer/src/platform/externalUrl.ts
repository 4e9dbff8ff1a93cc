/**
 * Which links the web build may open in a new tab: the same rule as the desktop shell
 * (electron/main/external-links.ts): plain https:// only, no credentials, no whitespace or
 * control characters (they are how URL parsers get talked into another host).
 */
import { hasControlCharacter } from './controlCharacters';

/** Longest URL opened; longer ones are refused, never cut. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/** Returns the normalised https URL when it is safe to open, otherwise null. */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EXTERNAL_URL_LENGTH) return null;
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
