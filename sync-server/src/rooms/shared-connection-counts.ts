/**
 * Connection slots shared by every instance through Redis, for the per-user and per-address
 * caps: per user and per address a sorted set of the slots held on every instance (member:
 * instance and slot id; score: when the entry lapses). A slot is taken by one Lua script that
 * drops lapsed entries, counts and adds only while under the cap: check and take are one
 * atomic step, so concurrent connects on any number of instances cannot pass the cap
 * together. Each instance renews its own entries every `refreshMs`, so the slots of a killed
 * instance stop counting within `ttlMs`. Keys hold hashes, not usernames or addresses.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log';

/** Which cap a slot counts against. */
export type CapKind = 'user' | 'ip';

/** A slot held in Redis; `release` removes it (best effort: a lost removal lapses after the ttl). */
export interface SharedSlot { release(): void }

/** The slots of every instance; `reserve` rejects when Redis cannot be reached. */
export interface SharedConnectionCounts {
  /** Takes a slot for `key` when fewer than `limit` are held on all instances together, else null. */
  reserve(kind: CapKind, key: string, limit: number): Promise<SharedSlot | null>;
  close(): Promise<void>;
}

const hashed = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 32);
const setKey = (kind: CapKind, key: string): string => `themakamer:conns:${kind}:${hashed(key)}`;

// KEYS[1] the set; ARGV: now, limit, lapses, member, key ttl. 1 when taken, 0 when full.
const reserveScript = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

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

  // Held slots: member → set key.
  const held = new Map<string, string>();
  let next = 0;
  const renew = setInterval(() => {
    if (held.size === 0) return;
    const lapses = Date.now() + ttlMs;
    const pipeline = redis.pipeline();
    for (const [member, key] of held) {
      pipeline.zadd(key, lapses, member);
      pipeline.pexpire(key, ttlMs * 2);
    }
    // Best effort: while Redis is down the renewal puts the entries back once it returns.
    pipeline.exec().catch(() => {});
  }, refreshMs);
  renew.unref();

  return {
    redis,
    async reserve(kind, key, limit) {
      const member = `${instance}:${(next++).toString(36)}`;
      const set = setKey(kind, key);
      const now = Date.now();
      const taken = await redis.eval(reserveScript, 1, set, now, limit, now + ttlMs, member, ttlMs * 2);
      if (Number(taken) !== 1) return null;
      held.set(member, set);
      return {
        release() {
          if (!held.delete(member)) return;
          redis.zrem(set, member).catch(() => {});
        },
      };
    },
    async close() {
      clearInterval(renew);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
