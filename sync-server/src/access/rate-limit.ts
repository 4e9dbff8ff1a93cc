/**
 * Fixed-window counters for login failures, per key (username or address). Memory is
 * bounded: when too many keys are tracked the oldest windows are dropped first.
 */

/** Counts events per key within a window. */
export interface RateLimiter {
  /** True while `key` is under the limit. */
  allowed(key: string): boolean;
  /** Counts one event for `key`. */
  record(key: string): void;
  /** Milliseconds until `key` is allowed again (0 if it is). */
  retryAfterMs(key: string): number;
}

/** Creates a limiter of `limit` events per `windowMs` per key. */
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
    allowed: (key) => (current(key)?.count ?? 0) < limit,
    record(key) {
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
    retryAfterMs(key) {
      const entry = current(key);
      return entry && entry.count >= limit ? entry.resetAt - Date.now() : 0;
    },
  };
}
