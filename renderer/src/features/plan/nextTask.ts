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
