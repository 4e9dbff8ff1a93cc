/**
 * The server's own digest clock: every `intervalMs` (an hour by default) it sends the digests
 * that are due, so a region needs no cron job. Whether a digest is due is decided by the stored
 * time of the last one (daily: 20 hours, weekly: 164 hours), so checking hourly sends each at
 * most once per period, and several instances that check at once send one (see claimRun).
 */
import { errorName, startIntervalTimer, type IntervalTimer } from '../interval-timer';
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
export type DigestTimer = IntervalTimer;

/** Starts the timer; runs never overlap, and a failing run is logged (counts and error name only) and retried next time. */
export function startDigestTimer(options: DigestTimerOptions): DigestTimer {
  return startIntervalTimer({
    intervalMs: options.intervalMs,
    ...(options.firstDelayMs !== undefined ? { firstDelayMs: options.firstDelayMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    run: async (now) => {
      const report = await options.run(now);
      if (report.orgs > 0) options.logger.info('digest-run', { ...report });
    },
    onError: (error) => options.logger.warn('digest-run-failed', { error: errorName(error) }),
  });
}
