/**
 * Sync status: per room and for the whole app (the sync indicator). It must tell the
 * truth: 'online' only when the server confirmed it stored every local change.
 */

/** What one room's connection is doing. */
export type RoomState =
  /** Loading from the vault or making the first connection attempt. */
  | 'connecting'
  /** Connected; the initial exchange or a local change is not yet confirmed by the server. */
  | 'syncing'
  /** Connected and every local change is confirmed stored by the server. */
  | 'online'
  /** No connection; retrying with backoff. Edits are kept in the vault meanwhile. */
  | 'offline'
  /** The token was refused (4401): sign in again, then setToken. */
  | 'unauthorized'
  /** No (longer) access to this room (4403, 4410). */
  | 'forbidden'
  /** The server refused what this client sent (4400, 1009); retrying would not help. */
  | 'refused';

/** The status of one open room. */
export interface RoomStatus {
  room: string;
  state: RoomState;
  /** True once the vault's copy was applied (the doc shows what this device had). */
  loaded: boolean;
  /** Local changes the server has not confirmed yet (sent or not). */
  unconfirmed: number;
  /** Epoch ms when the server last confirmed this room fully in sync, this session. */
  lastSyncedAt: number | null;
  /** A vault read or write failed for this room (the change still went to the server). */
  storageError: boolean;
  /** The WebSocket close code that ended the last connection, if any. */
  closeCode: number | null;
}

/** The state the app's sync indicator shows (same names as the UI's SyncState). */
export type AppSyncState = 'online' | 'offline' | 'syncing' | 'unauthorized';

/** The aggregate over every open room. */
export interface AppSyncStatus {
  state: AppSyncState;
  /** Epoch ms when every open room was last confirmed in sync, or null. */
  lastSyncedAt: number | null;
  /** Local changes not yet confirmed, over all rooms. */
  unconfirmed: number;
  /** Rooms refused with 4403/4410 (shown as "geen toegang", not as a sync problem). */
  forbidden: string[];
  /** Rooms whose data the server refused (4400/1009): local changes there do not sync. */
  refused: string[];
  /** True when any room could not read or write the vault. */
  storageError: boolean;
}

const inactive = new Set<RoomState>(['forbidden', 'refused']);

/**
 * Aggregates room statuses. `previousLastSyncedAt` is kept while not everything is in
 * sync, so the indicator can say since when the app is behind.
 */
export function aggregateStatus(rooms: readonly RoomStatus[], previousLastSyncedAt: number | null): AppSyncStatus {
  const active = rooms.filter((room) => !inactive.has(room.state));
  const unconfirmed = rooms.reduce((sum, room) => sum + room.unconfirmed, 0);
  let state: AppSyncState;
  if (rooms.some((room) => room.state === 'unauthorized')) state = 'unauthorized';
  else if (active.length > 0 && active.every((room) => room.state === 'offline')) state = 'offline';
  else if (active.some((room) => room.state !== 'online')) state = 'syncing';
  else state = 'online';
  const confirmed = active.map((room) => room.lastSyncedAt).filter((at): at is number => at !== null);
  return {
    state,
    lastSyncedAt: state === 'online' && confirmed.length > 0 ? Math.max(previousLastSyncedAt ?? 0, ...confirmed) : previousLastSyncedAt,
    unconfirmed,
    forbidden: rooms.filter((room) => room.state === 'forbidden').map((room) => room.room).sort(),
    refused: rooms.filter((room) => room.state === 'refused').map((room) => room.room).sort(),
    storageError: rooms.some((room) => room.storageError),
  };
}

/** A value React can read with useSyncExternalStore (snapshots are stable until they change). */
export interface ExternalStore<T> {
  getSnapshot(): T;
  /** Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The indicator shows the last sync time in minutes, while idle rooms confirm every 15 s
 * (keep-alive): confirmations closer than this do not count as a change worth a render.
 */
export const lastSyncedGranularityMs = 60_000;

const sameSyncTime = (a: number | null, b: number | null): boolean =>
  a === b || (a !== null && b !== null && Math.abs(a - b) < lastSyncedGranularityMs);

/** True when two aggregates would render the same. */
export function sameAppStatus(a: AppSyncStatus, b: AppSyncStatus): boolean {
  return a.state === b.state && sameSyncTime(a.lastSyncedAt, b.lastSyncedAt) && a.unconfirmed === b.unconfirmed
    && a.storageError === b.storageError && sameList(a.forbidden, b.forbidden) && sameList(a.refused, b.refused);
}

/** True when two room statuses would render the same. */
export function sameRoomStatus(a: RoomStatus, b: RoomStatus): boolean {
  return a.room === b.room && a.state === b.state && a.loaded === b.loaded && a.unconfirmed === b.unconfirmed
    && sameSyncTime(a.lastSyncedAt, b.lastSyncedAt) && a.storageError === b.storageError && a.closeCode === b.closeCode;
}

/** A tiny store holding one value; `set` notifies only when `same` says it changed. */
export function createValueStore<T>(initial: T, same: (a: T, b: T) => boolean): ExternalStore<T> & { set(value: T): void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(next) {
      if (same(value, next)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
  };
}
