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
import { decodeReadCopy, encodeReadCopy, hasReadCopy } from './readCopy';
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
  vault: Pick<Vault, 'appendUpdates' | 'notePending' | 'clearPending' | 'loadRoom' | 'loadReadCopy' | 'putReadCopy'>;
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
  /** A case room's read copy is stored this long after its last change (default 2 s). */
  readCopyDelayMs?: number;
  /** ...and at the latest this long after the first change it does not hold (default 60 s). */
  readCopyMaxDelayMs?: number;
  /** The stored state waits at most this long for a view painting the read copy (default 1 s). */
  readCopyWaitMs?: number;
  /**
   * When a room has a read copy but no view asked for it yet, its stored state waits this
   * long for one to ask (default 250 ms): the app's first screen may be that room's board,
   * which registers a few frames after the session starts.
   */
  readCopyGraceMs?: number;
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
  /**
   * The room's read copy (collab/readCopy.ts) to paint while the vault's full state is
   * still being applied, or null (none stored, unreadable, or the room is loaded already).
   * Until this handle calls `readCopyShown` (or releases), applying the full state waits
   * for it — at most `readCopyWaitMs` — so the paint is not held up behind that work.
   * The copy is read-only: never edit it.
   */
  readCopy(): Promise<Y.Doc | null>;
  /** The read copy is on screen (or not wanted any more): the full state may be applied. */
  readCopyShown(): void;
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
  loaded: boolean;
  /** The read copy's bytes from the vault (case rooms), null when none is usable. */
  copy: Promise<Uint8Array | null>;
  /** Handles that asked for the read copy and have not shown it yet. */
  copyViewers: Set<number>;
  /** Wakes the load waiting for the viewers. */
  copyViewersDone: (() => void) | null;
  /** Wakes the load waiting for a first viewer. */
  copyViewerAsked: (() => void) | null;
  /** The pending read copy write (debounced after changes). */
  copyTimer: ReturnType<typeof setTimeout> | null;
  /** When the first change not yet in the read copy happened. */
  copyDirtySince: number;
  copyWrite: Promise<void>;
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
  const now = options.now ?? Date.now;
  const copyMaxDelayMs = options.readCopyMaxDelayMs ?? 60_000;

  const recompute = (): void => {
    const rooms = [...entries.values()].map((entry) => entry.status.getSnapshot());
    appStatus.set(aggregateStatus(rooms, appStatus.getSnapshot().lastSyncedAt));
  };

  const destroyEntry = (entry: Entry): void => {
    if (entry.destroyed) return;
    if (entry.copyTimer !== null) writeCopy(entry);
    entry.destroyed = true;
    if (entries.get(entry.room) === entry) entries.delete(entry.room);
    entry.connection.destroy();
    entry.awareness.destroy();
    entry.doc.destroy();
    recompute();
  };

  /** Stores the read copy of the doc as it is now (encoded at once, written in order). */
  const writeCopy = (entry: Entry): void => {
    if (entry.copyTimer !== null) clearTimeout(entry.copyTimer);
    entry.copyTimer = null;
    if (entry.destroyed || !entry.loaded) return;
    let bytes: Uint8Array;
    try {
      bytes = encodeReadCopy(entry.doc);
    } catch (error) {
      options.onError?.(error, entry.room);
      return;
    }
    entry.copyWrite = entry.copyWrite
      .then(() => options.vault.putReadCopy(entry.room, bytes))
      .then(() => undefined, (error: unknown) => options.onError?.(error, entry.room));
  };

  /** Debounced; a room that never falls quiet (a live meeting) is still written every minute. */
  const scheduleCopy = (entry: Entry): void => {
    if (entry.destroyed || !hasReadCopy(entry.room)) return;
    const at = now();
    if (entry.copyTimer === null) entry.copyDirtySince = at;
    else if (at - entry.copyDirtySince >= copyMaxDelayMs) return; // the pending write stays as timed
    else clearTimeout(entry.copyTimer);
    const delay = Math.min(options.readCopyDelayMs ?? 2_000, Math.max(0, entry.copyDirtySince + copyMaxDelayMs - at));
    entry.copyTimer = setTimeout(() => writeCopy(entry), delay);
  };

  /**
   * Resolves when the wake function `arm` receives is called, or after `ms`; `arm` gets
   * null again once it resolved (so a late wake does nothing).
   */
  const wakeOrTimeout = (ms: number, arm: (wake: (() => void) | null) => void): Promise<void> => new Promise((resolve) => {
    const timer = setTimeout(() => wake(), ms);
    const wake = (): void => {
      clearTimeout(timer);
      arm(null);
      resolve();
    };
    arm(wake);
  });

  /**
   * Resolves when the views that asked for the read copy have shown it (or left), bounded
   * by `readCopyWaitMs`; with no view yet, first waits up to `readCopyGraceMs` for one.
   */
  const copyViewersGone = async (entry: Entry): Promise<void> => {
    if (entry.copyViewers.size === 0) {
      await wakeOrTimeout(options.readCopyGraceMs ?? 250, (wake) => { entry.copyViewerAsked = wake; });
    }
    if (entry.copyViewers.size === 0) return;
    await wakeOrTimeout(options.readCopyWaitMs ?? 1_000, (wake) => { entry.copyViewersDone = wake; });
  };

  const copyViewerDone = (entry: Entry, id: number): void => {
    if (entry.copyViewers.delete(id) && entry.copyViewers.size === 0) entry.copyViewersDone?.();
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
    // The read copy is read alongside the room's state; an unreadable one is no copy.
    const stored = hasReadCopy(room)
      ? options.vault.loadReadCopy(room).catch((error: unknown) => {
        options.onError?.(error, room);
        return null;
      })
      : Promise.resolve(null);
    const copy = stored.then((found) => found?.copy ?? null);
    const whenLoaded = (async () => {
      let failed = false;
      try {
        const updates = await options.vault.loadRoom(room);
        const entry = self.entry;
        // A view painting the read copy goes first: applying years of history takes a while.
        if (entry && (await copy) !== null) await copyViewersGone(entry);
        if (!self.entry?.destroyed) connection.applyStored(updates);
      } catch (error) {
        failed = true;
        options.onError?.(error, room);
      }
      const entry = self.entry;
      if (!entry || entry.destroyed) return;
      entry.loaded = true;
      connection.setNetworkAvailable(networkAvailable);
      connection.start(failed);
      // Keep the read copy current: after changes, and now if the stored one is missing or older.
      doc.on('update', () => scheduleCopy(entry));
      if (!(await stored)?.current) scheduleCopy(entry);
    })();
    const entry: Entry = {
      room, doc, awareness, connection, status, whenLoaded, loaded: false, copy, copyViewers: new Set(),
      copyViewersDone: null, copyViewerAsked: null, copyTimer: null, copyDirtySince: 0, copyWrite: Promise.resolve(), refs: 0, presence: new Map(), destroyed: false,
    };
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
      async readCopy() {
        if (entry.loaded || released) return null;
        entry.copyViewers.add(id);
        entry.copyViewerAsked?.();
        const bytes = await entry.copy;
        if (bytes === null || entry.loaded || released || entry.destroyed) {
          copyViewerDone(entry, id);
          return null;
        }
        try {
          return decodeReadCopy(bytes);
        } catch (error) {
          options.onError?.(error, room);
          copyViewerDone(entry, id);
          return null;
        }
      },
      readCopyShown: () => copyViewerDone(entry, id),
      status: entry.status,
      setPresence(fields) {
        if (!released) setFields(fields);
      },
      release() {
        if (released) return;
        released = true;
        if (entry.presence.has(id)) setFields(null);
        copyViewerDone(entry, id);
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
        if (entry.copyTimer !== null) writeCopy(entry);
        await entry.copyWrite;
      }));
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const handle of background.values()) handle.release();
      background.clear();
      await manager.flush();
      const openEntries = [...entries.values()];
      for (const entry of openEntries) destroyEntry(entry);
      await Promise.all(openEntries.map((entry) => entry.copyWrite));
    },
  };
  return manager;
}
