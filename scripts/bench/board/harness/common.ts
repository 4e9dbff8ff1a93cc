/** What every harness mode shares: parameters from the URL, the i18n instance, results for the driver. */
import { createI18n } from '../../../../renderer/src/i18n';

/** Parameters the bench driver puts in the page URL (fictional bench users only). */
export interface HarnessParams {
  mode: string;
  room: string;
  username: string;
  name: string;
  org: string;
  password: string;
  token: string;
}

/** Reads the parameters; a missing one is a driver bug and stops the page. */
export function readParams(): HarnessParams {
  const query = new URLSearchParams(location.search);
  const get = (key: string): string => {
    const value = query.get(key);
    if (value === null) throw new Error(`harness: missing parameter ${key}`);
    return value;
  };
  return {
    mode: get('mode'), room: get('room'), username: get('username'), name: get('name'), org: get('org'),
    password: get('password'), token: query.get('token') ?? '',
  };
}

/** Results and progress the driver polls (`window.__bench`). */
export interface BenchState {
  ready: boolean;
  error: string | null;
  [key: string]: unknown;
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

/** The page's bench state, created on first use. */
export function benchState(): BenchState {
  window.__bench ??= { ready: false, error: null };
  return window.__bench;
}

/** The app's i18n (Dutch), without a remembered choice. */
export const i18n = createI18n({ storage: null, root: document.documentElement });

/** Resolves when `check` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`harness: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
