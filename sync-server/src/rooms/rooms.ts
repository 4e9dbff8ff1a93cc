/**
 * The rooms loaded in memory: loaded on first use (concurrent users of a room share one
 * load), written to a snapshot and dropped when nobody has used them for a while.
 */
import type { Logger } from '../log';
import type { Limits } from '../options';
import { Room, type RoomHost } from './room';
import { loadRoomDoc } from './room-loader';
import type { RoomStore } from '../storage/room-store';

/** Loaded rooms by name. */
export interface RoomRegistry {
  /** The room, loaded from storage if needed; keeps it loaded for at least the idle period. */
  acquire(name: string): Promise<Room>;
  get(name: string): Room | undefined;
  loaded(): Room[];
  /** Compacts every dirty room and drops them all (shutdown). */
  closeAll(): Promise<void>;
}

/** Options of the registry. */
export interface RoomRegistryOptions {
  idleUnloadMs: number;
  compactAfterUpdates: number;
  compactAfterApplyMs: number;
  limits: Limits;
  /** Called when a room that was reloading takes messages again. */
  onReady?: (room: Room) => void;
}

/** Creates the registry. */
export function createRoomRegistry(store: RoomStore, logger: Logger, options: RoomRegistryOptions): RoomRegistry {
  const rooms = new Map<string, Room>();
  const loading = new Map<string, Promise<Room>>();
  const unloadTimers = new Map<string, NodeJS.Timeout>();

  const cancelUnload = (name: string): void => {
    const timer = unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    unloadTimers.delete(name);
  };

  const unload = async (room: Room): Promise<void> => {
    cancelUnload(room.name);
    if (rooms.get(room.name) !== room || room.conns.size > 0) return;
    await room.flushed();
    if (room.state === 'ready') await room.compact();
    // Someone may have joined while the snapshot was written.
    if (rooms.get(room.name) !== room || room.conns.size > 0) return;
    rooms.delete(room.name);
    room.destroy();
    logger.info('room-unloaded', { room: room.name });
  };

  const scheduleUnload = (room: Room): void => {
    cancelUnload(room.name);
    const timer = setTimeout(() => void unload(room), options.idleUnloadMs);
    timer.unref();
    unloadTimers.set(room.name, timer);
  };

  const host: RoomHost = {
    store,
    logger,
    limits: options.limits,
    compactAfterUpdates: options.compactAfterUpdates,
    compactAfterApplyMs: options.compactAfterApplyMs,
    onEmpty: scheduleUnload,
    onBroken(room) {
      cancelUnload(room.name);
      if (rooms.get(room.name) === room) rooms.delete(room.name);
      // Connections are closing; destroy once their close handlers have run.
      setImmediate(() => room.destroy());
    },
    onReady: (room) => options.onReady?.(room),
  };

  const load = async (name: string): Promise<Room> => {
    const started = performance.now();
    const loaded = await loadRoomDoc(store, name, logger);
    const room = new Room(name, loaded, host);
    rooms.set(name, room);
    logger.info('room-loaded', { room: name, rows: loaded.rows, quarantined: loaded.quarantined, ms: Math.round(performance.now() - started) });
    return room;
  };

  return {
    async acquire(name) {
      let room = rooms.get(name);
      if (!room) {
        let pending = loading.get(name);
        if (!pending) {
          pending = load(name).finally(() => loading.delete(name));
          loading.set(name, pending);
        }
        room = await pending;
      }
      if (room.conns.size === 0) scheduleUnload(room);
      else cancelUnload(name);
      return room;
    },
    get: (name) => rooms.get(name),
    loaded: () => [...rooms.values()],
    async closeAll() {
      await Promise.allSettled([...loading.values()]);
      for (const room of [...rooms.values()]) {
        cancelUnload(room.name);
        await room.flushed();
        if (room.state === 'ready') await room.compact();
        room.destroy();
      }
      rooms.clear();
    },
  };
}
