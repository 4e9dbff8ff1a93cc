/**
 * A loaded room: the server's Y.Doc and awareness for one shared document, and the
 * connections in it. Every change to the doc, from a client or from the server itself,
 * goes through onUpdate: stored first, then relayed.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { Logger } from './log';
import { awarenessMessage, syncUpdateMessage } from './messages';
import type { RoomStore } from './room-store';

/** What a room needs from the server around it. */
export interface RoomHost {
  store: RoomStore;
  logger: Logger;
  compactAfterUpdates: number;
  /** Called when the last connection left (to schedule unloading). */
  onEmpty(room: Room): void;
  /** Called when the room can no longer store: it must be dropped without compaction. */
  onBroken(room: Room): void;
}

/** The origin of changes the server makes itself (approval metadata). */
export const serverOrigin = Symbol('themakamer-server');

/** One shared document in memory. */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls. */
  readonly conns = new Map<Connection, Set<number>>();
  broken = false;
  private rowsSinceSnapshot: number;
  private compactQueued = false;

  constructor(readonly name: string, readonly doc: Y.Doc, rowsSinceSnapshot: number, private readonly host: RoomHost) {
    this.rowsSinceSnapshot = rowsSinceSnapshot;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
  }

  /** True when there are stored updates not yet folded into the snapshot. */
  get dirty(): boolean {
    return this.rowsSinceSnapshot > 0;
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.broken) return;
    try {
      this.host.store.append(this.name, update);
    } catch (error) {
      // Not stored means not relayed: the doc now holds a change nobody else has, so it is discarded.
      this.broken = true;
      this.host.logger.error('room-store-failed', { room: this.name, error: (error as Error).name });
      for (const conn of this.conns.keys()) conn.close(CloseCode.internalError, 'storage failed');
      this.host.onBroken(this);
      return;
    }
    this.rowsSinceSnapshot++;
    const message = syncUpdateMessage(update);
    for (const conn of this.conns.keys()) if (conn !== origin) conn.send(message);
    if (this.rowsSinceSnapshot >= this.host.compactAfterUpdates && !this.compactQueued) {
      this.compactQueued = true;
      setImmediate(() => {
        this.compactQueued = false;
        this.compact();
      });
    }
  };

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.conns.get(origin as Connection);
    if (owned) {
      for (const id of added) owned.add(id);
      for (const id of removed) owned.delete(id);
    }
    const message = awarenessMessage(this.awareness, [...added, ...updated, ...removed]);
    if (!message) return;
    for (const conn of this.conns.keys()) if (conn !== origin) conn.send(message);
  };

  /** Folds the update log into a snapshot; failures are logged and retried at the next trigger. */
  compact(): void {
    if (this.broken || this.rowsSinceSnapshot === 0) return;
    try {
      this.host.store.compact(this.name, this.doc);
      this.rowsSinceSnapshot = 0;
    } catch (error) {
      this.host.logger.error('room-compact-failed', { room: this.name, error: (error as Error).name });
    }
  }

  /** Admits a connection (after the auth gate). */
  add(conn: Connection): void {
    this.conns.set(conn, new Set());
  }

  /** Removes a connection and the awareness states it controlled. */
  remove(conn: Connection): void {
    const owned = this.conns.get(conn);
    if (!owned) return;
    this.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
    if (this.conns.size === 0) this.host.onEmpty(this);
  }

  /** Client ids of awareness states owned by a connection other than `conn`. */
  ownerOf(clientId: number): Connection | null {
    for (const [conn, ids] of this.conns) if (ids.has(clientId)) return conn;
    return null;
  }

  /** Releases memory; the caller compacts first unless the room is broken. */
  destroy(): void {
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.off('update', this.onUpdate);
    this.doc.destroy();
  }
}
