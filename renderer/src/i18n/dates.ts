/**
 * Dates and times as Dutch users write them: dd-mm-jjjj and HH:mm (24 hours), in the
 * computer's time zone unless one is given (tests pin Europe/Amsterdam).
 */
import { localeOf, type Language } from './languages';

/** Options shared by the formatters. */
export interface DateFormatOptions {
  language?: Language;
  timeZone?: string;
}

type Moment = Date | number;

function dateParts(at: Moment, options: DateFormatOptions): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit', month: '2-digit', year: 'numeric', timeZone: options.timeZone,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** A date: 28-11-2025 in Dutch, 28/11/2025 in English. */
export function formatDate(at: Moment, options: DateFormatOptions = {}): string {
  const { day, month, year } = dateParts(at, options);
  // Built from parts: Intl's nl-NL short date has varied between ICU versions (28-11-2025 vs 28/11/2025).
  return options.language === 'en' ? `${day}/${month}/${year}` : `${day}-${month}-${year}`;
}

/** A time of day on the 24-hour clock: 09:05. */
export function formatTime(at: Moment, options: DateFormatOptions = {}): string {
  return new Intl.DateTimeFormat(localeOf[options.language ?? 'nl'], {
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: options.timeZone,
  }).format(at);
}

/** Calendar days from `at` to `now` in the time zone (0 = same day, 1 = yesterday). */
export function daysBetween(at: Moment, now: Moment, options: DateFormatOptions = {}): number {
  const dayNumber = (moment: Moment): number => {
    const { day, month, year } = dateParts(moment, options);
    return Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000;
  };
  return Math.round(dayNumber(now) - dayNumber(at));
}

/** "3 minuten geleden" / "3 minutes ago"; null once it is an hour or more ago, or in the future. */
export function formatMinutesAgo(at: Moment, now: Moment, options: DateFormatOptions = {}): string | null {
  const minutes = Math.floor((Number(now) - Number(at)) / 60_000);
  if (minutes < 1 || minutes >= 60) return null;
  return new Intl.RelativeTimeFormat(localeOf[options.language ?? 'nl'], { numeric: 'always' }).format(-minutes, 'minute');
}
