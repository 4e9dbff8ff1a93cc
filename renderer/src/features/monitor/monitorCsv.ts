/**
 * The monitor's CSV for Excel in a Dutch locale (docs/design.md "Monitor", CSV): UTF-8 with a BOM,
 * `;` between cells, CRLF line ends, decimal comma, RFC 4180 quotes; cells that Excel would read as
 * a formula (starting with = + - @) get a leading `'`. A header row with the periods, then one row
 * per figure: group, label, definition and its value per period ("< 5" kept as is, empty for none).
 */

/** A value as the server sends it. */
export type MonitorValue = number | null | '< 5';

/** One row: a figure with its value per period (in the order of the header's periods). */
export interface CsvFigureRow { group: string; label: string; definition: string; values: readonly MonitorValue[] }

const bom = '\uFEFF';

/** A number in Dutch notation: decimal comma, no thousands separator (Excel reads it as a number). */
export function dutchNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** One cell, quoted when it holds `;`, `"` or a line break, and defused when it starts like a formula. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
  return /[;"\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

const valueCell = (value: MonitorValue | undefined): string =>
  value === undefined || value === null ? '' : typeof value === 'number' ? dutchNumber(value) : csvCell(value);

/** The file's text (with the BOM); `columns` are the header's first cells (Groep, Cijfer, Definitie). */
export function monitorCsv(columns: readonly [string, string, string], periods: readonly string[], rows: readonly CsvFigureRow[]): string {
  const lines = [[...columns, ...periods].map(csvCell).join(';')];
  for (const row of rows) lines.push([csvCell(row.group), csvCell(row.label), csvCell(row.definition), ...periods.map((_, i) => valueCell(row.values[i]))].join(';'));
  return `${bom}${lines.join('\r\n')}\r\n`;
}

/** The file's name: `monitor` with the periods (and area), only letters, digits and dashes. */
export function monitorFileName(periods: readonly string[], area: string | null): string {
  const slug = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').toLowerCase().replace(/t\/m/gu, 'tm').replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return `${['monitor', ...periods.map(slug), ...(area ? [slug(area)] : [])].filter(Boolean).join('_')}.csv`;
}
