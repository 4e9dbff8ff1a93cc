/**
 * The monitor's periods (docs/design.md "Monitor", the screen): a year, a quarter or a from–to
 * range, each resolved to the server's `from`, `to` and `at` (YYYY-MM-DD) and a Dutch column label.
 * A period that runs past today is asked up to today, and its label says so ("2026 t/m 6-12-2026").
 */

/** A period as chosen on the screen. */
export type PeriodChoice =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'range'; from: string; to: string };

/** A period resolved for GET /api/monitor. */
export interface ResolvedPeriod { from: string; to: string; at: string; label: string }

const pad = (n: number): string => String(n).padStart(2, '0');
/** YYYY-MM-DD of a local date. */
export const isoDay = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/u.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
/** d-m-yyyy, as Dutch readers write a date. */
export const dutchDay = (day: string): string => {
  const [y, m, d] = day.split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
};

/** Resolves a choice against today; null when it is not a valid period (a reversed or incomplete range, a start after today). */
export function resolvePeriod(choice: PeriodChoice, today: string): ResolvedPeriod | null {
  let from: string;
  let to: string;
  let label: string;
  if (choice.kind === 'year') {
    if (!Number.isInteger(choice.year) || choice.year < 2000 || choice.year > 2100) return null;
    from = `${choice.year}-01-01`;
    to = `${choice.year}-12-31`;
    label = String(choice.year);
  } else if (choice.kind === 'quarter') {
    if (!Number.isInteger(choice.year) || choice.year < 2000 || choice.year > 2100) return null;
    const first = (choice.quarter - 1) * 3 + 1;
    from = `${choice.year}-${pad(first)}-01`;
    const end = new Date(Date.UTC(choice.year, first + 2, 0));
    to = end.toISOString().slice(0, 10);
    label = `K${choice.quarter} ${choice.year}`;
  } else {
    if (!isDay(choice.from) || !isDay(choice.to) || choice.to < choice.from) return null;
    from = choice.from;
    to = choice.to;
    label = `${dutchDay(from)} t/m ${dutchDay(to)}`;
  }
  if (from > today) return null;
  if (to > today) {
    to = today;
    if (choice.kind !== 'range') label = `${label} t/m ${dutchDay(today)}`;
    else label = `${dutchDay(from)} t/m ${dutchDay(today)}`;
  }
  return { from, to, at: to, label };
}

/** The periods a screen opens with: this year so far. */
export const initialChoices = (today: string): PeriodChoice[] => [{ kind: 'year', year: Number(today.slice(0, 4)) }];

/** At most this many periods side by side. */
export const maxPeriods = 3;
