/**
 * The fuzzer's world: a server process on its own data dir, fictional users with grants,
 * raw sockets for the cases, and real y-websocket clients (no BroadcastChannel) that check
 * after every case that the room and another room still sync, and that /healthz answers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openAdmin, type Admin } from '../../sync-server/src/cli/admin';
import { addTestUser, login, newClient, rawSocket, testPassword, type TestClient } from '../../sync-server/test/helpers';
import { contentOf } from './content';
import { isSyncStep2, syncStep1 } from './messages';
import { spawnServer, type ServerProcess } from './server-process';

/** Who plays which part (fictional users). */
export const users = { bystander: 'fuzz.anna', peer: 'fuzz.bram', attackers: ['fuzz.mallory0', 'fuzz.mallory1', 'fuzz.mallory2'] } as const;

/** How a case went on its socket. */
export interface CaseOutcome {
  /** handled: the server answered the probe after the case; closed: it closed the socket; stalled: neither in time. */
  result: 'handled' | 'closed' | 'stalled';
  code: number | null;
  /** The server's answer to the probe (what a client holding the seed state lacks). */
  reply: Uint8Array | null;
  ms: number;
}

/** Two clients in one room that edit and see each other's edits. */
export interface RoomPair { room: string; bystander: TestClient; peer: TestClient }

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) return false;
    await sleep(5);
  }
  return true;
}

/** The server, its data dir and logged-in users. */
export class Harness {
  server!: ServerProcess;
  readonly tokens = new Map<string, string>();
  private logCursor = 0;
  private edits = 0;

  private constructor(readonly dataDir: string, readonly admin: Admin) {}

  /** A fresh data dir with the users; call start() next. */
  static async create(): Promise<Harness> {
    const dataDir = await mkdtemp(join(tmpdir(), 'themakamer-fuzz-'));
    const admin = await openAdmin({ dataDir });
    for (const username of [users.bystander, users.peer, ...users.attackers]) await addTestUser(admin, username);
    return new Harness(dataDir, admin);
  }

  /** Grants every user edit access to `rooms`. */
  async grant(rooms: string[]): Promise<void> {
    for (const room of rooms) for (const username of [users.bystander, users.peer, ...users.attackers]) await this.admin.grant(room, username, 'edit');
  }

  async start(): Promise<void> {
    this.server = await spawnServer(this.dataDir);
    this.logCursor = 0;
    for (const username of [users.bystander, users.peer, ...users.attackers]) this.tokens.set(username, (await login(this.server.url, username, testPassword)).token);
  }

  /** Stops the server (SIGTERM) and says how it exited. */
  async stop(): Promise<number | string> {
    return this.server.stop();
  }

  async close(): Promise<void> {
    if (this.server && this.server.exit() === null) await this.server.stop(2000);
    await this.admin.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  token(username: string): string {
    const token = this.tokens.get(username);
    if (!token) throw new Error(`${username} is not logged in`);
    return token;
  }

  /** Log lines since the last call that show a fault: errors, and messages refused for an unexpected exception. */
  newFaults(): string[] {
    const lines = this.server.logs.slice(this.logCursor);
    this.logCursor = this.server.logs.length;
    return lines.filter((line) => line.includes('"level":"error"') || line.includes('"reason":"unexpected-'));
  }

  /** Sends a case's messages on a fresh socket, then a probe, and waits for the answer or the close (see {@link sendWithProbe}). */
  sendCase(room: string, username: string, messages: Uint8Array[], probeVector: Uint8Array, timeoutMs: number, waitForGreeting = true): Promise<CaseOutcome> {
    return sendWithProbe(this.server.wsUrl, room, this.token(username), messages, probeVector, timeoutMs, waitForGreeting);
  }

  /** Connects a bystander and a peer to `room` (synced). */
  async pair(room: string): Promise<RoomPair> {
    const bystander = newClient(this.server.wsUrl, room, this.token(users.bystander));
    const peer = newClient(this.server.wsUrl, room, this.token(users.peer));
    await Promise.all([withTimeout(bystander.synced, 10_000, `${room} bystander sync`), withTimeout(peer.synced, 10_000, `${room} peer sync`)]);
    return { room, bystander, peer };
  }

  /** An edit each way between the pair arrives within `timeoutMs`; null when it does, else what failed. */
  async editsFlow(pair: RoomPair, timeoutMs = 5000): Promise<string | null> {
    const value = `probe-${++this.edits}`;
    pair.bystander.doc.getMap('fuzzprobe').set('bystander', value);
    if (!(await until(() => pair.peer.doc.getMap('fuzzprobe').get('bystander') === value, timeoutMs))) return `an edit in ${pair.room} did not reach its peer within ${timeoutMs} ms`;
    pair.peer.doc.getMap('fuzzprobe').set('peer', value);
    if (!(await until(() => pair.bystander.doc.getMap('fuzzprobe').get('peer') === value, timeoutMs))) return `an edit in ${pair.room} did not reach the bystander within ${timeoutMs} ms`;
    return null;
  }

  /** /healthz answers 200; null when it does, else what failed. */
  async healthz(timeoutMs = 2000): Promise<string | null> {
    try {
      const response = await fetch(`${this.server.url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
      return response.status === 200 ? null : `/healthz answered ${response.status}`;
    } catch (error) {
      return `/healthz did not answer: ${(error as Error).name}`;
    }
  }

  /** The room's content as a fresh client syncs it. */
  async freshContent(room: string): Promise<string> {
    const client = newClient(this.server.wsUrl, room, this.token(users.peer));
    try {
      await withTimeout(client.synced, 10_000, `${room} fresh sync`);
      return contentOf(client.doc);
    } finally {
      client.destroy();
    }
  }
}

/**
 * Sends `messages` on a fresh socket, then a probe (sync step 1 with `probeVector`): the
 * server handles a socket's messages in order, so its answer means everything before it
 * was handled. Resolves with the answer, the close, or 'stalled' after `timeoutMs`.
 */
export async function sendWithProbe(wsUrl: string, room: string, token: string, messages: Uint8Array[], probeVector: Uint8Array, timeoutMs: number, waitForGreeting = true): Promise<CaseOutcome> {
  const started = performance.now();
  const { socket, closed } = rawSocket(wsUrl, room, token);
  let reply: Uint8Array | null = null;
  let code: number | null = null;
  let greeted = false;
  socket.on('message', (data: Buffer) => {
    greeted = true;
    if (isSyncStep2(data)) reply ??= new Uint8Array(data);
  });
  void closed.then((result) => { code = result.code; });
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    void closed.then(() => resolve(false));
  });
  if (opened && waitForGreeting) await until(() => code !== null || greeted, 5000);
  if (opened) {
    for (const message of messages) if (socket.readyState === socket.OPEN) socket.send(message);
    if (socket.readyState === socket.OPEN) socket.send(syncStep1(probeVector));
  }
  const done = await until(() => code !== null || reply !== null, timeoutMs);
  if (socket.readyState === socket.OPEN) socket.close(1000);
  await Promise.race([closed, sleep(2000)]);
  const ms = performance.now() - started;
  if (!done) return { result: 'stalled', code: null, reply: null, ms };
  // Reading the answer decodes the rest of its message: strip the two-byte header and the length.
  return { result: reply !== null ? 'handled' : 'closed', code, reply: reply === null ? null : stripSyncHeader(reply), ms };
}

/** Destroys the pair's clients. */
export function closePair(pair: RoomPair): void {
  pair.bystander.destroy();
  pair.peer.destroy();
}

function stripSyncHeader(message: Uint8Array): Uint8Array {
  // [0 (sync), 1 (step 2), varuint length, update]
  let offset = 2;
  while (message[offset]! & 0x80) offset++;
  return message.subarray(offset + 1);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when a client holding `seedState` can apply `reply` (what the server sends to a syncing client). */
export function replyApplies(seedState: Uint8Array, reply: Uint8Array): string | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, seedState);
    Y.applyUpdate(doc, reply);
    return null;
  } catch (error) {
    return `a client cannot apply what the server sends when syncing: ${(error as Error).name}`;
  } finally {
    doc.destroy();
  }
}
