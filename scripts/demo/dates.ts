/** Demo dates relative to the day the demo runs, with Dutch local times. */
import { addDays, toIsoDate, type IsoDate } from '../../renderer/src/domain/dates';

/** The demo's "today" and offsets from it. */
export interface DemoClock {
  today: IsoDate;
  /** The calendar date `offset` days from today. */
  day(offset: number): IsoDate;
  /** An ISO date-time at `time` (hh:mm) Dutch local time, `offset` days from today. */
  at(offset: number, time: string): string;
}

function amsterdamOffset(date: IsoDate): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+1';
  const hours = Number(/GMT([+-]\d+)/.exec(name)?.[1] ?? '1');
  return `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

/** A clock for `now`. */
export function demoClock(now: Date): DemoClock {
  const today = toIsoDate(now);
  const day = (offset: number) => addDays(today, offset);
  return { today, day, at: (offset, time) => `${day(offset)}T${time}:00${amsterdamOffset(day(offset))}` };
}
