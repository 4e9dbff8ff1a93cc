/**
 * A stand-in for the system browser in tests of the desktop's sign-in (no Electron, no real
 * browser): the injected opener follows redirects with fetch, keeping cookies per host.
 */

/**
 * The "system browser": a cookie jar per host, redirects followed by hand, `login` typed on
 * the provider's page; it stops at the first address on 127.0.0.1 with path /callback that is
 * not the server itself (the desktop's listener) and requests it, as the browser would.
 */
export function systemBrowser(serverUrl: string, login: string, opened: string[]) {
  const jars = new Map<string, Map<string, string>>();
  const jar = (url: URL): Map<string, string> => {
    let found = jars.get(url.host);
    if (!found) jars.set(url.host, (found = new Map()));
    return found;
  };
  const request = async (href: string, form?: Record<string, string>): Promise<Response> => {
    const url = new URL(href);
    const cookies = [...jar(url)].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { ...(cookies ? { Cookie: cookies } : {}), ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [name = '', ...value] = (line.split(';')[0] ?? '').trim().split('=');
      if (value.join('=') === '' || /max-age=0/i.test(line)) jar(url).delete(name);
      else jar(url).set(name, value.join('='));
    }
    return response;
  };
  return async (url: string): Promise<void> => {
    opened.push(url);
    let location = url;
    for (let hop = 0; hop < 12; hop++) {
      const at = new URL(location);
      if (at.hostname === '127.0.0.1' && at.pathname === '/callback' && at.origin !== serverUrl) {
        await fetch(location);
        return;
      }
      const response = await request(location);
      if (response.status === 200 && /\/interaction\//.test(location)) {
        const posted = await request(location, { login });
        location = new URL(posted.headers.get('location')!, location).href;
        continue;
      }
      location = new URL(response.headers.get('location')!, location).href;
    }
    throw new Error('too many redirects');
  };
}
