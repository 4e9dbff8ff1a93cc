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
