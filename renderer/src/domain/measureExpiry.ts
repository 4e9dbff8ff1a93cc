/** Measures that end soon or ended: flagged on the board and in the chair's overview. */
import type { Measure } from './caseRecords';
import { daysBetween, type IsoDate } from './dates';

/** A measure counts as expiring when it ends within this many days (inclusive). */
export const EXPIRING_WITHIN_DAYS = 14;

/** Where a measure stands on `today`. */
export type MeasureState = 'not-started' | 'active' | 'expiring' | 'expired';

/** State and days left (0 on its last day; negative once expired; null without end date). */
export interface MeasureExpiry {
  state: MeasureState;
  daysLeft: number | null;
}

/** The expiry of a measure on `today`; the end date itself is still in force. */
export function measureExpiry(measure: Pick<Measure, 'start' | 'end'>, today: IsoDate): MeasureExpiry {
  const daysLeft = measure.end === null ? null : daysBetween(today, measure.end);
  if (daysLeft !== null && daysLeft < 0) return { state: 'expired', daysLeft };
  if (daysBetween(today, measure.start) > 0) return { state: 'not-started', daysLeft };
  if (daysLeft !== null && daysLeft <= EXPIRING_WITHIN_DAYS) return { state: 'expiring', daysLeft };
  return { state: 'active', daysLeft };
}

/** True when the measure needs attention: expired, or ending within {@link EXPIRING_WITHIN_DAYS}. */
export function needsAttention(measure: Pick<Measure, 'start' | 'end'>, today: IsoDate): boolean {
  const { state, daysLeft } = measureExpiry(measure, today);
  if (state === 'expired' || state === 'expiring') return true;
  // A measure that has not started but already ends soon is just as urgent.
  return state === 'not-started' && daysLeft !== null && daysLeft <= EXPIRING_WITHIN_DAYS;
}
