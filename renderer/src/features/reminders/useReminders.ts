import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/useNow';
import { computeReminders, unreadReminders, type ReadReminders, type Reminder, type ReminderKind, type ReminderPreferences } from '../../domain/reminders';
import { useLiveSession, useRoomDocs, useRooms } from '../session';
import { createReminderSources } from './reminderSources';
import { reminderStateOf } from './reminderState';

/** The signed-in user's reminders and what they can do with them. */
export interface RemindersView {
  /** Every current reminder of the kinds the user wants, most urgent first. */
  reminders: readonly Reminder[];
  unread: readonly Reminder[];
  read: ReadReminders;
  preferences: ReminderPreferences;
  markRead(keys: readonly string[]): void;
  setPreference(kind: ReminderKind, on: boolean): void;
}

/**
 * Reminders computed here, in the app, from the documents in the vault (so they work
 * offline), at the time of `useNow` (refreshed every minute); read marks and preferences
 * are the user's own, in their vault.
 */
export function useReminders(): RemindersView {
  const { t } = useTranslation();
  const live = useLiveSession();
  const { entries } = useRooms();
  const { handles } = useRoomDocs(entries.map((entry) => entry.room));
  const sources = useMemo(() => createReminderSources(handles), [handles]);
  const data = useSyncExternalStore(sources.subscribe, sources.getSnapshot);
  const state = reminderStateOf(live.vault);
  const { read, preferences, loaded } = useSyncExternalStore(state.subscribe, state.getSnapshot);
  const now = useNow(60_000);
  const fallbackLabel = t('actions.overview.unnamedCase');
  const reminders = useMemo(
    () => computeReminders({ me: live.user.username, now: new Date(now), cases: data.cases, meetings: data.meetings, preferences, fallbackLabel }),
    [live.user.username, now, data, preferences, fallbackLabel],
  );
  // Until the read marks are loaded nothing counts as unread: the bell never flashes old news.
  const unread = useMemo(() => (loaded ? unreadReminders(reminders, read) : []), [loaded, reminders, read]);
  const markRead = useCallback((keys: readonly string[]) => void state.markRead(keys, new Date()), [state]);
  const setPreference = useCallback((kind: ReminderKind, on: boolean) => void state.setPreference(kind, on), [state]);
  return { reminders, unread, read, preferences, markRead, setPreference };
}
