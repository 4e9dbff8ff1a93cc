/** The demo talks to its in-process server the way the app does: HTTP API and y-websocket. */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A signed-in HTTP session. */
export interface ApiSession {
  token: string;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`${new URL(url).pathname} failed with ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Logs in over HTTP: the password, then (for an enrolled user) the two-factor code. */
export async function signIn(url: string, username: string, password: string, code: string): Promise<ApiSession> {
  const first = await postJson(`${url}/api/login`, { username, password });
  const answer = first.secondFactor === 'code' ? await postJson(`${url}/api/login/code`, { ticket: first.ticket, code }) : first;
  if (typeof answer.token !== 'string') throw new Error(`login ${username} did not give a session`);
  const token = answer.token;
  return {
    token,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const reply = await fetch(`${url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!reply.ok) throw new Error(`${method} ${path.replace(/(case|meeting)(%3A|:)[a-z0-9]+/g, '$1:…')} failed with ${reply.status}`);
      return (reply.status === 204 ? undefined : await reply.json()) as T;
    },
  };
}

function connect(wsUrl: string, room: string, token: string): { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<void> } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return { doc, provider, synced };
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Opens `room` through the y-websocket provider, lets `write` fill the synced doc, and
 * resolves once the server holds every update: a second, fresh connection syncs the
 * same state (the server stores an update before it relays or serves it).
 */
export async function writeRoom(wsUrl: string, token: string, room: string, write: (doc: Y.Doc) => void, timeoutMs = 15_000): Promise<void> {
  const writer = connect(wsUrl, room, token);
  try {
    await writer.synced;
    write(writer.doc);
    const wanted = hex(Y.encodeStateVector(writer.doc));
    const started = Date.now();
    for (;;) {
      const check = connect(wsUrl, room, token);
      try {
        await check.synced;
        if (hex(Y.encodeStateVector(check.doc)) === wanted) return;
      } finally {
        check.provider.destroy();
        check.doc.destroy();
      }
      if (Date.now() - started > timeoutMs) throw new Error(`${room.split(':')[0]} room not stored within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    writer.provider.destroy();
    writer.doc.destroy();
  }
}
