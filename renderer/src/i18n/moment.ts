import type { TFunction } from 'i18next';
import { daysBetween, formatDate, formatMinutesAgo, formatTime, type DateFormatOptions } from './dates';

/**
 * When something last happened, as a phrase that fits after "Laatst gesynchroniseerd":
 * "zojuist", "3 minuten geleden", "om 14:05", "gisteren om 14:05", "op 27-11-2025 om 14:05".
 */
export function formatMoment(t: TFunction, at: number, now: number, options: DateFormatOptions = {}): string {
  if (now - at >= 0 && now - at < 60_000) return t('time.justNow');
  const minutesAgo = formatMinutesAgo(at, now, options);
  if (minutesAgo !== null) return minutesAgo;
  const time = formatTime(at, options);
  const days = daysBetween(at, now, options);
  if (days === 0) return t('time.sameDay', { time });
  if (days === 1) return t('time.yesterday', { time });
  return t('time.otherDay', { date: formatDate(at, options), time });
}
