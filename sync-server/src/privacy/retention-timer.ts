/**
 * The server's own retention clock: every `intervalMs` (a day by default,
 * `--retention-interval-hours`) it runs the same deletion as `npm run admin -- retention run`,
 * so a region needs no cron job. Several instances on one PostgreSQL database run it once per
 * interval: each run is first claimed with a compare-and-set on the row `retention_last_run`
 * of the `meta` table, and only the instance whose update changed the row runs.
 */
import { errorName, startIntervalTimer, type IntervalTimer } from '../interval-timer';
import type { Logger } from '../log';
import type { Sql } from '../storage/sql';
import type { Retention } from './retention';

/** The `meta` row holding the time of the last claimed run (ISO). */
export const retentionRunKey = 'retention_last_run';

/** Who the audit log names for a deletion made by the timer. */
export const retentionTimerActor = '@retentie';

/**
 * Claims the run at `now`: true when no run was claimed within the last `intervalMs` (less a
 * tenth, so an instance whose timer fires a little early is not skipped a whole interval) and
 * this call's compare-and-set won. A clock set back (the stored time is after `now`) claims too.
 */
export async function claimRetentionRun(sql: Sql, now: Date, intervalMs: number): Promise<boolean> {
  const row = await sql.get<{ value: string }>('SELECT value FROM meta WHERE key = $1', [retentionRunKey]);
  if (!row) {
    const { changes } = await sql.run('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [retentionRunKey, now.toISOString()]);
    return changes === 1;
  }
  const last = Date.parse(row.value);
  const elapsed = now.getTime() - last;
  if (Number.isFinite(last) && elapsed >= 0 && elapsed < intervalMs * 0.9) return false;
  const { changes } = await sql.run('UPDATE meta SET value = $2 WHERE key = $1 AND value = $3', [retentionRunKey, now.toISOString(), row.value]);
  return changes === 1;
}

/** Options of {@link startRetentionTimer}. */
export interface RetentionTimerOptions {
  sql: Sql;
  retention: Retention;
  intervalMs: number;
  /** The first run, shortly after start (default: a minute, or the interval if shorter). */
  firstDelayMs?: number;
  logger: Logger;
  now?: () => Date;
}

/** The running timer. */
export type RetentionTimer = IntervalTimer;

/** Starts the timer; runs never overlap, and a failing run is logged (error name only) and tried again next interval. */
export function startRetentionTimer(options: RetentionTimerOptions): RetentionTimer {
  return startIntervalTimer({
    intervalMs: options.intervalMs,
    ...(options.firstDelayMs !== undefined ? { firstDelayMs: options.firstDelayMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    run: async (at) => {
      if (!(await claimRetentionRun(options.sql, at, options.intervalMs))) return;
      const made = await options.retention.run(at, retentionTimerActor);
      // A count only: which cases is in the deletion records and the audit log.
      options.logger.info('retention-run', { deleted: made.length });
    },
    onError: (error) => options.logger.warn('retention-run-failed', { error: errorName(error) }),
  });
}
