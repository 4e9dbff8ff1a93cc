/**
 * One room's connection: a y-websocket provider whose send path goes through the vault.
 *
 * What must hold:
 * - Every local update is stored in the vault BEFORE any byte of it goes to the server.
 *   The provider's own `doc.on('update')` sender is detached; a single drain loop stores
 *   what waits (one vault transaction per batch), then forwards. The server's sync step 1
 *   (answered with our whole missing state) is answered only when no local update is
 *   waiting for the vault.
 * - 'online' means confirmed: the server handles a socket's messages in order and stores
 *   before it answers, so the reply to a sync step 1 we send after our updates proves
 *   they are stored. We keep one such query in flight and count the replies.
 * - Close codes 4401/4403/4410/4400/1009 stop reconnecting (see connection-close-codes.ts).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Vault } from '../vault';
import { terminalStateFor } from './connection-close-codes';
import { origins } from './origins';
import type { RoomState, RoomStatus } from './sync-status';

/** Origin of updates applied from the vault: already stored, so neither stored nor sent again. */
export const vaultOrigin = origins.vaultLoad;

/** Interval of the keep-alive query; the provider drops a socket after 30 s of silence. */
const keepAliveMs = 15_000;

/** How to connect one room. */
export interface RoomConnectionOptions {
  room: string;
  doc: Y.Doc;
  awareness: Awareness;
  /**
   * Local updates are noted as pending before they are stored, and the note is cleared once
   * the server confirmed the room in sync: if access ends first, the vault can tell that
   * (and how much) was never sent.
   */
  store: Pick<Vault, 'appendUpdates' | 'notePending' | 'clearPending'>;
  /** `ws(s)://host:port` of the sync server. */
  wsUrl: string;
  token: string;
  /** WebSocket implementation (Node tests pass `ws`); defaults to the global one. */
  WebSocketImpl?: typeof WebSocket;
  /** No cross-tab BroadcastChannel (default true: every tab goes through its own vault path). */
  disableBc?: boolean;
  maxBackoffMs?: number;
  now?: () => number;
  /** Called whenever the status may have changed. */
  onStatus(status: RoomStatus): void;
  /** A vault write failed (the update was still sent). Gets the room id only. */
  onError?(error: unknown, room: string): void;
}

/** A live room connection; `start` after the vault's copy is applied. */
export interface RoomConnection {
  status(): RoomStatus;
  /**
   * Applies the vault's copy of the room in one transaction with the vault origin: stored
   * already, so neither stored nor sent again. While it runs this connection does not
   * listen for updates, so Yjs need not encode the whole loaded state as an update event
   * only for it to be ignored (a large case pays tens of milliseconds for that on open).
   */
  applyStored(updates: readonly Uint8Array[]): void;
  /** Connects; `storageError` records that loading from the vault failed. */
  start(loadFailed: boolean): void;
  /** The token for the next connection; resumes a room stopped by 4401. */
  setToken(token: string): void;
  /** Disconnects while false (the browser says there is no network), reconnects when true. */
  setNetworkAvailable(available: boolean): void;
  /** Tries again after a terminal close (e.g. access was granted since). */
  reconnect(): void;
  /** Resolves when every update so far is stored (and, if connected, sent). */
  flushed(): Promise<void>;
  destroy(): void;
}

interface Query {
  /** Highest local update sequence number sent before this query. */
  covers: number | null;
  /** This query follows our answer to the server's step 1 (the full catch-up). */
  handshake: boolean;
}

/** Connects `doc` to the room on the server, with the vault-first send path. */
export function connectRoom(options: RoomConnectionOptions): RoomConnection {
  const { room, doc, store } = options;
  const now = options.now ?? Date.now;
  const provider = new WebsocketProvider(options.wsUrl, encodeURIComponent(room), doc, {
    connect: false,
    awareness: options.awareness,
    params: { token: options.token },
    disableBc: options.disableBc ?? true,
    maxBackoffTime: options.maxBackoffMs ?? 5_000,
    shouldReconnect: (event) => terminalStateFor(event.code) === null,
    ...(options.WebSocketImpl ? { WebSocketPolyfill: options.WebSocketImpl } : {}),
  });
  // The provider would send every update the moment it happens; ours stores first.
  doc.off('update', provider._updateHandler);

  let destroyed = false;
  let started = false;
  let networkAvailable = true;
  let terminal: RoomState | null = null;
  let attemptFailed = false;
  let closeCode: number | null = null;
  let storageError = false;
  let lastSyncedAt: number | null = null;
  let lastState: RoomState = 'connecting';
  /** The vault may hold a pending note for this room (unknown at the start: a previous session may have left one). */
  let pendingNoted = true;

  /** Updates not yet stored, in doc order; `seq` is null for remote ones (stored, never sent). */
  const waiting: { update: Uint8Array; seq: number | null }[] = [];
  let draining: Promise<void> | null = null;
  let localSeq = 0;
  let unstoredLocal = 0;
  let storedLocalSeq = 0;
  let ackedSeq = 0;
  /** Highest local sequence number sent on the CURRENT socket (a closed socket proves nothing). */
  let sentSeq = 0;
  let queries: Query[] = [];
  let needQuery = false;
  let handshakeDone = false;
  let deferredStep1: { socket: WebSocket | null; body: Uint8Array }[] = [];

  const computeState = (): RoomState => {
    if (terminal) return terminal;
    if (!started) return 'connecting';
    if (!networkAvailable) return 'offline';
    if (!provider.wsconnected) return attemptFailed ? 'offline' : 'connecting';
    if (!provider.synced || !handshakeDone || ackedSeq < localSeq) return 'syncing';
    return 'online';
  };

  const status = (): RoomStatus => ({
    room, state: computeState(), loaded: started, unconfirmed: localSeq - ackedSeq, lastSyncedAt, storageError, closeCode,
  });

  /** `confirmed`: a server reply just arrived (so being online now is news, not a repeat). */
  const report = (confirmed = false): void => {
    if (destroyed) return;
    const state = computeState();
    if (state === 'online' && (confirmed || lastState !== 'online')) lastSyncedAt = now();
    if (state === 'online' && pendingNoted && unstoredLocal === 0) {
      // Everything this doc holds is on the server (the handshake sent what it lacked).
      pendingNoted = false;
      store.clearPending(room).catch((error: unknown) => options.onError?.(error, room));
    }
    lastState = state;
    options.onStatus(status());
  };

  const openSocket = (): WebSocket | null => {
    const ws = provider.ws;
    return provider.wsconnected && ws && ws.readyState === ws.OPEN ? ws : null;
  };

  const sendQuery = (socket: WebSocket, query: Query): void => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, doc);
    socket.send(encoding.toUint8Array(encoder));
    queries.push(query);
  };

  const forward = (update: Uint8Array, seq: number): void => {
    const socket = openSocket();
    if (!socket) return; // goes with the next connection's catch-up (answerStep1)
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeUpdate(encoder, update);
    socket.send(encoding.toUint8Array(encoder));
    sentSeq = seq;
    if (queries.length === 0) sendQuery(socket, { covers: sentSeq, handshake: false });
    else needQuery = true;
  };

  const originalSync = provider.messageHandlers[messageSync];
  if (!originalSync) throw new Error('y-websocket has no sync handler');

  /** Our catch-up for the server: everything it lacks, stored locally already. */
  const answerStep1 = (socket: WebSocket | null, body: Uint8Array): void => {
    if (!socket || socket !== openSocket()) return;
    const encoder = encoding.createEncoder();
    originalSync(encoder, decoding.createDecoder(body), provider, true, messageSync);
    socket.send(encoding.toUint8Array(encoder));
    sentSeq = Math.max(sentSeq, storedLocalSeq);
    sendQuery(socket, { covers: sentSeq, handshake: true });
  };

  const onReply = (): void => {
    const query = queries.shift();
    if (query?.covers != null) ackedSeq = Math.max(ackedSeq, query.covers);
    if (query?.handshake) handshakeDone = true;
    const socket = openSocket();
    if (needQuery && queries.length === 0 && socket) {
      needQuery = false;
      sendQuery(socket, { covers: sentSeq, handshake: false });
    }
    report(true);
  };

  provider.messageHandlers[messageSync] = (encoder, decoder, prov, emitSynced, messageType) => {
    const body = decoder.arr.subarray(decoder.pos);
    const step = decoding.readVarUint(decoding.createDecoder(body));
    if (step === syncProtocol.messageYjsSyncStep1) {
      // Answering takes the doc's current state, which may hold a local update that is
      // not in the vault yet: wait for the drain loop.
      if (unstoredLocal > 0) deferredStep1.push({ socket: provider.ws, body });
      else answerStep1(provider.ws, body);
      return;
    }
    originalSync(encoder, decoder, prov, emitSynced, messageType);
    if (step === syncProtocol.messageYjsSyncStep2) onReply();
  };

  /**
   * Stores what is waiting in one vault transaction, then forwards the local updates in
   * order. `draining` is cleared in the same microtask the loop ends in, so an update
   * arriving right after is never left waiting without a loop.
   */
  const drain = async (): Promise<void> => {
    try {
      while (waiting.length > 0) {
        const batch = waiting.splice(0);
        const local = batch.filter((item) => item.seq !== null).length;
        if (local > 0) {
          // Noted first: a crash in between over-reports an unsent change, never hides one.
          pendingNoted = true;
          await store.notePending(room, local, now()).catch((error: unknown) => options.onError?.(error, room));
        }
        try {
          await store.appendUpdates(room, batch.map((item) => item.update));
        } catch (error) {
          // Storing failed (locked vault, full disk). Holding the updates back would leave
          // them in memory only; the server is then the only place that can keep them.
          storageError = true;
          options.onError?.(error, room);
        }
        for (const { update, seq } of batch) {
          if (seq === null) continue;
          unstoredLocal--;
          storedLocalSeq = seq;
          if (!destroyed) forward(update, seq);
        }
        if (unstoredLocal === 0 && deferredStep1.length > 0 && !destroyed) {
          for (const deferred of deferredStep1.splice(0)) answerStep1(deferred.socket, deferred.body);
        }
        report();
      }
    } finally {
      draining = null;
    }
  };

  const onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (destroyed || origin === vaultOrigin) return;
    const seq = origin === provider ? null : ++localSeq;
    if (seq !== null) unstoredLocal++;
    waiting.push({ update, seq });
    // drain() always awaits the vault before its finally, so this assignment comes first.
    if (!draining) draining = drain();
    report();
  };
  doc.on('update', onDocUpdate);

  provider.on('status', ({ status: providerStatus }) => {
    if (providerStatus === 'connected') {
      // The provider sends its own sync step 1 right after this event: its reply comes first.
      queries = [{ covers: null, handshake: false }];
      sentSeq = ackedSeq;
      needQuery = false;
      handshakeDone = false;
      closeCode = null;
    }
    report();
  });
  provider.on('sync', () => report());
  provider.on('connection-error', () => {
    attemptFailed = true;
    report();
  });
  provider.on('connection-close', (event) => {
    attemptFailed = true;
    queries = [];
    needQuery = false;
    handshakeDone = false;
    deferredStep1 = [];
    if (event) {
      closeCode = event.code;
      terminal = terminalStateFor(event.code) ?? terminal;
    }
    report();
  });

  const keepAlive = setInterval(() => {
    const socket = openSocket();
    if (socket && queries.length === 0) sendQuery(socket, { covers: sentSeq, handshake: false });
  }, keepAliveMs);

  const connect = (): void => {
    if (!destroyed && started && networkAvailable && terminal === null) provider.connect();
  };

  return {
    status,
    applyStored(updates) {
      if (destroyed || updates.length === 0) return;
      doc.off('update', onDocUpdate);
      try {
        doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update, vaultOrigin)), vaultOrigin);
      } finally {
        if (!destroyed) doc.on('update', onDocUpdate);
      }
    },
    start(loadFailed) {
      if (started) return;
      started = true;
      if (loadFailed) storageError = true;
      connect();
      report();
    },
    setToken(token) {
      provider.params = { ...provider.params, token };
      if (terminal === 'unauthorized') {
        terminal = null;
        connect();
        report();
      }
    },
    setNetworkAvailable(available) {
      if (available === networkAvailable) return;
      networkAvailable = available;
      if (available) connect();
      else provider.disconnect();
      report();
    },
    reconnect() {
      terminal = null;
      connect();
      report();
    },
    async flushed() {
      while (draining) await draining;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearInterval(keepAlive);
      doc.off('update', onDocUpdate);
      provider.destroy();
    },
  };
}
