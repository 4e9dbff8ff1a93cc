import { describe, expect, it } from 'vitest';
import { formatMoment } from './moment';
import { createI18n } from './setup';

const tz = { timeZone: 'Europe/Amsterdam' };
const now = Date.UTC(2025, 10, 28, 13, 30); // 14:30 in Amsterdam

describe('formatMoment (after "Laatst gesynchroniseerd")', () => {
  const i18n = createI18n({ storage: null, root: null });
  const t = i18n.t;

  it('reads naturally in Dutch', () => {
    expect(formatMoment(t, now - 20_000, now, tz)).toBe('zojuist');
    expect(formatMoment(t, now - 5 * 60_000, now, tz)).toBe('5 minuten geleden');
    expect(formatMoment(t, Date.UTC(2025, 10, 28, 8, 5), now, tz)).toBe('om 09:05');
    expect(formatMoment(t, Date.UTC(2025, 10, 27, 16, 0), now, tz)).toBe('gisteren om 17:00');
    expect(formatMoment(t, Date.UTC(2025, 10, 20, 9, 0), now, tz)).toBe('op 20-11-2025 om 10:00');
  });

  it('reads naturally in English', async () => {
    const english = createI18n({ storage: null, root: null });
    await english.changeLanguage('en');
    const options = { ...tz, language: 'en' as const };
    expect(formatMoment(english.t, now - 5 * 60_000, now, options)).toBe('5 minutes ago');
    expect(formatMoment(english.t, Date.UTC(2025, 10, 27, 16, 0), now, options)).toBe('yesterday at 17:00');
    expect(formatMoment(english.t, Date.UTC(2025, 10, 20, 9, 0), now, options)).toBe('on 20/11/2025 at 10:00');
  });

  it('shows a time from a clock that runs ahead as a time, not as "ago"', () => {
    expect(formatMoment(t, now + 2 * 60_000, now, tz)).toBe('om 14:32');
  });
});
