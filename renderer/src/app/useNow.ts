import { useEffect, useState } from 'react';
import { toIsoDate, type IsoDate } from '../domain/dates';

/** The current time, refreshed every `intervalMs` (for "3 minuten geleden"). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Today's date (local), refreshed every minute: for due dates and "days overdue". */
export function useToday(): IsoDate {
  return toIsoDate(new Date(useNow(60_000)));
}
