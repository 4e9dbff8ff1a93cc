/**
 * The server address as a user types it ("themakamer.voorbeeld.nl", "localhost:8470/",
 * "https://host") turned into the origin the API and the vault name are keyed by.
 */

/** The `http(s)://host[:port]` origin of `input`, or null when it is not a usable address. */
export function parseServerUrl(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  // Without a scheme: https, except for this computer, where a local server runs plain http.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//iu.test(trimmed)
    ? trimmed
    : `${/^(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/iu.test(trimmed) ? 'http' : 'https'}://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  // A path, query or fragment would be silently dropped: refuse rather than guess.
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return null;
  return url.origin;
}

/** The username as the server compares it (it lower-cases and NFC-normalises at login). */
export function normaliseUsername(input: string): string {
  return input.trim().normalize('NFC').toLowerCase();
}
