/**
 * startServer: composes storage, accounts, the HTTP API, static files and the WebSocket
 * gate into one HTTP(S) server. Lifecycle only; each concern lives in its own module.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApprovals } from './minutes/approval';
import { createAuditLog } from './storage/audit';
import { createConnectionRegistry } from './rooms/connections';
import { createContentCipher, type ContentCipher } from './storage/content-cipher';
import type { ServerContext } from './context';
import { DataKeyError, loadDataKey, requireEnvDataKey } from './storage/data-key';
import { startCheckpointer } from './storage/checkpointer';
import { databaseFile } from './storage/database';
import { openStorage } from './storage/open';
import { holdServerLock } from './storage/store-lock';
import { localFanout, type Fanout } from './rooms/fanout';
import type { Redis } from 'ioredis';
import { redisFanout } from './rooms/redis-fanout';
import { redisConnectionCounts, type SharedConnectionCounts } from './rooms/shared-connection-counts';
import { createRateLimiter, createRedisRateLimiter } from './access/rate-limit';
import { accessChannel, createDirectory } from './access/directory';
import { createGrants } from './access/grants';
import { createApiHandler } from './http/http-api';
import { HttpError, sendJson } from './http/http-json';
import { stderrLogger } from './log';
import { createLogin } from './access/login';
import { createTwoFactor } from './access/two-factor';
import { createFirstRun } from './access/first-run';
import { createOidcBindings } from './access/oidc-bindings';
import { resolveOptions, type ServerOptions } from './options';
import { createRoomStore } from './storage/room-store';
import { sendDueDigests } from './digest/digest-run';
import { startDigestTimer } from './digest/digest-timer';
import { createMailSettings } from './digest/mail-settings';
import { createRetention } from './privacy/retention';
import { startRetentionTimer } from './privacy/retention-timer';
import { verifyDataKey } from './storage/keyed-data-dir';
import { createRoomRegistry } from './rooms/rooms';
import { createMonitorIndex } from './monitor/monitor-index';
import { setSecurityHeaders } from './http/security-headers';
import { createSessions } from './access/sessions';
import { createStaticHandler } from './http/static-files';
import type { Sql } from './storage/sql';
import { createUpgradeGate, type UpgradeGate } from './rooms/ws-gate';
import { isAllowedOrigin } from './access/origins';

export type { ServerOptions, Limits } from './options';

/** A started server. */
export interface RunningServer {
  /** `http(s)://host:port` */
  url: string;
  /** `ws(s)://host:port` */
  wsUrl: string;
  port: number;
  /** The one-time setup token when the store had no users at start (print it to the operator only), else null. */
  setupToken: string | null;
  /** Stops accepting, closes every socket (1001), writes snapshots and closes the database. */
  close(): Promise<void>;
}

/** Refuses to start with a key that cannot read what an earlier key wrote. */
async function checkKey(sql: Sql, cipher: ContentCipher): Promise<void> {
  if ((await verifyDataKey(sql, cipher, true)) === 'mismatch') throw new DataKeyError('The data key does not match this data dir (it was encrypted with another key).');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the sync server; resolves once it listens. */
export async function startServer(input: ServerOptions): Promise<RunningServer> {
  const options = resolveOptions(input);
  const logger = input.logger ?? stderrLogger;
  // The key is checked before the database is touched: a missing key must not leave files behind.
  const key = options.databaseUrl ? requireEnvDataKey(options.dataKey) : null;
  // Held while the server runs: migrate and restore refuse next to it, and it refuses to start next to them.
  const storeLock = await holdServerLock({ dataDir: options.dataDir, databaseUrl: options.databaseUrl }, logger);
  let opened: Awaited<ReturnType<typeof openStorage>>;
  try {
    opened = await openStorage({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, durability: options.durability });
  } catch (error) {
    await storeLock.release();
    throw error;
  }
  const { sql, db } = opened;
  let cipher: ContentCipher;
  let fanout: Fanout;
  // With Redis: login limits and connection caps count across every instance.
  let counts: (SharedConnectionCounts & { redis: Redis }) | null = null;
  try {
    cipher = createContentCipher(key ?? loadDataKey(options.dataDir, options.dataKey));
    await checkKey(sql, cipher);
    fanout = options.redisUrl ? await redisFanout(options.redisUrl, cipher, logger) : localFanout(options.fanoutHub);
    if (options.redisUrl) {
      try {
        counts = await redisConnectionCounts(options.redisUrl, logger);
      } catch (error) {
        await fanout.close();
        throw error;
      }
    }
  } catch (error) {
    await sql.close();
    await storeLock.release();
    throw error;
  }

  const checkpointer = db ? startCheckpointer(db, join(options.dataDir, databaseFile), 1000, logger) : { stop: async () => {} };
  const audit = createAuditLog(sql);
  const directory = createDirectory(sql, audit);
  const grants = createGrants(sql, audit);
  // The region's improvement-measures board exists from the first start on (one per database).
  await grants.ensureMeasuresRoom();
  const sessions = createSessions(sql, options.sessionTtlMs);
  let gate: UpgradeGate | null = null;
  const monitor = createMonitorIndex(sql, cipher, { onError: (room, error) => logger.error('monitor-index-failed', { room, error: (error as Error).name }) });
  const rooms = createRoomRegistry(createRoomStore(sql, cipher), logger, { ...options, fanout, onReady: (room) => gate?.roomReady(room), onStored: (room) => monitor.touch(room) });
  const connections = createConnectionRegistry({ sessions, grants, logger, shared: counts });
  const ctx: ServerContext = { options, logger, sql, cipher, audit, directory, grants, sessions, rooms, connections, monitor };
  const login = createLogin({ directory, sessions, audit, limits: options.limits, twoFactor: createTwoFactor(sql, cipher), cipher, requireMfa: options.requireMfa,
    rateLimiter: (name, limit, windowMs) => (counts ? createRedisRateLimiter(counts.redis, name, limit, windowMs, logger) : createRateLimiter(limit, windowMs)),
    orgUsesOidc: createOidcBindings(sql, cipher, audit).isBound,
  });
  const firstRun = await createFirstRun(sql, directory, audit);
  const api = createApiHandler(ctx, login, createApprovals(sql, rooms, cipher, grants.roomExists), firstRun);
  const serveStatic = options.staticDir ? createStaticHandler(options.staticDir) : null;
  const upgrades = createUpgradeGate(ctx);
  gate = upgrades;
  const tls = options.tls !== null;

  const setCors = (req: IncomingMessage, res: ServerResponse): void => {
    const origin = req.headers.origin;
    if (origin && isAllowedOrigin(req, tls, options.allowedOrigins)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
      res.setHeader('Access-Control-Max-Age', '600');
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res, tls);
    setCors(req, res);
    void (async () => {
      try {
        if (req.method === 'OPTIONS') {
          res.writeHead(204, { 'Cache-Control': 'no-store' });
          res.end();
          return;
        }
        if (await api(req, res)) return;
        if (serveStatic && (await serveStatic(req, res))) return;
        throw new HttpError(404, 'not_found');
      } catch (error) {
        if (error instanceof HttpError) {
          if (!res.headersSent) sendJson(res, error.status, { error: error.code }, error.headers);
          else res.destroy();
          return;
        }
        logger.error('request-failed', { method: req.method ?? null, error: (error as Error).name });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
        else res.destroy();
      }
    })();
  };

  const { authTimeoutMs } = options.limits;
  const serverOptions = {
    // A request (including a WebSocket upgrade) must be complete within the auth timeout.
    headersTimeout: authTimeoutMs,
    requestTimeout: authTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(authTimeoutMs / 4))),
  };
  const server: Server = options.tls
    ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, onRequest)
    : createHttpServer(serverOptions, onRequest);
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => upgrades.handleUpgrade(req, socket, head));
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    upgrades.close();
    await rooms.closeAll();
    await checkpointer.stop();
    await fanout.close();
    await sql.close();
    await storeLock.release();
    throw error;
  });

  // Grants, revokes, disabled users, ended sessions and changed passwords written by
  // another process (the admin CLI, another instance) are announced on the access
  // channel; one enforcement runs at a time, and once more if asked again meanwhile.
  let enforcing: Promise<void> | null = null;
  let enforceAgain = false;
  const enforceAll = (): void => {
    if (enforcing) {
      enforceAgain = true;
      return;
    }
    enforcing = connections.enforce()
      .catch((error: unknown) => logger.error('access-poll-failed', { error: (error as Error).name }))
      .finally(() => {
        enforcing = null;
        if (enforceAgain) {
          enforceAgain = false;
          enforceAll();
        }
      });
  };
  const stopListening = await sql.listen(accessChannel, enforceAll, options.accessPollMs);
  // Expiry is checked in memory.
  const accessPoll = setInterval(() => connections.closeExpired(Date.now()), options.accessPollMs);
  const ping = setInterval(() => {
    for (const conn of connections.all()) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }, options.pingIntervalMs);
  const purge = setInterval(() => {
    sessions.purgeExpired().catch((error: unknown) => logger.error('session-purge-failed', { error: (error as Error).name }));
  }, 60 * 60_000);
  for (const timer of [accessPoll, ping, purge]) timer.unref();
  const digests = options.digestCheckMs > 0
    ? startDigestTimer({
      intervalMs: options.digestCheckMs,
      logger,
      run: (now) => sendDueDigests({
        sql, store: createRoomStore(sql, cipher), settings: createMailSettings(sql, cipher), now, ...(options.digestTls ? { tls: options.digestTls } : {}),
      }),
    })
    : null;
  const retentionTimer = options.retentionIntervalMs > 0
    ? startRetentionTimer({
      sql, logger, intervalMs: options.retentionIntervalMs, now: options.retentionNow,
      retention: createRetention(sql, createRoomStore(sql, cipher), audit),
    })
    : null;

  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  logger.info('server-started', { port, tls });

  let closing: Promise<void> | null = null;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    wsUrl: `${tls ? 'wss' : 'ws'}://${host}:${port}`,
    port,
    setupToken: firstRun.token,
    close() {
      closing ??= (async () => {
        upgrades.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        for (const conn of connections.all()) conn.close(1001, 'server shutting down');
        for (let waited = 0; [...connections.all()].length > 0 && waited < 2000; waited += 20) await sleep(20);
        for (const conn of connections.all()) conn.socket.terminate();
        await sleep(0);
        server.closeAllConnections();
        await stopped;
        clearInterval(accessPoll);
        clearInterval(ping);
        clearInterval(purge);
        await digests?.stop();
        await retentionTimer?.stop();
        await stopListening();
        await rooms.closeAll();
        await monitor.stop();
        await enforcing;
        await checkpointer.stop();
        await fanout.close();
        await counts?.close();
        await sql.close();
        await storeLock.release();
        logger.info('server-stopped', { port });
      })();
      return closing;
    },
  };
}
