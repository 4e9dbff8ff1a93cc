/**
 * The WebSocket auth gate. A request from a foreign origin is refused (403) before the
 * upgrade; an upgraded socket is judged before a single byte of document content is sent:
 * token (4401), address and user caps (4429), grant (4403). Only then does it join its
 * room and get the sync greeting. Messages it sends meanwhile wait in its inbox.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode } from './close-codes';
import { createConnection, type Connection } from './connection';
import type { ServerContext } from '../context';
import { remoteAddress } from '../http/http-api';
import { isRoom } from '../access/names';
import { isAllowedOrigin } from '../access/origins';
import { greeting, handleMessage } from './protocol';
import { createMessagePump } from './pump';
import type { Room } from './room';
import type { Slot } from './connections';

/** Handles HTTP upgrade requests; `close` stops accepting new sockets. */
export interface UpgradeGate {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** A room that was reloading takes messages again. */
  roomReady(room: Room): void;
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
  const pump = createMessagePump({
    limits,
    logger: ctx.logger,
    handle: (room, conn, data, mayGuard) => handleMessage(room, conn, data, limits, mayGuard),
  });
  let accepting = true;

  /** Takes over from the early buffer: messages that came during admission are handled first, in order. */
  function listen(ws: WebSocket, conn: Connection, early: { data: RawData; isBinary: boolean }[]): void {
    const onMessage = (data: RawData, isBinary: boolean): void => {
      if (!isBinary) {
        ctx.logger.warn('message-refused', { conn: conn.id, room: conn.room, reason: 'text-frame' });
        conn.close(CloseCode.badMessage, 'binary messages only');
        return;
      }
      pump.push(conn, toBytes(data));
    };
    for (const message of early) onMessage(message.data, message.isBinary);
    ws.on('message', onMessage);
    ws.on('pong', () => {
      conn.alive = true;
    });
  }

  function join(ws: WebSocket, conn: Connection, room: Room, slots: Slot[]): void {
    ctx.connections.add(conn);
    room.add(conn);
    ws.on('close', (code) => {
      pump.remove(conn);
      room.remove(conn);
      ctx.connections.remove(conn);
      for (const slot of slots) slot.release();
      ctx.audit.append({ event: 'room-close', actor: conn.username, room: conn.room, ip: conn.ip, detail: { access: conn.access, code, dropped: conn.droppedUpdates } })
        .catch((error: unknown) => {
          // Only during shutdown, once the database is closed.
          ctx.logger.warn('audit-failed', { event: 'room-close', conn: conn.id, error: (error as Error).name });
        });
    });
    ctx.audit.append({ event: 'room-open', actor: conn.username, room: conn.room, ip: conn.ip, detail: { access: conn.access } })
      .catch((error: unknown) => ctx.logger.warn('audit-failed', { event: 'room-open', conn: conn.id, error: (error as Error).name }));
    for (const message of greeting(room)) conn.send(message);
    pump.attach(conn, room);
  }

  async function admit(ws: WebSocket, req: IncomingMessage, transport: Duplex): Promise<void> {
    ws.on('error', () => {});
    const ip = remoteAddress(req);
    const { room: roomName, token } = parseTarget(req);
    // The provider sends its sync step 1 as soon as the socket opens, while we still look
    // up its session: keep what arrives (bounded) until the connection exists.
    const early: { data: RawData; isBinary: boolean }[] = [];
    let earlyBytes = 0;
    const onEarly = (data: RawData, isBinary: boolean): void => {
      earlyBytes += toBytes(data).byteLength;
      if (earlyBytes > limits.maxQueuedBytes) ws.close(CloseCode.tryAgainLater, 'too much before admission');
      else early.push({ data, isBinary });
    };
    ws.on('message', onEarly);
    // Slots under the caps are taken before the slow steps (session, grant, room) and given
    // back on every way out that does not join; a joined socket gives them back on close.
    const slots: Slot[] = [];
    let joined = false;
    try {
      const ipSlot = await ctx.connections.reserve('ip', ip, limits.maxConnectionsPerIp);
      if (!ipSlot) {
        ws.close(CloseCode.tooManyConnections, 'too many connections');
        return;
      }
      slots.push(ipSlot);
      const session = token ? await ctx.sessions.check(token) : null;
      const user = session ? await ctx.directory.getUser(session.username) : null;
      if (!session || !user || user.disabled) {
        ctx.logger.info('socket-refused', { reason: 'unauthorized' });
        ws.close(CloseCode.unauthorized, 'unauthorized');
        return;
      }
      const access = isRoom(roomName) ? await ctx.grants.effectiveAccess(user.username, roomName) : null;
      if (!isRoom(roomName) || access === null) {
        ctx.logger.info('socket-refused', { reason: 'forbidden', room: isRoom(roomName) ? roomName : null });
        ws.close(CloseCode.forbidden, 'forbidden');
        return;
      }
      const userSlot = await ctx.connections.reserve('user', user.username, limits.maxConnectionsPerUser);
      if (!userSlot) {
        ws.close(CloseCode.tooManyConnections, 'too many connections');
        return;
      }
      slots.push(userSlot);
      const conn = createConnection(ws, { username: user.username, role: user.role, room: roomName, ip, tokenHash: session.tokenHash, expiresAt: session.expiresAt, access }, limits.maxBufferedBytes, transport);
      ws.off('message', onEarly);
      listen(ws, conn, early);
      let room: Room;
      try {
        room = await ctx.rooms.acquire(roomName);
        await room.whenReady();
        if (room.state !== 'ready') throw new Error('room not available');
      } catch (error) {
        pump.remove(conn);
        ctx.logger.error('room-load-failed', { room: roomName, error: (error as Error).name });
        ws.close(CloseCode.internalError, 'room unavailable');
        return;
      }
      if (!conn.isOpen()) {
        pump.remove(conn);
        return;
      }
      join(ws, conn, room, slots);
      joined = true;
    } finally {
      if (!joined) for (const slot of slots) slot.release();
    }
  }

  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      if (!accepting) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      if (!isAllowedOrigin(req, ctx.options.tls !== null, ctx.options.allowedOrigins)) {
        ctx.logger.info('socket-refused', { reason: 'origin' });
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        admit(ws, req, socket).catch((error: unknown) => {
          ctx.logger.error('socket-admit-failed', { error: (error as Error).name });
          ws.close(CloseCode.internalError, 'internal error');
        });
      });
    },
    roomReady: (room) => pump.roomReady(room),
    close() {
      accepting = false;
      pump.close();
      wss.close();
    },
  };
}
