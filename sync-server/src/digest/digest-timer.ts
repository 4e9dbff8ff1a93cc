/**
 * The server's own digest clock: every `intervalMs` (an hour by default) it sends the digests
 * that are due, so a region needs no cron job. Whether a digest is due is decided by the stored
 * time of the last one (daily: 20 hours, weekly: 164 hours), so checking hourly sends each at
 * most once per period, and several instances that check at once send one (see claimRun).
 */
import type { Logger } from '../log';
import type { DigestRunReport } from './digest-run';

/** Options of {@link startDigestTimer}. */
export interface DigestTimerOptions {
  /** One run at `now`. */
  run(now: Date): Promise<DigestRunReport>;
  intervalMs: number;
  /** The first check, shortly after start (default: a minute, or the interval if shorter). */
  firstDelayMs?: number;
  logger: Logger;
  now?: () => Date;
}

/** The running timer. */
export interface DigestTimer {
  /** Stops checking; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

/** Starts the timer; runs never overlap, and a failing run is logged (counts and error name only) and retried next time. */
export function startDigestTimer(options: DigestTimerOptions): DigestTimer {
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const schedule = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  const tick = (): void => {
    running = (async () => {
      try {
        const report = await options.run(now());
        if (report.orgs > 0) options.logger.info('digest-run', { ...report });
      } catch (error) {
        options.logger.warn('digest-run-failed', { error: error instanceof Error ? error.name : 'unknown' });
      }
    })();
    void running.then(() => schedule(options.intervalMs));
  };
  schedule(options.firstDelayMs ?? Math.min(60_000, options.intervalMs));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
