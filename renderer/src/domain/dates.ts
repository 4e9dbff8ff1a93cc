/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). Rules compare whole days, so the
 * arithmetic runs on UTC day numbers: no time zone or daylight-saving shift can move
 * a due date by one.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

/** True for a real calendar date written as `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = isoDate.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01 of a valid ISO date; throws on anything else. */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError('not an ISO date');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / msPerDay;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` moved by `days` days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * msPerDay).toISOString().slice(0, 10);
}

/** The local calendar date of `now` (the user's today). */
export function toIsoDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The calendar date part of an ISO date-time, or null when it has none. */
export function datePart(isoDateTime: string): IsoDate | null {
  const candidate = isoDateTime.slice(0, 10);
  return isIsoDate(candidate) ? candidate : null;
}
