/**
 * Test factories for the sync server, shared with other parts' tests: keep these
 * signatures stable. Every server gets its own temporary data dir and a free port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openAdmin, type Admin } from '../src/cli/admin';
import type { PublicUser } from '../src/access/directory';
import { silentLogger } from '../src/log';
import type { Role } from '../src/access/names';
import { startServer, type RunningServer, type ServerOptions } from '../src/server';

/** A running test server with an admin handle on the same data dir. */
export interface TestServer {
  server: RunningServer;
  admin: Admin;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Stops the server, closes the admin handle and deletes the data dir. */
  close(): Promise<void>;
}

/**
 * Starts a server on a free port with a fresh data dir (options override the test defaults).
 * Two-factor sign-in is off unless `requireMfa` is given: tests of other concerns sign in
 * with the password alone (two-factor.test.ts covers the second step).
 */
export async function newServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'themakamer-sync-')));
  const server = await startServer({ logger: silentLogger, accessPollMs: 50, requireMfa: false, ...options, dataDir, port: options.port ?? 0 });
  const admin = await openAdmin({ dataDir });
  let closed = false;
  return {
    server, admin, url: server.url, wsUrl: server.wsUrl, dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await admin.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The body of a successful login. */
export interface LoginResponse { token: string; expiresAt: string; user: PublicUser }

/** Logs in over HTTP; throws with the status code when refused. */
export async function login(url: string, username: string, password: string): Promise<LoginResponse> {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login failed with ${response.status}`);
  return (await response.json()) as LoginResponse;
}

/** A fictional password used by test users. */
export const testPassword = 'test-wachtwoord-1';

/** Adds the org if needed and a user with {@link testPassword}. */
export async function addTestUser(admin: Admin, username: string, role: Role = 'deelnemer', org = 'zvh'): Promise<void> {
  if (!(await admin.listOrgs()).some((o) => o.id === org)) await admin.addOrg(org, `Test ${org.toUpperCase()}`);
  await admin.addUser({ username, name: `Test ${username}`, org, role, password: testPassword });
}

/** A y-websocket client as the app uses it. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  destroy(): void;
}

/** Connects the stock y-websocket provider (no BroadcastChannel) to `room`. */
export function newClient(wsUrl: string, room: string, token: string, options: { connect?: boolean; doc?: Y.Doc } = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return { doc, provider, synced, destroy: () => { provider.destroy(); doc.destroy(); } };
}

/** Opens a raw socket and resolves with the close code (and how many messages arrived before it). */
export function rawSocket(wsUrl: string, room: string, token: string | null): { socket: WebSocket; closed: Promise<{ code: number; messages: Buffer[] }> } {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(`${wsUrl}/${encodeURIComponent(room)}${query}`);
  const messages: Buffer[] = [];
  socket.on('message', (data) => messages.push(data as Buffer));
  socket.on('error', () => {});
  const closed = new Promise<{ code: number; messages: Buffer[] }>((resolve) => socket.on('close', (code) => resolve({ code, messages })));
  return { socket, closed };
}

/** Waits until `check` is true (polling), or throws after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What became of one socket: greeted by the server (admitted), or closed with a code first. */
export type Admission = { admitted: true; raw: ReturnType<typeof rawSocket> } | { admitted: false; code: number };

/** Opens a raw socket and resolves once the server greets it or closes it. */
export function admission(wsUrl: string, room: string, token: string | null): Promise<Admission> {
  const raw = rawSocket(wsUrl, room, token);
  return new Promise((resolve) => {
    raw.socket.once('message', () => resolve({ admitted: true, raw }));
    void raw.closed.then(({ code }) => resolve({ admitted: false, code }));
  });
}

/** Opens all `attempts` at once; resolves with the admitted sockets and the close codes of the others. */
export async function admitConcurrently(attempts: { wsUrl: string; room: string; token: string | null }[]): Promise<{ admitted: ReturnType<typeof rawSocket>[]; refused: number[] }> {
  const results = await Promise.all(attempts.map((a) => admission(a.wsUrl, a.room, a.token)));
  return {
    admitted: results.flatMap((r) => (r.admitted ? [r.raw] : [])),
    refused: results.flatMap((r) => (r.admitted ? [] : [r.code])),
  };
}

/** Closes sockets and waits until each has closed. */
export async function closeAll(sockets: ReturnType<typeof rawSocket>[]): Promise<void> {
  for (const s of sockets) s.socket.close();
  await Promise.all(sockets.map((s) => s.closed));
}
