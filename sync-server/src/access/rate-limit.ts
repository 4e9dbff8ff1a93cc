/**
 * Fixed-window counters for login failures, per key (username or address), behind one
 * asynchronous seam with two implementations: in process (one instance, the default; memory
 * is bounded: when too many keys are tracked the oldest windows are dropped first) and in
 * Redis (rate-limiter-flexible's RateLimiterRedis), so that every instance of a service
 * counts the same failures. Keys in Redis are hashed: no usernames or addresses in clear.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../log';

/** Counts events per key within a window. */
export interface RateLimiter {
  /** 0 while `key` is under the limit, else the milliseconds until it is allowed again. */
  blockedForMs(key: string): Promise<number>;
  /** Counts one event for `key`. */
  record(key: string): Promise<void>;
}

/** Creates an in-process limiter of `limit` events per `windowMs` per key. */
export function createRateLimiter(limit: number, windowMs: number, maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string): { count: number; resetAt: number } | undefined => {
    const entry = windows.get(key);
    if (entry && entry.resetAt <= Date.now()) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    async blockedForMs(key) {
      const entry = current(key);
      return entry && entry.count >= limit ? Math.max(1, entry.resetAt - Date.now()) : 0;
    },
    async record(key) {
      const entry = current(key);
      if (entry) {
        entry.count++;
        return;
      }
      if (windows.size >= maxKeys) {
        // Map iteration is insertion order: the first key is the oldest window.
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
      windows.set(key, { count: 1, resetAt: Date.now() + windowMs });
    },
  };
}

const hashed = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 32);

/**
 * A limiter shared by every instance through Redis (`name` separates the counters). Its window
 * is whole seconds (Redis EX), at least one. While Redis cannot be reached, the in-process
 * limiter, which counts every event too, decides: limits then hold per instance.
 */
export function createRedisRateLimiter(redis: Redis, name: string, limit: number, windowMs: number, logger: Logger): RateLimiter {
  const shared = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `themakamer:limit:${name}`,
    points: limit,
    duration: Math.max(1, Math.ceil(windowMs / 1000)),
  });
  const local = createRateLimiter(limit, windowMs);
  let warned = false;
  const unavailable = (error: unknown): void => {
    if (!warned) logger.warn('rate-limit-redis-unavailable', { limiter: name, error: (error as Error)?.name ?? 'Error' });
    warned = true;
  };
  return {
    async blockedForMs(key) {
      try {
        const res = await shared.get(hashed(key));
        warned = false;
        return res && res.consumedPoints >= limit ? Math.max(1, res.msBeforeNext) : 0;
      } catch (error) {
        unavailable(error);
        return local.blockedForMs(key);
      }
    },
    async record(key) {
      await local.record(key);
      try {
        // penalty: counts without refusing (refusing is blockedForMs's job).
        await shared.penalty(hashed(key), 1);
      } catch (error) {
        if (error instanceof RateLimiterRes) return;
        unavailable(error);
      }
    },
  };
}
