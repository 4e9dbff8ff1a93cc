/**
 * The access log as CSV for the privacy officer: one line per entry, Dutch headings and event
 * names, semicolon-separated with a byte order mark (what a Dutch spreadsheet opens as
 * columns). Cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
import type { AccessLogEntry, LoggedPerson } from './access-log';

/** Dutch names of the logged events (the CSV is read by people, not programs). */
export const eventNamesNl: Record<string, string> = {
  'room-open': 'Kamer geopend',
  'frozen-read': 'Vastgestelde versie gelezen',
  export: 'Export',
  'access-log-export': 'Toegangslog geëxporteerd',
  grant: 'Toegang verleend',
  revoke: 'Toegang ingetrokken',
  'user-disable': 'Account geblokkeerd',
  'user-enable': 'Account gedeblokkeerd',
  'user-update': 'Account gewijzigd (naam, rol of organisatie)',
  'part-create': 'Afgeschermd deel gemaakt',
  'part-orgs': 'Organisaties van afgeschermd deel gewijzigd',
  'login-success': 'Aangemeld',
  'login-failure': 'Aanmelden mislukt',
  'login-rate-limited': 'Aanmelden geweigerd (te vaak)',
  'access-log-view': 'Toegangslog bekeken',
  'case-access-view': 'Inzage van casus bekeken',
  'case-close': 'Casus afgesloten',
  'case-reopen': 'Casus heropend',
  'case-delete': 'Casus verwijderd na bewaartermijn',
  'retention-set': 'Bewaartermijn ingesteld',
};

const headings = ['Tijdstip (UTC)', 'Gebeurtenis', 'Code', 'Gebruiker', 'Naam', 'Organisatie', 'Betreft gebruiker', 'Betreft naam', 'Betreft organisatie', 'Casusnummer', 'Kamer', 'IP-adres', 'Details'];

/** One cell: quoted when needed, formula-like text defused. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[";\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

const nameOf = (p: LoggedPerson | null): string | null => p?.name ?? null;

/** The CSV text of `entries` (a BOM, a heading line, then one line per entry, CRLF). */
export function accessLogCsv(entries: readonly AccessLogEntry[]): string {
  const lines = [headings.map(csvCell).join(';')];
  for (const entry of entries) {
    const detail = entry.detail ? Object.entries(entry.detail).map(([key, value]) => `${key}=${String(value)}`).join(', ') : null;
    lines.push([
      entry.at, eventNamesNl[entry.event] ?? entry.event, entry.event,
      entry.actor?.username ?? null, nameOf(entry.actor), entry.actor?.orgName ?? entry.actor?.org ?? null,
      entry.target?.username ?? null, nameOf(entry.target), entry.target?.orgName ?? entry.target?.org ?? null,
      entry.caseNumber, entry.room, entry.ip, detail,
    ].map(csvCell).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
