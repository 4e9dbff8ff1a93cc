/**
 * The clock behind the server's own periodic jobs (digests, retention): one run every
 * `intervalMs`, runs never overlap, a failing run is reported and the next one comes at the
 * usual time, and stopping waits for a run in progress.
 */

/** Options of {@link startIntervalTimer}. */
export interface IntervalTimerOptions {
  /** One run at `now`; a rejection goes to `onError`. */
  run(now: Date): Promise<void>;
  onError(error: unknown): void;
  intervalMs: number;
  /** The first run, shortly after start (default: a minute, or the interval if shorter). */
  firstDelayMs?: number;
  now?: () => Date;
}

/** A running timer. */
export interface IntervalTimer {
  /** Stops; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

/** Starts the timer (unref'd: it never keeps the process alive). */
export function startIntervalTimer(options: IntervalTimerOptions): IntervalTimer {
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
    running = options.run(now()).catch((error: unknown) => options.onError(error));
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

/** The name of an error for a log line (never its message: it may hold data). */
export const errorName = (error: unknown): string => (error instanceof Error ? error.name : 'unknown');
