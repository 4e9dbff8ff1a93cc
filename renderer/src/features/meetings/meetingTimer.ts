/**
 * Meeting timers: derived from the times the chair's client wrote into the meeting
 * document (`live.startedAt`, `live.itemStartedAt`), never from a local counter, so every
 * screen shows the same figure and a late joiner or a reload does not reset it.
 */

/** Whole seconds from `startedAt` (ISO) to `nowMs`; null when not started; 0 for a start in the future (clock skew). */
export function elapsedSeconds(startedAt: string | null, nowMs: number): number | null {
  if (startedAt === null) return null;
  const start = Date.parse(startedAt);
  if (Number.isNaN(start)) return null;
  return Math.max(0, Math.floor((nowMs - start) / 1000));
}

/** "4:05" under an hour, "1:02:03" from an hour on (minutes and seconds always two digits after the first part). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  const two = (value: number): string => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(secs)}` : `${minutes}:${two(secs)}`;
}

/** Minutes and seconds for a screen reader label ("4 minuten 5 seconden" is built by i18n from these). */
export function durationParts(seconds: number): { hours: number; minutes: number; seconds: number } {
  const whole = Math.max(0, Math.floor(seconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}
