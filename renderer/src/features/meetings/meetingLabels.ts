/** How a meeting is named on screen: its type and when (never a case label or a person). */
import { meetingTypes } from '../../domain/meetingVocabulary';
import type { MeetingMeta } from '../../domain/meetingRecords';
import { formatDate, formatTime, type Language } from '../../i18n';

/** "Themakamer HG/KM" in the user's language. */
export function meetingTypeLabel(meta: Pick<MeetingMeta, 'type'>, language: Language): string {
  return meetingTypes.label(meta.type, language);
}

/** "04-03-2031 09:30". */
export function meetingWhen(iso: string, language: Language): string {
  const at = Date.parse(iso);
  return `${formatDate(at, { language })} ${formatTime(at, { language })}`;
}
