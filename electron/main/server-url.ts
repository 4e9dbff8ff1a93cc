/**
 * The sync server this desktop app talks to. Order: env THEMAKAMER_SERVER_URL, then
 * `serverUrl` in <userData>/settings.json, then the local default. The result is an
 * origin only; it also decides the CSP's connect-src, so it is validated strictly.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where `npm start` runs the local sync server. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8470';

/** Name of the settings file in Electron's userData directory. */
export const SETTINGS_FILE = 'settings.json';

/** Where the configured URL came from (for the log; never shown as an error cause alone). */
export type ServerUrlSource = 'env' | 'settings' | 'default';

/** The resolved sync server: its origin, the matching WebSocket origin, and the source. */
export interface ServerUrl {
  /** `http(s)://host[:port]`, no trailing slash. */
  origin: string;
  /** `ws(s)://host[:port]`: the same server's WebSocket origin. */
  wsOrigin: string;
  source: ServerUrlSource;
}

/** A configured server URL that cannot be used; `message` is Dutch and says what to fix. */
export class ServerUrlError extends Error {
  override readonly name = 'ServerUrlError';
}

// The same two names renderer/index.html's baseline CSP allows over plain http.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Validates one server URL. Plain http is allowed only on this machine (loopback):
 * case content must never cross a network unencrypted.
 */
export function parseServerUrl(value: string, source: ServerUrlSource): ServerUrl {
  const where = source === 'env' ? 'THEMAKAMER_SERVER_URL' : source === 'settings' ? SETTINGS_FILE : 'de standaardinstelling';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ServerUrlError(`Het serveradres in ${where} is geen geldig webadres. Gebruik de vorm https://server.example of http://127.0.0.1:8470.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ServerUrlError(`Het serveradres in ${where} moet met https:// beginnen (of http:// voor een server op deze computer).`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new ServerUrlError(`Het serveradres in ${where} gebruikt http:// naar een andere computer. Gebruik https://, zodat gegevens versleuteld worden verstuurd.`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new ServerUrlError(`Het serveradres in ${where} mag alleen schema, naam en poort bevatten (geen pad, gebruikersnaam of parameters).`);
  }
  const wsScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { origin: url.origin, wsOrigin: `${wsScheme}//${url.host}`, source };
}

/** What `resolveServerUrl` reads: the environment and the settings file's text (null when absent). */
export interface ServerUrlInputs {
  env: Record<string, string | undefined>;
  settingsText: string | null;
}

/** Picks and validates the server URL from env, settings file or default. */
export function resolveServerUrl({ env, settingsText }: ServerUrlInputs): ServerUrl {
  const fromEnv = env.THEMAKAMER_SERVER_URL;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parseServerUrl(fromEnv, 'env');
  if (settingsText !== null) {
    const fromSettings = serverUrlFromSettings(settingsText);
    if (fromSettings !== null) return parseServerUrl(fromSettings, 'settings');
  }
  return parseServerUrl(DEFAULT_SERVER_URL, 'default');
}

function serverUrlFromSettings(text: string): string | null {
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    // The file is left as it is: the user may fix it by hand.
    throw new ServerUrlError(`Het instellingenbestand ${SETTINGS_FILE} is geen geldige JSON. Herstel of verwijder het bestand en start Themakamer opnieuw.`);
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new ServerUrlError(`Het instellingenbestand ${SETTINGS_FILE} moet een JSON-object zijn, bijvoorbeeld {"serverUrl": "https://server.example"}.`);
  }
  if (!('serverUrl' in settings) || settings.serverUrl === undefined) return null;
  if (typeof settings.serverUrl !== 'string') {
    throw new ServerUrlError(`"serverUrl" in ${SETTINGS_FILE} moet tekst zijn, bijvoorbeeld "https://server.example".`);
  }
  return settings.serverUrl;
}

/** Reads <userDataDir>/settings.json; null when it does not exist. */
export async function readSettingsText(userDataDir: string): Promise<string | null> {
  try {
    return await readFile(join(userDataDir, SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ServerUrlError(`Het instellingenbestand ${SETTINGS_FILE} kan niet worden gelezen (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'}).`);
  }
}
