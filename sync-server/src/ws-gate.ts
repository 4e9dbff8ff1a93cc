/**
 * The WebSocket auth gate. A socket is upgraded, then judged before a single byte of
 * document content is sent: token (4401), address and user caps (4429), grant (4403).
 * Only then does it join its room and get the sync greeting.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode } from './close-codes';
import { createConnection, type Connection } from './connection';
import type { ServerContext } from './context';
import { remoteAddress } from './http-api';
import { isRoom } from './names';
import { greeting, handleMessage, ProtocolError } from './protocol';
import type { Room } from './room';

/** Handles HTTP upgrade requests; `close` stops accepting new sockets. */
export interface UpgradeGate {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

function parseTarget(req: IncomingMessage): { room: string | null; token: string | null } {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    return { room: decodeURIComponent(url.pathname.slice(1)), token: url.searchParams.get('token') };
  } catch {
    return { room: null, token: null };
  }
}

const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
};

/** Creates the gate for one server. */
export function createUpgradeGate(ctx: ServerContext): UpgradeGate {
  const { limits } = ctx.options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  let accepting = true;

  function attach(ws: WebSocket, conn: Connection, room: Room): void {
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        ctx.logger.warn('message-refused', { conn: conn.id, room: room.name, reason: 'text-frame' });
        conn.close(CloseCode.badMessage, 'binary messages only');
        return;
      }
      if (!room.conns.has(conn)) return;
      try {
        handleMessage(room, conn, toBytes(data), limits);
      } catch (error) {
        const reason = error instanceof ProtocolError ? error.reason : `unexpected-${(error as Error).name}`;
        ctx.logger.warn('message-refused', { conn: conn.id, room: room.name, reason });
        conn.close(error instanceof ProtocolError ? error.closeCode : CloseCode.badMessage, 'bad message');
      }
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('close', (code) => {
      room.remove(conn);
      ctx.connections.remove(conn);
      try {
        ctx.audit.append({ event: 'room-close', actor: conn.username, room: conn.room, ip: conn.ip, detail: { access: conn.access, code, dropped: conn.droppedUpdates } });
      } catch (error) {
        // Only during shutdown, once the database is closed.
        ctx.logger.warn('audit-failed', { event: 'room-close', conn: conn.id, error: (error as Error).name });
      }
    });
  }

  function admit(ws: WebSocket, req: IncomingMessage): void {
    ws.on('error', () => {});
    const ip = remoteAddress(req);
    const { room: roomName, token } = parseTarget(req);
    if (ctx.connections.countForIp(ip) >= limits.maxConnectionsPerIp) {
      ws.close(CloseCode.tooManyConnections, 'too many connections');
      return;
    }
    const session = token ? ctx.sessions.check(token) : null;
    const user = session ? ctx.directory.getUser(session.username) : null;
    if (!session || !user || user.disabled) {
      ctx.logger.info('socket-refused', { reason: 'unauthorized' });
      ws.close(CloseCode.unauthorized, 'unauthorized');
      return;
    }
    const access = isRoom(roomName) ? ctx.grants.effectiveAccess(user.username, roomName) : null;
    if (!isRoom(roomName) || access === null) {
      ctx.logger.info('socket-refused', { reason: 'forbidden', room: isRoom(roomName) ? roomName : null });
      ws.close(CloseCode.forbidden, 'forbidden');
      return;
    }
    if (ctx.connections.countForUser(user.username) >= limits.maxConnectionsPerUser) {
      ws.close(CloseCode.tooManyConnections, 'too many connections');
      return;
    }
    let room: Room;
    try {
      room = ctx.rooms.acquire(roomName);
    } catch (error) {
      ctx.logger.error('room-load-failed', { room: roomName, error: (error as Error).name });
      ws.close(CloseCode.internalError, 'room unavailable');
      return;
    }
    const conn = createConnection(ws, { username: user.username, role: user.role, room: roomName, ip, tokenHash: session.tokenHash, expiresAt: session.expiresAt, access }, limits.maxBufferedBytes);
    ctx.connections.add(conn);
    room.add(conn);
    attach(ws, conn, room);
    ctx.audit.append({ event: 'room-open', actor: user.username, room: roomName, ip, detail: { access } });
    for (const message of greeting(room)) conn.send(message);
  }

  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      if (!accepting) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => admit(ws, req));
    },
    close() {
      accepting = false;
      wss.close();
    },
  };
}
