/**
 * The idle lock: after the region's idle time (GET /api/version's `idleLockMinutes`, default 15)
 * without keyboard, pointer, wheel or touch input in this window, the session locks
 * (sessionController.lock). Time is taken from the clock, not from counting timer ticks, so a
 * laptop that slept past the limit locks as soon as it wakes.
 */
import { useEffect } from 'react';
import { fetchServerVersion } from '../update/serverVersion';
import type { LiveSession } from './liveSession';
import type { SessionController } from './sessionController';

/** Minutes without input before the app locks when the server does not say (docs/privacy.md). */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Options of {@link startIdleLock}. */
export interface IdleLockOptions {
  /** 0 or less: never locks. */
  minutes: number;
  onIdle(): void;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
}

/** Watches for input and calls `onIdle` once after `minutes` without any; returns the stop function. */
export function startIdleLock({ minutes, onIdle, target = window, now = Date.now }: IdleLockOptions): () => void {
  if (!(minutes > 0)) return () => {};
  const limitMs = minutes * 60_000;
  let last = now();
  let done = false;
  const onActivity = (): void => {
    last = now();
  };
  const check = (): void => {
    if (done || now() - last < limitMs) return;
    done = true;
    stop();
    onIdle();
  };
  // Often enough to lock within a few seconds of the limit, rarely enough to cost nothing.
  const timer = setInterval(check, Math.min(5_000, Math.max(250, limitMs / 20)));
  for (const event of activityEvents) target.addEventListener(event, onActivity, { capture: true, passive: true });
  function stop(): void {
    clearInterval(timer);
    for (const event of activityEvents) target.removeEventListener(event, onActivity, { capture: true });
  }
  return () => {
    done = true;
    stop();
  };
}

/** Locks the signed-in session after the server's idle time (nothing while signed out). */
export function useIdleLock(live: LiveSession | null, controller: SessionController): void {
  useEffect(() => {
    if (!live) return undefined;
    let stop: (() => void) | null = null;
    let cancelled = false;
    const begin = (minutes: number): void => {
      if (cancelled) return;
      stop = startIdleLock({ minutes, onIdle: () => void controller.lock() });
    };
    // The policy is the server's; offline (or an older server) the default holds.
    void fetchServerVersion(live.serverUrl).then((version) => begin(version?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [live, controller]);
}
