import { AlertTriangle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../domain/actionRecord';
import { daysOverdue } from '../../domain/actionRules';
import type { IsoDate } from '../../domain/dates';
import { formatDate, useLanguage } from '../../i18n';

/** A due date as a user reads it; an overdue one in red with an icon AND "x dagen te laat" (not colour alone). */
export function ActionDue({ action, today }: { action: Pick<Action, 'due' | 'status'>; today: IsoDate }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const late = daysOverdue(action, today);
  const date = formatDate(new Date(`${action.due}T12:00:00`), { language });
  if (late === 0) return <span className="action-due">{date}</span>;
  return (
    <span className="action-due action-due--overdue">
      <span>{date}</span>{' '}
      <span className="action-due__late">
        <AlertTriangle size={14} aria-hidden="true" /> {t('actions.overdue', { count: late })}
      </span>
    </span>
  );
}
