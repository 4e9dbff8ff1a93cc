/**
 * The document manager of one signed-in session: opens rooms as Y.Docs shown from the
 * vault first, then synced through the server; shares one doc between every view of a
 * room (reference counted); keeps the rooms the user may access in sync in the
 * background; and publishes per-room and app-wide sync status.
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { isRoom } from '../domain/ids';
import type { Vault } from '../vault';
import { assertPresenceFields, awarenessUser, replaceLocalFields, type AwarenessUser, type PresenceFields } from './awareness';
import { webSocketUrl } from './connection-close-codes';
import { connectRoom, type RoomConnection } from './connection';
import {
  aggregateStatus, createValueStore, sameAppStatus, sameRoomStatus,
  type AppSyncStatus, type ExternalStore, type RoomStatus,
} from './sync-status';

/** Why the manager refused a call. */
export type DocManagerErrorCode = 'bad-room' | 'closed';

/** A refused call; the message names the code and never content. */
export class DocManagerError extends Error {
  override name = 'DocManagerError';
  constructor(readonly code: DocManagerErrorCode) {
    super(code);
  }
}

/** What a manager needs for one session. */
export interface DocManagerOptions {
  /** The unlocked vault of this user. */
  vault: Pick<Vault, 'appendUpdates' | 'loadRoom'>;
  /** `http(s)://host:port` of the sync server. */
  serverUrl: string;
  token: string;
  /** The signed-in user, as shown to others in the room. */
  user: { username: string; name: string; org: string };
  /** WebSocket implementation (Node tests pass `ws`); defaults to the global one. */
  WebSocketImpl?: typeof WebSocket;
  /** Default true: no cross-tab BroadcastChannel. */
  disableBc?: boolean;
  /** Upper bound of the reconnect backoff (default 5 s). */
  maxBackoffMs?: number;
  now?: () => number;
  /** A room's vault read/write failed or a room id was refused; gets the room id only. */
  onError?(error: unknown, room: string): void;
}

/** One view's hold on a room. Release it when the view goes away. */
export interface DocHandle {
  readonly room: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Resolves once the vault's copy is in the doc (it never rejects: a failure shows in status). */
  readonly whenLoaded: Promise<void>;
  /** This room's sync status. */
  readonly status: ExternalStore<RoomStatus>;
  /** Publishes this view's presence fields (e.g. `{ section: 'situatie-en-risico' }`), replacing its previous ones. */
  setPresence(fields: PresenceFields): void;
  /** Drops this hold; the room closes (after its vault writes) when no hold is left. */
  release(): void;
}

/** The per-session document manager. */
export interface DocManager {
  /** The local user's awareness record. */
  readonly user: AwarenessUser;
  /** App-wide sync status for the indicator. */
  readonly status: ExternalStore<AppSyncStatus>;
  /** Opens `room` (or shares the already open doc). Throws `bad-room` for a malformed id. */
  open(room: string): DocHandle;
  /** Opens several rooms; `release` lets go of all of them. */
  openAll(rooms: readonly string[]): { handles: DocHandle[]; release(): void };
  /** Keeps exactly these rooms open in the background (for lists and the Acties view). */
  keepInSync(rooms: readonly string[]): void;
  /** The status of an open room, or null when it is not open. */
  roomStatus(room: string): RoomStatus | null;
  /** After a new login: new connections use `token`, rooms stopped by 4401 resume. */
  setToken(token: string): void;
  /** Follows the browser's network state: no reconnect attempts while false. */
  setNetworkAvailable(available: boolean): void;
  /** Retries rooms stopped by a terminal close (all, or one). */
  reconnect(room?: string): void;
  /** Resolves when every update so far is in the vault. */
  flush(): Promise<void>;
  /** Stores what is pending, then closes every room. The manager cannot be used afterwards. */
  close(): Promise<void>;
}

interface Entry {
  room: string;
  doc: Y.Doc;
  awareness: Awareness;
  connection: RoomConnection;
  status: ReturnType<typeof createValueStore<RoomStatus>>;
  whenLoaded: Promise<void>;
  refs: number;
  /** Presence fields per handle, merged in opening order. */
  presence: Map<number, PresenceFields>;
  destroyed: boolean;
}

const mergedPresence = (entry: Entry): PresenceFields => Object.assign({}, ...entry.presence.values()) as PresenceFields;

/** Creates the manager for one signed-in session. */
export function createDocManager(options: DocManagerOptions): DocManager {
  const wsUrl = webSocketUrl(options.serverUrl);
  const user = awarenessUser(options.user);
  const entries = new Map<string, Entry>();
  const background = new Map<string, DocHandle>();
  const appStatus = createValueStore<AppSyncStatus>(aggregateStatus([], null), sameAppStatus);
  let token = options.token;
  let networkAvailable = true;
  let closed = false;
  let handleIds = 0;

  const recompute = (): void => {
    const rooms = [...entries.values()].map((entry) => entry.status.getSnapshot());
    appStatus.set(aggregateStatus(rooms, appStatus.getSnapshot().lastSyncedAt));
  };

  const destroyEntry = (entry: Entry): void => {
    if (entry.destroyed) return;
    entry.destroyed = true;
    if (entries.get(entry.room) === entry) entries.delete(entry.room);
    entry.connection.destroy();
    entry.awareness.destroy();
    entry.doc.destroy();
    recompute();
  };

  const closeWhenUnused = async (entry: Entry): Promise<void> => {
    await entry.whenLoaded;
    await entry.connection.flushed();
    if (entry.refs === 0) destroyEntry(entry);
  };

  const createEntry = (room: string): Entry => {
    const doc = new Y.Doc({ gc: true });
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user });
    // Callbacks below run only after the entry exists; the holder lets them reach it.
    const self: { entry?: Entry } = {};
    const connection = connectRoom({
      room, doc, awareness, store: options.vault, wsUrl, token,
      ...(options.WebSocketImpl ? { WebSocketImpl: options.WebSocketImpl } : {}),
      disableBc: options.disableBc ?? true,
      maxBackoffMs: options.maxBackoffMs ?? 5_000,
      ...(options.now ? { now: options.now } : {}),
      onStatus(next) {
        if (!self.entry || self.entry.destroyed) return;
        self.entry.status.set(next);
        recompute();
      },
      ...(options.onError ? { onError: options.onError } : {}),
    });
    const status = createValueStore(connection.status(), sameRoomStatus);
    const whenLoaded = (async () => {
      let failed = false;
      try {
        const updates = await options.vault.loadRoom(room);
        if (!self.entry?.destroyed) connection.applyStored(updates);
      } catch (error) {
        failed = true;
        options.onError?.(error, room);
      }
      if (self.entry?.destroyed) return;
      connection.setNetworkAvailable(networkAvailable);
      connection.start(failed);
    })();
    const entry: Entry = { room, doc, awareness, connection, status, whenLoaded, refs: 0, presence: new Map(), destroyed: false };
    self.entry = entry;
    entries.set(room, entry);
    recompute();
    return entry;
  };

  const open = (room: string): DocHandle => {
    if (closed) throw new DocManagerError('closed');
    if (!isRoom(room)) throw new DocManagerError('bad-room');
    const entry = entries.get(room) ?? createEntry(room);
    entry.refs++;
    const id = ++handleIds;
    let released = false;
    const setFields = (fields: PresenceFields | null): void => {
      if (fields) assertPresenceFields(fields);
      const previous = Object.keys(mergedPresence(entry));
      if (fields) entry.presence.set(id, fields);
      else entry.presence.delete(id);
      replaceLocalFields(entry.awareness, previous, mergedPresence(entry));
    };
    return {
      room,
      doc: entry.doc,
      awareness: entry.awareness,
      whenLoaded: entry.whenLoaded,
      status: entry.status,
      setPresence(fields) {
        if (!released) setFields(fields);
      },
      release() {
        if (released) return;
        released = true;
        if (entry.presence.has(id)) setFields(null);
        entry.refs--;
        if (entry.refs === 0) void closeWhenUnused(entry);
      },
    };
  };

  const manager: DocManager = {
    user,
    status: appStatus,
    open,
    openAll(rooms) {
      const handles = [...new Set(rooms)].map(open);
      return { handles, release: () => handles.forEach((handle) => handle.release()) };
    },
    keepInSync(rooms) {
      if (closed) throw new DocManagerError('closed');
      const wanted = new Set(rooms);
      for (const [room, handle] of background) {
        if (!wanted.has(room)) {
          handle.release();
          background.delete(room);
        }
      }
      for (const room of wanted) {
        if (background.has(room)) continue;
        try {
          background.set(room, open(room));
        } catch (error) {
          options.onError?.(error, room);
        }
      }
    },
    roomStatus: (room) => entries.get(room)?.status.getSnapshot() ?? null,
    setToken(next) {
      token = next;
      for (const entry of entries.values()) entry.connection.setToken(next);
    },
    setNetworkAvailable(available) {
      networkAvailable = available;
      for (const entry of entries.values()) entry.connection.setNetworkAvailable(available);
    },
    reconnect(room) {
      for (const entry of entries.values()) if (room === undefined || entry.room === room) entry.connection.reconnect();
    },
    async flush() {
      await Promise.all([...entries.values()].map(async (entry) => {
        await entry.whenLoaded;
        await entry.connection.flushed();
      }));
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const handle of background.values()) handle.release();
      background.clear();
      await manager.flush();
      for (const entry of [...entries.values()]) destroyEntry(entry);
    },
  };
  return manager;
}
