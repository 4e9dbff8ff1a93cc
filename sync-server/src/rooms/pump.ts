/**
 * The message pump: every message a socket receives waits in that socket's inbox and is
 * handled here, in order per socket, round-robin over sockets, in slices of the event loop.
 * It is what keeps one client from holding the server:
 * - a slice ends after ~10 ms of work (one guarded update may take up to the apply
 *   budget), so timers, health checks and other rooms get the loop in between; the
 *   connection whose message overran the slice goes behind those whose messages arrived
 *   meanwhile;
 * - a slice also ends before it moves on to another connection while updates it applied
 *   are still being stored: they are stored and relayed (then published to other
 *   instances) before another connection's work, perhaps a guarded update, starts;
 * - each user may spend `applyMsPerUserPerSecond` of update work per second over all their
 *   sockets; past it their messages wait for the next second;
 * - an update interrupted for taking too long is a strike; two strikes within a minute and
 *   the user's guarded updates are refused for a minute (plain ones still pass: they are
 *   cheap by construction);
 * - a socket whose inbox grows past `maxQueuedBytes` is closed (1013).
 */
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { Logger } from '../log';
import type { Limits } from '../options';
import { ProtocolError } from './protocol-error';
import type { Room } from './room';

/** What handling one message cost. */
export interface Handled { guarded: boolean; ms: number }

/** Handles one message of `conn` in `room`; throws ProtocolError to refuse it (the socket is closed). */
export type MessageHandler = (room: Room, conn: Connection, data: Uint8Array, mayGuard: boolean) => Handled;

/** Queues and handles socket messages. */
export interface MessagePump {
  /** Queues a message; handled once the connection has a ready room. */
  push(conn: Connection, data: Uint8Array): void;
  /** Sets the room of a connection (after admission); its queued messages then run. */
  attach(conn: Connection, room: Room): void;
  /** Forgets a closed connection. */
  remove(conn: Connection): void;
  /** A room that was reloading is ready again. */
  roomReady(room: Room): void;
  close(): void;
}

const sliceMs = 10;
const windowMs = 1000;
const strikeWindowMs = 60_000;
const penaltyMs = 60_000;

interface UserBudget { windowStart: number; usedMs: number; strikes: number[]; penaltyUntil: number }

/** Creates the pump. */
export function createMessagePump(deps: { limits: Limits; logger: Logger; handle: MessageHandler }): MessagePump {
  const { limits, logger } = deps;
  const rooms = new Map<Connection, Room>();
  /** Connections with queued messages, in round-robin order. */
  const ready = new Set<Connection>();
  const users = new Map<string, UserBudget>();
  let scheduled: NodeJS.Immediate | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;
  let closed = false;
  /** True while a slice runs (a message handled in it must not start another). */
  let draining = false;
  /** The connection whose message overran the last slice. */
  let overran: Connection | null = null;

  const budgetOf = (username: string, now: number): UserBudget => {
    let budget = users.get(username);
    if (!budget) users.set(username, (budget = { windowStart: now, usedMs: 0, strikes: [], penaltyUntil: 0 }));
    if (now - budget.windowStart >= windowMs) {
      budget.windowStart = now;
      budget.usedMs = 0;
    }
    return budget;
  };

  const schedule = (): void => {
    if (scheduled || closed) return;
    scheduled = setImmediate(drain);
  };

  const wakeAt = (at: number): void => {
    if (wakeTimer || closed) return;
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      schedule();
    }, Math.max(1, at - Date.now()));
    wakeTimer.unref();
  };

  const refuse = (conn: Connection, room: Room, error: unknown): void => {
    const known = error instanceof ProtocolError;
    const reason = known ? error.reason : `unexpected-${(error as Error).name}`;
    logger.warn('message-refused', { conn: conn.id, room: room.name, reason });
    conn.inbox = [];
    conn.inboxBytes = 0;
    ready.delete(conn);
    conn.close(known ? error.closeCode : CloseCode.badMessage, reason === 'update-too-costly' || reason === 'penalized' ? 'try again later' : 'bad message');
  };

  const strike = (conn: Connection, budget: UserBudget, now: number): void => {
    budget.strikes = budget.strikes.filter((at) => now - at < strikeWindowMs);
    budget.strikes.push(now);
    if (budget.strikes.length >= 2) {
      budget.penaltyUntil = now + penaltyMs;
      logger.warn('update-penalty', { conn: conn.id, ms: penaltyMs });
    }
  };

  function drain(): void {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    draining = true;
    try {
      slice();
    } finally {
      draining = false;
    }
  }

  function slice(): void {
    // Connections whose messages arrived while the last slice overran go before the next
    // message of the connection that overran it (otherwise an edit waits for two long updates).
    if (overran && ready.delete(overran)) ready.add(overran);
    overran = null;
    const deadline = performance.now() + sliceMs;
    let runnable = false;
    let nextWindow = Infinity;
    /** Rooms that applied messages in this slice. */
    const touched = new Set<Room>();
    for (const conn of [...ready]) {
      const room = rooms.get(conn);
      if (!conn.isOpen()) {
        ready.delete(conn);
        continue;
      }
      if (!room || room.state !== 'ready') continue; // resumes on attach / roomReady
      // What this slice applied is stored and relayed first (with SQLite, in the microtasks
      // that run when the slice returns): another connection's next update may be a long one.
      if (touched.size > 0 && [...touched].some((r) => r.hasUnstored)) {
        runnable = true;
        break;
      }
      const now = Date.now();
      const budget = budgetOf(conn.username, now);
      if (budget.usedMs >= limits.applyMsPerUserPerSecond) {
        nextWindow = Math.min(nextWindow, budget.windowStart + windowMs);
        continue;
      }
      let yielded = false;
      while (conn.inbox.length > 0 && room.state === 'ready' && conn.isOpen()) {
        const data = conn.inbox.shift()!;
        conn.inboxBytes -= data.byteLength;
        let handled: Handled;
        try {
          handled = deps.handle(room, conn, data, Date.now() >= budget.penaltyUntil);
        } catch (error) {
          if (error instanceof ProtocolError && error.reason === 'update-too-costly') strike(conn, budget, Date.now());
          refuse(conn, room, error);
          yielded = true;
          break;
        }
        touched.add(room);
        budget.usedMs += handled.ms;
        if (performance.now() > deadline) overran = conn;
        if (performance.now() > deadline || budget.usedMs >= limits.applyMsPerUserPerSecond) {
          yielded = true;
          break;
        }
      }
      // Round robin: a connection that still has messages goes to the back of the line.
      ready.delete(conn);
      if (conn.inbox.length > 0 && conn.isOpen()) {
        ready.add(conn);
        runnable = true;
      }
      if (yielded || performance.now() > deadline) {
        runnable = ready.size > 0;
        break;
      }
    }
    if (runnable) schedule();
    else if (nextWindow !== Infinity) wakeAt(nextWindow);
  }

  return {
    push(conn, data) {
      if (closed) return;
      if (conn.inboxBytes + data.byteLength > limits.maxQueuedBytes) {
        logger.warn('message-refused', { conn: conn.id, room: conn.room, reason: 'inbox-full' });
        conn.inbox = [];
        conn.inboxBytes = 0;
        ready.delete(conn);
        conn.close(CloseCode.tryAgainLater, 'too many queued messages');
        return;
      }
      conn.inbox.push(data);
      conn.inboxBytes += data.byteLength;
      ready.add(conn);
      // An idle pump handles the message now, in the socket's own event, instead of one turn of the
      // event loop later; the same slice rules apply. Not while the room still has an unstored
      // (so unrelayed) update: that is stored and relayed first, as between slices.
      const room = rooms.get(conn);
      if (!scheduled && !draining && ready.size === 1 && room?.state === 'ready' && !room.hasUnstored) drain();
      else schedule();
    },
    attach(conn, room) {
      rooms.set(conn, room);
      if (conn.inbox.length > 0) schedule();
    },
    remove(conn) {
      rooms.delete(conn);
      ready.delete(conn);
      conn.inbox = [];
      conn.inboxBytes = 0;
    },
    roomReady: () => schedule(),
    close() {
      closed = true;
      if (scheduled) clearImmediate(scheduled);
      if (wakeTimer) clearTimeout(wakeTimer);
    },
  };
}
