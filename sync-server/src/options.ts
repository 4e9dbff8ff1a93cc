/**
 * Server options and their defaults. Every limit the server enforces lives here so an
 * operator (and a test) can see and tune them in one place.
 */
import type { ConnectionOptions } from 'node:tls';
import type { Logger } from './log';
import type { FanoutHub } from './rooms/fanout';

/** Bounds on what one client may cost the server. */
export interface Limits {
  /** Largest WebSocket message accepted; larger closes with 1009. */
  maxMessageBytes: number;
  /** Largest awareness update (one message) accepted; larger closes with 4400. */
  maxAwarenessBytes: number;
  /** Awareness client ids one connection may own (a tab normally has one). */
  maxAwarenessClientsPerConnection: number;
  /**
   * Client blocks allowed in one document update. Yjs integrates updates whose structs
   * miss their dependencies in time quadratic in this number, so it is capped.
   */
  maxClientsPerUpdate: number;
  /** Bytes of not-yet-integrable (pending) structs a room may hold before the sender is cut off. */
  maxPendingBytes: number;
  /**
   * Nesting of shared types in a document (a root type counts 0). The app writes at most
   * 5 plus 2 per list level in rich text; Yjs deletes nested types recursively and
   * overflows the stack at about 2,500 levels.
   */
  maxTypeDepth: number;
  /** New items one update may insert at one origin (the app's largest: 13, in a three-year board's full state). */
  maxInsertsAtOneOrigin: number;
  /** Updates up to this size that pass every plain-update condition are applied without the time budget. */
  plainUpdateBytes: number;
  /** Wall-clock budget of one guarded update; past it the update is interrupted and refused. */
  applyBudgetMs: number;
  /** Time one user's updates may take to apply per second, over all their sockets; beyond it their messages wait. */
  applyMsPerUserPerSecond: number;
  /** Bytes of received, not yet handled messages per socket; beyond it the socket is closed (1013). */
  maxQueuedBytes: number;
  /** A socket that has not completed its upgrade by then is dropped. */
  authTimeoutMs: number;
  /** Open sockets per user, over all rooms. */
  maxConnectionsPerUser: number;
  /** Open sockets per remote address. */
  maxConnectionsPerIp: number;
  /** Outgoing bytes queued for one socket before it is considered stuck and closed. */
  maxBufferedBytes: number;
  /** Login attempts per username per window. */
  loginAttemptsPerUser: number;
  /** Login attempts per remote address per window. */
  loginAttemptsPerIp: number;
  /** Window of the login rate limits. */
  loginWindowMs: number;
  /** Largest JSON body accepted by the HTTP API. */
  maxJsonBytes: number;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Directory holding the database and (unless a key is given) the data key file. */
  dataDir: string;
  /** postgres://… : state in PostgreSQL instead of SQLite in dataDir (the data key must then be given). */
  databaseUrl?: string | null;
  /** redis://… : fan-out to the other instances on the same database. */
  redisUrl?: string | null;
  /** Instances in one process sharing a hub act as instances on one Redis (tests). */
  fanoutHub?: FanoutHub | null;
  /** With several instances: how often loaded rooms compare their head with the database's. */
  headPollMs?: number;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Serve the built renderer (out/renderer) from this directory on the same origin. */
  staticDir?: string;
  /** PEM certificate chain and key: serve https and wss. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Base64 of 32 bytes; otherwise the key file in the data dir is used (created 0600). */
  dataKey?: string;
  /** Origins (scheme://host:port) allowed to call the HTTP API cross-origin, e.g. the desktop renderer. */
  allowedOrigins?: string[];
  /** Lifetime of a login token. */
  sessionTtlMs?: number;
  /** Rooms without connections are written to a snapshot and dropped from memory after this. */
  idleUnloadMs?: number;
  /** A room is compacted into a snapshot after this many stored updates. */
  compactAfterUpdates?: number;
  /** …or once applying its updates since the last snapshot took this long (a reload replays them). */
  compactAfterApplyMs?: number;
  /** How often to look for grants, revokes and disabled users written by another process. */
  accessPollMs?: number;
  /** Interval of WebSocket pings; a socket that missed one pong is closed. */
  pingIntervalMs?: number;
  /** 'full' also survives power loss (fsync per commit); 'normal' survives process crashes. */
  durability?: 'normal' | 'full';
  limits?: Partial<Limits>;
  /**
   * Every password user signs in with a second factor (TOTP), enrolling at the next sign-in.
   * Default true; turn off only where another layer already asks a second factor for this
   * server (docs: sync-server/README.md, "Two-factor sign-in"). Enrolled users are always asked.
   */
  requireMfa?: boolean;
  /**
   * How often the server looks for e-mail digests that are due (default hourly; 0: never, e.g.
   * when `npm run admin -- digest send` runs from cron instead). Organisations without a
   * digest cost one query per check.
   */
  digestCheckMs?: number;
  /**
   * After how many minutes without keyboard or pointer input the app locks and asks for the
   * password again (default 15; 0: never). Told to the app by GET /api/version.
   */
  idleLockMinutes?: number;
  /** Extra TLS options for the SMTP connections of digests (e.g. a private CA). */
  digestTls?: ConnectionOptions;
  /**
   * How often the server deletes closed cases past their retention period, as
   * `npm run admin -- retention run` does (default daily; 0: never, when that command runs from
   * cron instead). Several instances on one database run it once per interval.
   */
  retentionIntervalMs?: number;
  /** The clock of the retention timer (tests set it months ahead); default the real time. */
  retentionNow?: () => Date;
  /** Where log lines go; defaults to stderr as JSON lines. */
  logger?: Logger;
}

/** The limits used when none are given. */
export const defaultLimits: Limits = {
  maxMessageBytes: 1024 * 1024,
  maxAwarenessBytes: 32 * 1024,
  maxAwarenessClientsPerConnection: 4,
  maxClientsPerUpdate: 2000,
  maxPendingBytes: 4 * 1024 * 1024,
  maxTypeDepth: 64,
  maxInsertsAtOneOrigin: 256,
  plainUpdateBytes: 4096,
  // The slowest legitimate update measured: a three-year board's full state into an empty room,
  // 29 ms warm and 108 ms on a cold process (docs/benchmarks.md, "Sync server under attack").
  applyBudgetMs: 200,
  applyMsPerUserPerSecond: 300,
  maxQueuedBytes: 8 * 1024 * 1024,
  authTimeoutMs: 10_000,
  maxConnectionsPerUser: 256,
  maxConnectionsPerIp: 2000,
  maxBufferedBytes: 32 * 1024 * 1024,
  loginAttemptsPerUser: 10,
  loginAttemptsPerIp: 100,
  loginWindowMs: 15 * 60_000,
  maxJsonBytes: 64 * 1024,
};

/** Options with every default filled in. */
export interface ResolvedOptions extends Required<Omit<ServerOptions, 'staticDir' | 'tls' | 'dataKey' | 'limits' | 'logger' | 'databaseUrl' | 'redisUrl' | 'fanoutHub' | 'digestTls' | 'retentionNow'>> {
  digestTls: ConnectionOptions | null;
  retentionNow: () => Date;
  databaseUrl: string | null;
  redisUrl: string | null;
  fanoutHub: FanoutHub | null;
  staticDir: string | null;
  tls: ServerOptions['tls'] | null;
  dataKey: string | null;
  limits: Limits;
}

/** Fills in defaults; `logger` is handled by the caller. */
export function resolveOptions(options: ServerOptions): ResolvedOptions {
  return {
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl ?? null,
    redisUrl: options.redisUrl ?? null,
    fanoutHub: options.fanoutHub ?? null,
    headPollMs: options.headPollMs ?? 250,
    port: options.port,
    host: options.host ?? '127.0.0.1',
    staticDir: options.staticDir ?? null,
    tls: options.tls ?? null,
    dataKey: options.dataKey ?? null,
    allowedOrigins: options.allowedOrigins ?? [],
    sessionTtlMs: options.sessionTtlMs ?? 12 * 60 * 60_000,
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    compactAfterUpdates: options.compactAfterUpdates ?? 500,
    compactAfterApplyMs: options.compactAfterApplyMs ?? 100,
    accessPollMs: options.accessPollMs ?? 250,
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
    durability: options.durability ?? 'normal',
    requireMfa: options.requireMfa ?? true,
    digestCheckMs: options.digestCheckMs ?? 60 * 60_000,
    idleLockMinutes: options.idleLockMinutes ?? 15,
    digestTls: options.digestTls ?? null,
    retentionIntervalMs: options.retentionIntervalMs ?? 24 * 60 * 60_000,
    retentionNow: options.retentionNow ?? (() => new Date()),
    limits: { ...defaultLimits, ...options.limits },
  };
}
