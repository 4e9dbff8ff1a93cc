import { describe, expect, it } from 'vitest';
import { daysBetween, formatDate, formatMinutesAgo, formatTime } from './dates';

const tz = { timeZone: 'Europe/Amsterdam' };
// 28 November 2025, 09:05 in Amsterdam (UTC+1 in winter).
const morning = Date.UTC(2025, 10, 28, 8, 5);

describe('Dutch dates and times', () => {
  it('writes dates as dd-mm-jjjj and times as HH:mm', () => {
    expect(formatDate(morning, tz)).toBe('28-11-2025');
    expect(formatTime(morning, tz)).toBe('09:05');
    expect(formatDate(Date.UTC(2026, 0, 3, 12), tz)).toBe('03-01-2026');
  });

  it('uses 24 hours, also after noon and at midnight', () => {
    expect(formatTime(Date.UTC(2025, 10, 28, 13, 30), tz)).toBe('14:30');
    expect(formatTime(Date.UTC(2025, 10, 28, 23, 0), tz)).toBe('00:00');
  });

  it('follows summer time', () => {
    expect(formatTime(Date.UTC(2025, 6, 1, 8, 5), tz)).toBe('10:05');
  });

  it('writes English dates day first', () => {
    expect(formatDate(morning, { ...tz, language: 'en' })).toBe('28/11/2025');
    expect(formatTime(Date.UTC(2025, 10, 28, 13, 30), { ...tz, language: 'en' })).toBe('14:30');
  });

  it('counts calendar days in the time zone, not 24-hour blocks', () => {
    const lateEvening = Date.UTC(2025, 10, 27, 22, 50); // 23:50 on the 27th
    const justAfterMidnight = Date.UTC(2025, 10, 27, 23, 10); // 00:10 on the 28th
    expect(daysBetween(lateEvening, justAfterMidnight, tz)).toBe(1);
    expect(daysBetween(justAfterMidnight, morning, tz)).toBe(0);
    expect(daysBetween(Date.UTC(2025, 10, 20, 12), morning, tz)).toBe(8);
  });

  it('says how many minutes ago, within the hour only', () => {
    expect(formatMinutesAgo(morning - 3 * 60_000, morning)).toBe('3 minuten geleden');
    expect(formatMinutesAgo(morning - 60_000, morning)).toBe('1 minuut geleden');
    expect(formatMinutesAgo(morning - 3 * 60_000, morning, { language: 'en' })).toBe('3 minutes ago');
    expect(formatMinutesAgo(morning - 30_000, morning)).toBeNull();
    expect(formatMinutesAgo(morning - 60 * 60_000, morning)).toBeNull();
    expect(formatMinutesAgo(morning + 5 * 60_000, morning)).toBeNull();
  });
});
