import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import type { ActionListItem } from '../../domain/actionRules';
import { actionStatuses } from '../../domain/actionVocabulary';
import type { IsoDate } from '../../domain/dates';
import { groupMyActions, thisWeekEnd, type MyActionGroups } from '../../domain/reminders';
import { formatDate, useLanguage } from '../../i18n';
import { ActionDue } from './ActionDue';

/** Props of {@link MyActions}. */
export interface MyActionsProps {
  items: readonly ActionListItem[];
  me: string;
  today: IsoDate;
}

/** The case an action belongs to as a link: case number and pseudonymous label, never a person. */
function caseText(item: ActionListItem): string {
  return item.caseNumber ? `${item.caseNumber} · ${item.caseLabel}` : item.caseLabel;
}

/**
 * Mijn acties: the open actions the user owns across all their cases, grouped overdue,
 * due in the next seven days and later, each with the case it belongs to.
 */
export function MyActions({ items, me, today }: MyActionsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const groups = useMemo(() => groupMyActions(items, me, today), [items, me, today]);
  const total = groups.overdue.length + groups.thisWeek.length + groups.later.length;
  const weekEnd = formatDate(new Date(`${thisWeekEnd(today)}T12:00:00`), { language });
  const parts: { key: keyof MyActionGroups<ActionListItem>; title: string }[] = [
    { key: 'overdue', title: t('actions.myActions.overdue', { count: groups.overdue.length }) },
    { key: 'thisWeek', title: t('actions.myActions.thisWeek', { count: groups.thisWeek.length, date: weekEnd }) },
    { key: 'later', title: t('actions.myActions.later', { count: groups.later.length }) },
  ];

  return (
    <section className="my-actions" aria-labelledby="mijn-acties" id="mijn-acties-sectie">
      <h2 id="mijn-acties" className="my-actions__title">{t('actions.myActions.title')}</h2>
      {total === 0 ? <p className="my-actions__none">{t('actions.myActions.none')}</p> : (
        <div className="my-actions__groups">
          {parts.map(({ key, title }) => (
            <section key={key} className={`my-actions__group my-actions__group--${key}`} aria-labelledby={`mijn-acties-${key}`}>
              <h3 id={`mijn-acties-${key}`} className="my-actions__group-title">{title}</h3>
              {groups[key].length === 0 ? <p className="my-actions__none">{t('actions.myActions.noneInGroup')}</p> : (
                <ul className="action-list">
                  {groups[key].map((item) => (
                    <li key={`${item.caseId}/${item.id}`} className="action-item" data-action-id={item.id}>
                      <div className="action-item__main">
                        <p className="action-item__description">{item.description}</p>
                        <p className="action-item__facts">
                          <ActionDue action={item} today={today} />
                          <span>{actionStatuses.label(item.status, language)}</span>
                          <a href={hrefOf({ name: 'case', caseId: item.caseId })} className="my-actions__case">{caseText(item)}</a>
                        </p>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
