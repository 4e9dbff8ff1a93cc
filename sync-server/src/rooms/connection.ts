/**
 * One admitted WebSocket: who is on it, in which room, with what access. Created only
 * after the auth gate has let it through.
 */
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { CloseCode } from './close-codes';
import type { Access, Role } from '../access/names';

/** An admitted socket. `access` changes when a grant changes while connected. */
export interface Connection {
  /** Random id for logs (never the username or token). */
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly room: string;
  readonly ip: string;
  readonly tokenHash: string;
  /** When the session behind this socket expires (ms since epoch). */
  readonly expiresAt: number;
  access: Access;
  /** Updates dropped because the connection is view-only. */
  droppedUpdates: number;
  /** Received messages not yet handled, in order (see pump.ts), and their size. */
  inbox: Uint8Array[];
  inboxBytes: number;
  alive: boolean;
  readonly socket: WebSocket;
  send(message: Uint8Array): void;
  /** Sends messages in order, written to the transport together (one write instead of one per message). */
  sendAll(messages: Uint8Array[]): void;
  close(code: number, reason: string): void;
  isOpen(): boolean;
}

/** Fields an admitted connection starts with. */
export interface ConnectionInit {
  username: string; role: Role; room: string; ip: string; tokenHash: string; expiresAt: number; access: Access;
}

/**
 * Wraps an upgraded socket; sending to a socket that does not drain closes it. `transport` is
 * the stream the socket was upgraded on (TCP or TLS): corked while several messages are sent.
 */
export function createConnection(socket: WebSocket, init: ConnectionInit, maxBufferedBytes: number, transport: Duplex | null = null): Connection {
  const conn: Connection = {
    id: randomBytes(6).toString('hex'),
    ...init,
    droppedUpdates: 0,
    inbox: [],
    inboxBytes: 0,
    alive: true,
    socket,
    isOpen: () => socket.readyState === WebSocket.OPEN,
    send(message) {
      if (socket.readyState !== WebSocket.OPEN) return;
      if (socket.bufferedAmount > maxBufferedBytes) {
        conn.close(CloseCode.tryAgainLater, 'slow consumer');
        return;
      }
      socket.send(message, { binary: true });
    },
    sendAll(messages) {
      if (messages.length === 1 || !transport) {
        for (const message of messages) conn.send(message);
        return;
      }
      // ws writes each frame as it is sent, a system call each; corked, they leave in one writev
      // (at saturation those calls were most of the server's time: docs/benchmarks.md, "Sync server at saturation").
      transport.cork();
      try {
        for (const message of messages) conn.send(message);
      } finally {
        transport.uncork();
      }
    },
    close(code, reason) {
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(code, reason);
    },
  };
  return conn;
}
