import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleLock } from './idleLock';

describe('startIdleLock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks once after the idle time without input; input starts the time again', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    startIdleLock({ minutes: 1, onIdle, target: target as unknown as Window });
    vi.advanceTimersByTime(40_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(40_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(25_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks at once when the clock jumped past the limit (a laptop that slept)', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    let now = 0;
    startIdleLock({ minutes: 15, onIdle, target: target as unknown as Window, now: () => now });
    now = 20 * 60_000;
    vi.advanceTimersByTime(5_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never locks with 0 minutes, nor after it is stopped', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    startIdleLock({ minutes: 0, onIdle, target: target as unknown as Window });
    const stop = startIdleLock({ minutes: 1, onIdle, target: target as unknown as Window });
    stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
