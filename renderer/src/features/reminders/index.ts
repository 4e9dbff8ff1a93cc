/** Reminders: the bell in the header with the user's reminders (computed from the vault). */
export { ReminderBell } from './ReminderBell';
