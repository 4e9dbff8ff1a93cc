/**
 * File names of exports: meeting type, date, version and audience; never a case label
 * or a person (file names end up in download lists, recent-file menus and mail).
 */
import type { MinutesData } from '../../pdf/model';

const dutchDay = (iso: string) => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
};

const safe = (text: string) => text.replace(/[\\/:*?"<>|]+/gu, '-').replace(/\s+/gu, ' ').trim();

/** `Verslag Themakamer HG-KM 2026-03-12 v2 [vt] [ondertekend|CONCEPT].pdf` */
export function minutesFileName(data: MinutesData, signed: boolean): string {
  const parts = ['Verslag', safe(data.meetingTypeLabel), dutchDay(data.start), `v${data.version}`];
  if (data.audience) parts.push(`voor ${safe(data.audience.id)}`);
  if (data.status === 'concept') parts.push('CONCEPT');
  else if (signed) parts.push('ondertekend');
  return `${parts.join(' ')}.pdf`;
}

/** `Acties <scope-slug> <yyyy-mm-dd>.<ext>` */
export function actionListFileName(scope: string, generatedAt: string, extension: 'pdf' | 'csv'): string {
  return `Acties ${safe(scope)} ${dutchDay(generatedAt)}.${extension}`;
}
