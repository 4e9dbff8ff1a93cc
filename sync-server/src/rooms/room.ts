/**
 * A loaded room: the server's Y.Doc and awareness for one shared document, and the
 * connections in it. Every change to the doc, from a client or from the server itself,
 * is stored first and relayed after: changes queue for the store, are committed in groups
 * (everything that queued while the previous commit ran goes in one transaction), and are
 * relayed once committed.
 *
 * With several instances (rooms/fanout.ts), committed batches are also published with
 * their seqs; an instance applies what others committed with a remote origin (relayed to
 * its own clients, never stored again) and reads from the database whatever it missed:
 * a gap in seqs, a fan-out reconnect, or the head poll of the registry.
 *
 * A client update that fails to apply — it throws, or is interrupted for taking too long —
 * may have left the doc half-changed. Nothing of it is stored or relayed; the room stops
 * taking messages, drops its doc and reloads it from storage, then carries on.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import { encodeIntegratedState } from './doc-state';
import { BudgetExceeded, runWithBudget } from './guarded-apply';
import type { Logger } from '../log';
import type { Fanout, RoomMessage } from './fanout';
import { awarenessMessage, syncUpdateMessage } from './messages';
import type { Limits } from '../options';
import { ProtocolError } from './protocol-error';
import { loadRoomDoc, type LoadedRoom } from './room-loader';
import type { RoomStore } from '../storage/room-store';
import { inspectUpdate, type ApplyPath } from './update-check';
import { ShapeRefused, shapeCheckFor, type ShapeCheck } from './shape-check';

/** What a room needs from the server around it. */
export interface RoomHost {
  store: RoomStore;
  fanout: Fanout;
  logger: Logger;
  limits: Limits;
  compactAfterUpdates: number;
  compactAfterApplyMs: number;
  /** Called when the last connection left (to schedule unloading). */
  onEmpty(room: Room): void;
  /** Called when the room can no longer store: it must be dropped without compaction. */
  onBroken(room: Room): void;
  /** Called when a room that was reloading takes messages again. */
  onReady(room: Room): void;
  /** Called after updates of the room were stored (the monitor's index refreshes debounced). */
  onStored?(room: string): void;
}

/** The origin of changes the server makes itself (approval metadata). */
export const serverOrigin = Symbol('themakamer-server');
/** The origin of changes committed by another instance (relayed, never stored again). */
export const remoteOrigin = Symbol('themakamer-remote');

/** A client update was accepted by the checks but failed while being applied; the room reloads. */
export class ApplyFailed extends ProtocolError {
  constructor(reason: string, readonly costly: boolean) {
    super(reason, costly ? CloseCode.tryAgainLater : CloseCode.badMessage);
  }
}

/** How a client update went. */
export interface ApplyResult { path: ApplyPath; ms: number }

/** ready: takes messages; reloading: its doc is being rebuilt from storage; broken: cannot store; closed: unloaded. */
export type RoomState = 'ready' | 'reloading' | 'broken' | 'closed';

/** One shared document in memory. */
export class Room {
  doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls. */
  readonly conns = new Map<Connection, Set<number>>();
  state: RoomState = 'ready';
  /** Every stored update up to this seq is in the doc. */
  private storedHead: number;
  /** Seqs beyond storedHead that are in the doc already (committed here, or received out of order). */
  private readonly ahead = new Set<number>();
  /** While a remote update is applied: whether the doc held pending structs before (see onUpdate). */
  private remoteApply: { hadPending: boolean } | null = null;
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private rowsSinceSnapshot: number;
  private applyMsSinceSnapshot = 0;
  /** Updates applied to the doc and waiting to be stored (in order). */
  private unstored: { update: Uint8Array; origin: unknown }[] = [];
  private flushing: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private compactQueued = false;
  /** While a client update is applied, what the doc emits is collected here instead of stored. */
  private capture: Uint8Array[] | null = null;
  /** The document shape this room's kind must keep (shape-check.ts), or null. */
  private readonly shapeCheck: ShapeCheck | null;
  private readyWaiters: (() => void)[] = [];

  constructor(readonly name: string, loaded: LoadedRoom, private readonly host: RoomHost) {
    this.shapeCheck = shapeCheckFor(name);
    this.doc = loaded.doc;
    this.storedHead = loaded.lastRow;
    this.rowsSinceSnapshot = loaded.rows;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
  }

  /** True when there are stored updates not yet folded into the snapshot. */
  get dirty(): boolean {
    return this.rowsSinceSnapshot > 0;
  }

  /** True while updates applied to the doc are not yet stored. */
  get hasUnstored(): boolean {
    return this.unstored.length > 0 || this.flushing !== null;
  }

  /** Resolves when the room takes messages, or will never again (check `state`). */
  whenReady(): Promise<void> {
    if (this.state !== 'reloading') return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private wakeWaiters(): void {
    for (const wake of this.readyWaiters.splice(0)) wake();
  }

  /** Resolves once every update applied so far is stored and relayed (or the room broke). */
  async flushed(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** The seq up to which this room's doc holds every stored update. */
  get head(): number {
    return this.storedHead;
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === remoteOrigin) {
      // Committed elsewhere and relayed as received. Only when the doc held pending structs
      // (a client's update waiting for a dependency) can applying it integrate something
      // never stored: then what the doc emits is stored like a local change.
      if (this.remoteApply?.hadPending) this.enqueue(update, remoteOrigin);
      return;
    }
    if (this.capture) {
      this.capture.push(update);
      return;
    }
    this.enqueue(update, origin);
  };

  private get storing(): boolean {
    return this.state === 'ready' || this.state === 'reloading';
  }

  private enqueue(update: Uint8Array, origin: unknown): void {
    if (!this.storing) return;
    this.unstored.push({ update, origin });
    this.flushing ??= this.flush();
  }

  private async flush(): Promise<void> {
    try {
      while (this.unstored.length > 0 && this.storing) {
        const batch = this.unstored.splice(0);
        let head: number;
        try {
          head = await this.host.store.append(this.name, batch.map((entry) => entry.update));
        } catch (error) {
          // Not stored means not relayed: the doc holds changes nobody else has, so it is discarded.
          this.fail('room-store-failed', error);
          return;
        }
        const first = head - batch.length + 1;
        this.markStored(first, head);
        this.rowsSinceSnapshot += batch.length;
        // Per connection, the batch in order without the connection's own updates, in one write.
        const messages = batch.map(({ update }) => syncUpdateMessage(update));
        for (const conn of this.conns.keys()) {
          const own = batch.some((entry) => entry.origin === conn);
          conn.sendAll(own ? messages.filter((_, i) => batch[i]!.origin !== conn) : messages);
        }
        this.host.fanout.publish(this.name, { kind: 'updates', first, updates: batch.map((entry) => entry.update) });
        // After the relay: the monitor's debounce timer is not on the path from edit to peers.
        this.host.onStored?.(this.name);
        this.maybeCompact();
      }
    } finally {
      this.flushing = null;
    }
  }

  /** Records that seqs first…last are in the doc, and advances storedHead over what is contiguous. */
  private markStored(first: number, last: number): void {
    for (let seq = Math.max(first, this.storedHead + 1); seq <= last; seq++) this.ahead.add(seq);
    while (this.ahead.delete(this.storedHead + 1)) this.storedHead++;
  }

  /** A message from another instance (fan-out). */
  receive(message: RoomMessage): void {
    if (this.state !== 'ready') {
      // A reloading room reads the database when it is ready again (and catches up then).
      return;
    }
    if (message.kind === 'awareness-query') {
      // Another instance loaded this room: tell it who is here (only what this instance's own connections control).
      const own = [...this.conns.values()].flatMap((ids) => [...ids]).filter((id) => this.awareness.getStates().has(id));
      if (own.length > 0) this.host.fanout.publish(this.name, { kind: 'awareness', data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, own) });
      return;
    }
    if (message.kind === 'awareness') {
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.data, remoteOrigin);
      } catch (error) {
        this.host.logger.warn('fanout-awareness-refused', { room: this.name, error: (error as Error).name });
      }
      return;
    }
    const last = message.first + message.updates.length - 1;
    if (last <= this.storedHead) return;
    if (message.first > this.storedHead + 1 && !this.ahead.has(message.first - 1)) {
      // Something before it was missed: the database has it all, in order.
      this.catchUp();
      return;
    }
    for (let i = 0; i < message.updates.length && this.state === 'ready'; i++) {
      const seq = message.first + i;
      if (seq <= this.storedHead || this.ahead.has(seq)) continue;
      if (!this.applyRemote(message.updates[i]!)) return;
      this.markStored(seq, seq);
    }
  }

  /** Applies an update committed by another instance and relays it; false when the room had to reload. */
  private applyRemote(update: Uint8Array): boolean {
    const store = this.doc.store;
    this.remoteApply = { hadPending: store.pendingStructs !== null || store.pendingDs !== null };
    try {
      Y.applyUpdate(this.doc, update, remoteOrigin);
    } catch (error) {
      this.host.logger.error('room-remote-apply-failed', { room: this.name, error: (error as Error).name });
      this.reload();
      return false;
    } finally {
      this.remoteApply = null;
    }
    const message = syncUpdateMessage(update);
    for (const conn of this.conns.keys()) conn.send(message);
    return true;
  }

  /**
   * Reads what other instances stored after storedHead and applies it (single flight; asked
   * again while running, it runs once more). Used on seq gaps, fan-out reconnects and when
   * the head poll finds the database ahead.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      try {
        do {
          this.catchUpAgain = false;
          if (this.state !== 'ready') return;
          const after = this.storedHead;
          let stored;
          try {
            stored = await this.host.store.readAfter(this.name, after);
          } catch (error) {
            this.host.logger.error('room-catch-up-failed', { room: this.name, error: (error as Error).name });
            return;
          }
          if (this.state !== 'ready') return;
          const values = stored.snapshot ? [stored.snapshot, ...stored.rows] : stored.rows;
          for (const value of values) {
            if (value.id <= this.storedHead || this.ahead.has(value.id)) continue;
            let data: Uint8Array;
            try {
              data = value.open();
            } catch {
              // Unreadable here means unreadable everywhere: a load quarantines it; skip it now.
              this.markStored(value.id, value.id);
              continue;
            }
            if (!this.applyRemote(data)) return;
            this.rowsSinceSnapshot++;
            // A snapshot stands for every seq up to its own.
            this.markStored(value === stored.snapshot ? this.storedHead + 1 : value.id, value.id);
          }
          this.maybeCompact();
        } while (this.catchUpAgain);
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /**
   * Applies a client's update. Throws ProtocolError when the checks refuse it (the doc is
   * untouched) and ApplyFailed when applying it failed (the room is reloading). A guarded
   * update (update-check.ts) runs under the time budget, and only if `mayGuard`.
   */
  applyClientUpdate(conn: Connection, update: Uint8Array, mayGuard: boolean): ApplyResult {
    if (this.state !== 'ready') throw new Error(`room ${this.name} is ${this.state}`);
    const { limits } = this.host;
    const started = performance.now();
    const large = update.byteLength > limits.plainUpdateBytes;
    // A large update is inspected under the budget too: its inspection is linear but not small.
    const path: ApplyPath = large ? 'guarded' : inspectUpdate(this.doc, update, limits);
    if (path === 'guarded' && !mayGuard) throw new ProtocolError('penalized', CloseCode.tryAgainLater);
    const captured: Uint8Array[] = [];
    this.capture = captured;
    try {
      if (path === 'plain') {
        Y.applyUpdate(this.doc, update, conn);
      } else {
        runWithBudget(() => {
          if (large) inspectUpdate(this.doc, update, limits);
          Y.applyUpdate(this.doc, update, conn);
        }, limits.applyBudgetMs);
      }
      const problem = captured.length > 0 && this.shapeCheck ? this.shapeCheck(this.doc) : null;
      if (problem !== null) throw new ShapeRefused(problem);
    } catch (error) {
      if (error instanceof ShapeRefused) {
        // Yjs cannot undo the apply: drop the doc and reload it, as for a failed apply.
        this.host.logger.warn('room-shape-refused', { room: this.name, conn: conn.id, problem: error.problem });
        this.reload();
        throw new ApplyFailed('bad-shape', false);
      }
      if (error instanceof ProtocolError) throw error;
      const costly = error instanceof BudgetExceeded;
      this.host.logger.warn('room-apply-failed', { room: this.name, conn: conn.id, error: (error as Error).name, ms: Math.round(performance.now() - started) });
      this.reload();
      throw new ApplyFailed(costly ? 'update-too-costly' : 'invalid-update', costly);
    } finally {
      this.capture = null;
    }
    const store = this.doc.store;
    const pending = (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0);
    if (pending > limits.maxPendingBytes) {
      // Structs that never become integrable only cost memory; drop them and the sender.
      store.pendingStructs = null;
      store.pendingDs = null;
      for (const update of captured) this.enqueue(update, conn);
      throw new ProtocolError('too-much-pending');
    }
    for (const produced of captured) this.enqueue(produced, conn);
    const ms = performance.now() - started;
    // Only work that left rows counts towards compaction: a reload replays rows, not refusals.
    if (captured.length > 0) this.applyMsSinceSnapshot += ms;
    this.maybeCompact();
    return { path, ms };
  }

  /**
   * Drops the doc and rebuilds it from storage (after a failed apply). Updates applied
   * before the failure are stored first; messages wait until the room is ready again.
   */
  reload(): void {
    if (this.state !== 'ready') return;
    this.state = 'reloading';
    const dropped = this.doc;
    dropped.off('update', this.onUpdate);
    void (async () => {
      await this.flushed();
      if (this.state !== 'reloading') return;
      let loaded: LoadedRoom;
      try {
        loaded = await loadRoomDoc(this.host.store, this.name, this.host.logger);
      } catch (error) {
        this.fail('room-reload-failed', error);
        return;
      }
      if (this.state !== 'reloading') {
        loaded.doc.destroy();
        return;
      }
      this.doc = loaded.doc;
      this.storedHead = loaded.lastRow;
      this.ahead.clear();
      this.rowsSinceSnapshot = loaded.rows;
      this.applyMsSinceSnapshot = 0;
      this.doc.on('update', this.onUpdate);
      this.state = 'ready';
      this.host.logger.info('room-reloaded', { room: this.name, rows: loaded.rows, quarantined: loaded.quarantined });
      this.wakeWaiters();
      this.host.onReady(this);
      // Other instances' messages were ignored meanwhile; the database has them.
      if (this.host.fanout.shared) void this.catchUp();
    })();
  }

  private fail(event: string, error: unknown): void {
    if (!this.storing) return;
    this.state = 'broken';
    this.unstored = [];
    this.wakeWaiters();
    this.host.logger.error(event, { room: this.name, error: (error as Error)?.name ?? 'Error' });
    for (const conn of this.conns.keys()) conn.close(CloseCode.internalError, 'storage failed');
    this.host.onBroken(this);
  }

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.conns.get(origin as Connection);
    if (owned) {
      for (const id of added) owned.add(id);
      for (const id of removed) owned.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const message = awarenessMessage(this.awareness, changed);
    if (!message) return;
    // Another instance's changes are not sent back, and each instance times out states on its own.
    if (origin !== remoteOrigin && origin !== 'timeout' && this.host.fanout.shared) {
      this.host.fanout.publish(this.name, { kind: 'awareness', data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed) });
    }
    for (const conn of this.conns.keys()) if (conn !== origin) conn.send(message);
  };

  private maybeCompact(): void {
    const due = this.rowsSinceSnapshot >= this.host.compactAfterUpdates || this.applyMsSinceSnapshot >= this.host.compactAfterApplyMs;
    if (!due || this.compactQueued || this.compacting) return;
    this.compactQueued = true;
    setImmediate(() => {
      this.compactQueued = false;
      void this.compact();
    });
  }

  /** Folds the update log into a snapshot; failures are logged and retried at the next trigger. */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      try {
        await this.flushed();
        if (this.state !== 'ready' || this.rowsSinceSnapshot === 0) return;
        // Nothing is unstored now (flushed, and no message runs before the next await): the
        // doc holds every stored row up to storedHead (and perhaps some after it, which the
        // snapshot then repeats harmlessly: applying an update twice changes nothing).
        const state = encodeIntegratedState(this.doc);
        const upto = this.storedHead;
        const rows = this.rowsSinceSnapshot;
        const ms = this.applyMsSinceSnapshot;
        await this.host.store.compact(this.name, state, upto);
        this.rowsSinceSnapshot -= rows;
        this.applyMsSinceSnapshot -= ms;
      } catch (error) {
        this.host.logger.error('room-compact-failed', { room: this.name, error: (error as Error).name });
      } finally {
        this.compacting = null;
      }
    })();
    return this.compacting;
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

  /** The connection that owns an awareness client id, or null. */
  ownerOf(clientId: number): Connection | null {
    for (const [conn, ids] of this.conns) if (ids.has(clientId)) return conn;
    return null;
  }

  /** Releases memory; the caller compacts first unless the room is broken. */
  destroy(): void {
    if (this.storing) this.state = 'closed';
    this.wakeWaiters();
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.off('update', this.onUpdate);
    this.doc.destroy();
  }
}
