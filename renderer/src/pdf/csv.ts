import { formatDutchDate } from './dutchDates';
import type { ActionRow } from './model';

// What Dutch Excel opens without an import wizard: UTF-8 with a byte order mark
// (otherwise it reads Windows-1252 and "ĳ" breaks), ';' as separator (the Dutch
// list separator), CRLF line ends, dates as dd-mm-jjjj.

const BOM = '\uFEFF';
const SEPARATOR = ';';
const NEWLINE = '\r\n';

/** Column headers, in order. */
export const ACTION_CSV_HEADERS = ['Casus', 'Actie', 'Eigenaar', 'Organisatie', 'Deadline', 'Status'] as const;

/**
 * One CSV cell. A value that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return before one) gets a leading apostrophe; a
 * value with a separator, quote or line break is quoted with doubled quotes.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The action list as CSV text for Dutch Excel (BOM included). */
export function actionsToCsv(rows: ActionRow[]): string {
  const lines = [ACTION_CSV_HEADERS.map(csvCell).join(SEPARATOR)];
  for (const row of rows) {
    lines.push(
      [row.caseLabel, row.description, row.ownerName, row.ownerOrgName, formatDutchDate(row.due), row.statusLabel]
        .map(csvCell)
        .join(SEPARATOR),
    );
  }
  return BOM + lines.join(NEWLINE) + NEWLINE;
}

/** The CSV as UTF-8 bytes, ready to save. */
export function actionsToCsvBytes(rows: ActionRow[]): Uint8Array {
  return new TextEncoder().encode(actionsToCsv(rows));
}
