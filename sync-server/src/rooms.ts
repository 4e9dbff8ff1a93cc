/**
 * The rooms loaded in memory: loaded on first use, written to a snapshot and dropped
 * when nobody has used them for a while.
 */
import type { Logger } from './log';
import { Room } from './room';
import type { RoomStore } from './room-store';

/** Loaded rooms by name. */
export interface RoomRegistry {
  /** The room, loaded from storage if needed; keeps it loaded for at least the idle period. */
  acquire(name: string): Room;
  get(name: string): Room | undefined;
  loaded(): Room[];
  /** Compacts every dirty room and drops them all (shutdown). */
  closeAll(): void;
}

/** Creates the registry. */
export function createRoomRegistry(store: RoomStore, logger: Logger, options: { idleUnloadMs: number; compactAfterUpdates: number }): RoomRegistry {
  const rooms = new Map<string, Room>();
  const unloadTimers = new Map<string, NodeJS.Timeout>();

  const cancelUnload = (name: string): void => {
    const timer = unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    unloadTimers.delete(name);
  };

  const unload = (room: Room): void => {
    cancelUnload(room.name);
    if (rooms.get(room.name) !== room) return;
    if (room.conns.size > 0) return;
    if (!room.broken) room.compact();
    rooms.delete(room.name);
    room.destroy();
    logger.info('room-unloaded', { room: room.name });
  };

  const scheduleUnload = (room: Room): void => {
    cancelUnload(room.name);
    const timer = setTimeout(() => unload(room), options.idleUnloadMs);
    timer.unref();
    unloadTimers.set(room.name, timer);
  };

  const host = {
    store,
    logger,
    compactAfterUpdates: options.compactAfterUpdates,
    onEmpty: scheduleUnload,
    onBroken(room: Room) {
      cancelUnload(room.name);
      if (rooms.get(room.name) === room) rooms.delete(room.name);
      // Connections are closing; destroy once their close handlers have run.
      setImmediate(() => room.destroy());
    },
  };

  return {
    acquire(name) {
      let room = rooms.get(name);
      if (!room) {
        const started = performance.now();
        const { doc, rowsSinceSnapshot } = store.load(name);
        room = new Room(name, doc, rowsSinceSnapshot, host);
        rooms.set(name, room);
        logger.info('room-loaded', { room: name, rows: rowsSinceSnapshot, ms: Math.round(performance.now() - started) });
      }
      if (room.conns.size === 0) scheduleUnload(room);
      else cancelUnload(name);
      return room;
    },
    get: (name) => rooms.get(name),
    loaded: () => [...rooms.values()],
    closeAll() {
      for (const room of [...rooms.values()]) {
        cancelUnload(room.name);
        if (!room.broken) room.compact();
        room.destroy();
      }
      rooms.clear();
    },
  };
}
