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

/**
 * Formatters by kind, locale and time zone. Building an Intl.DateTimeFormat costs far more
 * than formatting with one, and lists format a time per row on every render (the
 * attendance table of a meeting re-renders whenever the chair moves on). Without a given
 * time zone a formatter keeps the computer's zone as it was when first used.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'time', locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone ?? ''}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, kind === 'date'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }
      : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

function dateParts(at: Moment, options: DateFormatOptions): { day: string; month: string; year: string } {
  const parts = formatter('date', 'en-GB', options.timeZone).formatToParts(at);
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
  return formatter('time', localeOf[options.language ?? 'nl'], options.timeZone).format(at);
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
