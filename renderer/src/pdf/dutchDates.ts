// Dates in the documents are Dutch (dd-mm-jjjj) and times are local to the
// Netherlands, whatever time zone the machine that renders them is in.

const TIME_ZONE = 'Europe/Amsterdam';

const dateTimeParts = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error('invalid ISO date-time');
  return Object.fromEntries(dateTimeParts.formatToParts(date).map((part) => [part.type, part.value]));
}

/** An ISO calendar date `YYYY-MM-DD` as `dd-mm-jjjj`, with no time-zone shift. */
export function formatDutchDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error('expected an ISO date YYYY-MM-DD');
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** The Dutch calendar date (`dd-mm-jjjj`) of an ISO date-time, in Dutch local time. */
export function formatDutchDateOf(isoDateTime: string): string {
  const p = parts(isoDateTime);
  return `${p.day}-${p.month}-${p.year}`;
}

/** An ISO date-time as `dd-mm-jjjj hh:mm`, Dutch local time. */
export function formatDutchDateTime(isoDateTime: string): string {
  const p = parts(isoDateTime);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}
