/**
 * Connection counts shared by every instance through Redis, for the per-user and per-address
 * caps: per user and per address a sorted set of the live connections of every instance
 * (member: instance and connection id; score: when the entry lapses). Each instance renews
 * its own entries every `refreshMs`, so the connections of a killed instance stop counting
 * within `ttlMs`. Keys hold hashes, not usernames or addresses.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log';

/** A connection as the counts see it. */
export interface CountedConnection { id: string; username: string; ip: string }

/** The counts of every instance; `count*` reject when Redis cannot be reached. */
export interface SharedConnectionCounts {
  add(conn: CountedConnection): void;
  remove(conn: CountedConnection): void;
  countForUser(username: string): Promise<number>;
  countForIp(ip: string): Promise<number>;
  close(): Promise<void>;
}

const hashed = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 32);
const userKey = (username: string): string => `themakamer:conns:user:${hashed(username)}`;
const ipKey = (ip: string): string => `themakamer:conns:ip:${hashed(ip)}`;

/** Connects to Redis at `url` (its own connection: commands fail at once while Redis is down, never queue). */
export async function redisConnectionCounts(url: string, logger: Logger, options: { ttlMs?: number; refreshMs?: number } = {}): Promise<SharedConnectionCounts & { redis: Redis }> {
  const ttlMs = options.ttlMs ?? 30_000;
  const refreshMs = options.refreshMs ?? 10_000;
  const instance = randomBytes(6).toString('hex');
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn('redis-unavailable', { client: 'counts', error: error.name });
    down = true;
  });
  redis.on('ready', () => {
    down = false;
  });
  await redis.connect();

  const live = new Map<string, CountedConnection>();
  const member = (conn: CountedConnection): string => `${instance}:${conn.id}`;
  const write = (conns: CountedConnection[]): void => {
    if (conns.length === 0) return;
    const lapses = Date.now() + ttlMs;
    const pipeline = redis.pipeline();
    for (const conn of conns) {
      for (const key of [userKey(conn.username), ipKey(conn.ip)]) {
        pipeline.zadd(key, lapses, member(conn));
        pipeline.pexpire(key, ttlMs * 2);
      }
    }
    // Best effort: while Redis is down the renewal puts the entries back once it returns.
    pipeline.exec().catch(() => {});
  };
  const renew = setInterval(() => write([...live.values()]), refreshMs);
  renew.unref();
  const count = async (key: string): Promise<number> => {
    const results = await redis.multi().zremrangebyscore(key, '-inf', Date.now()).zcard(key).exec();
    const found = results?.[1];
    if (!found || found[0]) throw found?.[0] ?? new Error('no result');
    return Number(found[1]);
  };

  return {
    redis,
    add(conn) {
      live.set(conn.id, conn);
      write([conn]);
    },
    remove(conn) {
      if (!live.delete(conn.id)) return;
      redis.pipeline().zrem(userKey(conn.username), member(conn)).zrem(ipKey(conn.ip), member(conn)).exec().catch(() => {});
    },
    countForUser: (username) => count(userKey(username)),
    countForIp: (ip) => count(ipKey(ip)),
    async close() {
      clearInterval(renew);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
