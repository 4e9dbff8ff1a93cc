import { Bell } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderKinds } from '../../domain/reminders';
import { Button } from '../../ui';
import { reminderHref, useReminderText } from './ReminderText';
import { useReminders } from './useReminders';
import { DigestSettings } from './DigestSettings';
import './reminders.css';

/**
 * The bell in the header: the number of unread reminders, and on click a panel with the
 * list (each marked read on its own or all at once) and the user's choice of reminders.
 * A disclosure, not a dialog: Escape or a click outside closes it and focus returns.
 */
export function ReminderBell() {
  const { t } = useTranslation();
  const { reminders, unread, read, preferences, markRead, setPreference } = useReminders();
  const text = useReminderText();
  const [open, setOpen] = useState(false);
  const [settings, setSettings] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const count = unread.length;

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="reminder-bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="reminder-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count > 0 ? t('reminders.bellUnread', { count }) : t('reminders.bell')}
        onClick={() => setOpen((value) => !value)}
      >
        <Bell size={20} aria-hidden="true" />
        {count > 0 ? <span className="reminder-bell__count" aria-hidden="true">{count}</span> : null}
      </button>
      {open ? (
        <div id={panelId} className="reminder-panel" role="region" aria-label={t('reminders.title')}>
          <div className="reminder-panel__bar">
            <h2 className="reminder-panel__title">{t('reminders.title')}</h2>
            <Button variant="quiet" disabled={count === 0} onClick={() => markRead(unread.map((reminder) => reminder.key))}>
              {t('reminders.markAllRead')}
            </Button>
          </div>
          <p className="reminder-panel__summary" role="status">
            {reminders.length === 0 ? t('reminders.none') : t('reminders.unreadCount', { count })}
          </p>
          {reminders.length > 0 ? (
            <ul className="reminder-list">
              {reminders.map((reminder) => {
                const isRead = Object.hasOwn(read, reminder.key);
                const { title, context } = text(reminder);
                return (
                  <li key={reminder.key} className={isRead ? 'reminder-item reminder-item--read' : 'reminder-item'} data-reminder-kind={reminder.kind}>
                    <a className="reminder-item__link" href={reminderHref(reminder)} onClick={() => {
                      markRead([reminder.key]);
                      setOpen(false);
                    }}>
                      {isRead ? null : <><span className="reminder-item__new">{t('reminders.new')}</span>{' '}</>}
                      <span className="reminder-item__title">{title}</span>
                    </a>
                    <span className="reminder-item__context">{context}</span>
                    {isRead ? null : (
                      <Button variant="quiet" className="reminder-item__read" onClick={() => markRead([reminder.key])} aria-label={t('reminders.markReadOf', { title })}>
                        {t('reminders.markRead')}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
          <Button variant="quiet" aria-expanded={settings} onClick={() => setSettings((value) => !value)}>
            {t('reminders.settings')}
          </Button>
          {settings ? (
            <fieldset className="reminder-panel__settings">
              <legend>{t('reminders.settingsLegend')}</legend>
              {reminderKinds.map((kind) => (
                <label key={kind} className="reminder-panel__choice">
                  <input type="checkbox" checked={preferences[kind]} onChange={(event) => setPreference(kind, event.target.checked)} />
                  {t(`reminders.kinds.${kind}`)}
                </label>
              ))}
            </fieldset>
          ) : null}
          {settings ? <DigestSettings /> : null}
        </div>
      ) : null}
    </div>
  );
}
