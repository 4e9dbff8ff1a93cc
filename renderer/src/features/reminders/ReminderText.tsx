import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import { measureKinds } from '../../domain/caseVocabulary';
import type { Reminder, ReminderCaseRef } from '../../domain/reminders';
import { meetingTypes } from '../../domain/meetingVocabulary';
import { formatDate, formatTime, useLanguage } from '../../i18n';

/** A case as reminders name it: case number and pseudonymous label, never a person. */
export function caseName(ref: ReminderCaseRef): string {
  return ref.caseNumber ? `${ref.caseNumber} · ${ref.caseLabel}` : ref.caseLabel;
}

const day = (date: string): Date => new Date(`${date}T12:00:00`);

/** Where a reminder leads: its case board or its meeting. */
export function reminderHref(reminder: Reminder): string {
  return 'caseId' in reminder ? hrefOf({ name: 'case', caseId: reminder.caseId }) : hrefOf({ name: 'meeting', meetingId: reminder.meetingId });
}

/** The reminder's sentence (what) and its context line (where, when). */
export function useReminderText(): (reminder: Reminder) => { title: string; context: string } {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const date = (value: Date) => formatDate(value, { language });
  return (reminder) => {
    switch (reminder.kind) {
      case 'action-assigned':
        return { title: t('reminders.text.assigned', { description: reminder.description }), context: t('reminders.context.caseDue', { case: caseName(reminder), date: date(day(reminder.due)) }) };
      case 'action-due':
        return {
          title: reminder.state === 'overdue'
            ? t('reminders.text.overdue', { count: reminder.days, description: reminder.description })
            : reminder.days === 0 ? t('reminders.text.dueToday', { description: reminder.description })
              : t('reminders.text.dueSoon', { count: reminder.days, description: reminder.description }),
          context: t('reminders.context.caseDue', { case: caseName(reminder), date: date(day(reminder.due)) }),
        };
      case 'measure-expiring': {
        const measure = measureKinds.label(reminder.measureKind, language);
        return {
          title: reminder.state === 'expired'
            ? t('reminders.text.measureExpired', { measure, date: date(day(reminder.end)) })
            : t('reminders.text.measureExpiring', { measure, date: date(day(reminder.end)) }),
          context: caseName(reminder),
        };
      }
      case 'meeting-soon': {
        const start = new Date(reminder.start);
        return {
          title: t('reminders.text.meetingSoon', { meeting: meetingTypes.label(reminder.meetingType, language) }),
          context: t('reminders.context.when', { date: date(start), time: formatTime(start, { language }) }),
        };
      }
      case 'minutes-approved':
        return {
          title: t('reminders.text.minutesApproved', { meeting: meetingTypes.label(reminder.meetingType, language) }),
          context: t('reminders.context.meetingOf', { date: date(new Date(reminder.start)), version: reminder.version }),
        };
    }
  };
}
