/**
 * The rooms loaded in memory: loaded on first use (concurrent users of a room share one
 * load), written to a snapshot and dropped when nobody has used them for a while.
 */
import type { Logger } from '../log';
import { localFanout, type Fanout, type RoomMessage } from './fanout';
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
  /** Called after a room's updates were stored. */
  onStored?: (room: string) => void;
  /** How other instances are heard; defaults to none (one instance). */
  fanout?: Fanout;
  /** With a shared fan-out: how often loaded rooms compare their head with the database's. */
  headPollMs?: number;
}

/** Creates the registry. */
export function createRoomRegistry(store: RoomStore, logger: Logger, options: RoomRegistryOptions): RoomRegistry {
  const rooms = new Map<string, Room>();
  const loading = new Map<string, Promise<Room>>();
  const unloadTimers = new Map<string, NodeJS.Timeout>();
  const unsubscribes = new Map<Room, () => void>();
  const fanout = options.fanout ?? localFanout();
  const dropSubscription = (room: Room): void => {
    unsubscribes.get(room)?.();
    unsubscribes.delete(room);
  };

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
    dropSubscription(room);
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
    fanout,
    logger,
    limits: options.limits,
    compactAfterUpdates: options.compactAfterUpdates,
    compactAfterApplyMs: options.compactAfterApplyMs,
    onEmpty: scheduleUnload,
    onBroken(room) {
      cancelUnload(room.name);
      if (rooms.get(room.name) === room) rooms.delete(room.name);
      dropSubscription(room);
      // Connections are closing; destroy once their close handlers have run.
      setImmediate(() => room.destroy());
    },
    onReady: (room) => options.onReady?.(room),
    onStored: (room) => options.onStored?.(room),
  };

  const load = async (name: string): Promise<Room> => {
    const started = performance.now();
    // Subscribe first, then read: whatever is committed after the read arrives as a message.
    let room: Room | null = null;
    const early: RoomMessage[] = [];
    const unsubscribe = await fanout.subscribe(name, (message) => (room ? room.receive(message) : early.push(message)));
    let loaded;
    try {
      loaded = await loadRoomDoc(store, name, logger);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    room = new Room(name, loaded, host);
    unsubscribes.set(room, unsubscribe);
    rooms.set(name, room);
    for (const message of early) room.receive(message);
    // Presence is not stored: ask the other instances for the states of their connections in this room.
    if (fanout.shared) fanout.publish(name, { kind: 'awareness-query' });
    logger.info('room-loaded', { room: name, rows: loaded.rows, quarantined: loaded.quarantined, ms: Math.round(performance.now() - started) });
    return room;
  };

  // The backstop for lost fan-out messages: rooms whose database head stayed ahead of
  // them for two polls in a row catch up (one poll could race a message in flight).
  let pollTimer: NodeJS.Timeout | null = null;
  let stopResync = (): void => {};
  if (fanout.shared) {
    const suspects = new Map<Room, number>();
    let polling = false;
    pollTimer = setInterval(() => {
      if (polling || rooms.size === 0) return;
      polling = true;
      const loaded = [...rooms.values()];
      store.heads(loaded.map((room) => room.name)).then((heads) => {
        for (const room of loaded) {
          const head = heads.get(room.name) ?? 0;
          const suspect = suspects.get(room);
          if (head <= room.head) suspects.delete(room);
          else if (suspect !== undefined && suspect <= head && room.head < suspect) {
            suspects.delete(room);
            void room.catchUp();
          } else suspects.set(room, head);
        }
        for (const room of suspects.keys()) if (!rooms.has(room.name)) suspects.delete(room);
      }, (error: unknown) => logger.warn('head-poll-failed', { error: (error as Error).name })).finally(() => {
        polling = false;
      });
    }, options.headPollMs ?? 250);
    pollTimer.unref();
    stopResync = fanout.onResync(() => {
      for (const room of rooms.values()) void room.catchUp();
    });
  }

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
      if (pollTimer) clearInterval(pollTimer);
      stopResync();
      await Promise.allSettled([...loading.values()]);
      for (const room of [...rooms.values()]) {
        cancelUnload(room.name);
        await room.flushed();
        if (room.state === 'ready') await room.compact();
        dropSubscription(room);
        room.destroy();
      }
      rooms.clear();
    },
  };
}
