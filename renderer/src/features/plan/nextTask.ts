/**
 * Runs `callback` in a new task, after the browser had the chance to paint: a message to
 * oneself, which (unlike setTimeout) is neither clamped nor throttled in a background tab.
 * Returns a cancel function.
 */
export function nextTask(callback: () => void): () => void {
  const channel = new MessageChannel();
  let cancelled = false;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) callback();
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

/**
 * Runs `callback` in a task after the next frame was produced, so the work it does cannot
 * delay that frame. A hidden page produces no frames: there it runs in the next task.
 * Returns a cancel function.
 */
export function afterNextPaint(callback: () => void): () => void {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return nextTask(callback);
  let cancelTask: (() => void) | null = null;
  const frame = requestAnimationFrame(() => {
    cancelTask = nextTask(callback);
  });
  return () => {
    cancelAnimationFrame(frame);
    cancelTask?.();
  };
}

/**
 * Runs `callback` once the page is idle (`requestIdleCallback`, at the latest after
 * `timeoutMs`), after the next frame. For work nobody waits for, such as preparing what
 * the user will probably look at next. Returns a cancel function.
 */
export function afterPaintWhenIdle(callback: () => void, timeoutMs = 2_000): () => void {
  let cancelIdle: (() => void) | null = null;
  const cancelPaint = afterNextPaint(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => callback(), { timeout: timeoutMs });
      cancelIdle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(callback, 50);
      cancelIdle = () => clearTimeout(handle);
    }
  });
  return () => {
    cancelPaint();
    cancelIdle?.();
  };
}
