/**
 * GET /api/version: which protocol this server speaks and which app version it ships, so an
 * app can tell its user plainly that it is older or newer than the server instead of failing
 * silently. Public like /healthz: it says nothing about users, rooms or content.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http-json';

/**
 * The version of the contract between app and server: the HTTP API, the WebSocket protocol
 * and close codes, and the document schemas (docs/design.md). Raise it, together with
 * `APP_PROTOCOL_VERSION` in renderer/src/features/update/protocol.ts, when an app built for
 * the previous value would no longer work correctly against this server.
 */
export const SYNC_PROTOCOL_VERSION = 2;

/** The release of this server (package.json), as shown to the app. */
export const serverAppVersion: string = (() => {
  const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
  const { version } = JSON.parse(text) as { version?: unknown };
  return typeof version === 'string' ? version : 'onbekend';
})();

/** The answer of GET /api/version. */
export interface VersionInfo {
  protocol: number;
  app: string;
  /** After how many minutes without input the app locks and asks the password again (0: never). */
  idleLockMinutes: number;
}

/** The route, in the shape of http-api.ts's route table; `idleLockMinutes` is the region's policy (--idle-lock-minutes). */
export function versionRoute(idleLockMinutes: number): ['GET', RegExp, (req: IncomingMessage, res: ServerResponse) => void] {
  const info: VersionInfo = { protocol: SYNC_PROTOCOL_VERSION, app: serverAppVersion, idleLockMinutes };
  return ['GET', /^\/api\/version$/, (_req, res) => sendJson(res, 200, info)];
}
