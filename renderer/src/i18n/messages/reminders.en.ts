import type { remindersNl } from './reminders.nl';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English texts of the reminders bell. */
export const remindersEn = {
  bell: 'Reminders',
  bellUnread_one: 'Reminders, {{count}} unread',
  bellUnread_other: 'Reminders, {{count}} unread',
  title: 'Reminders',
  none: 'You have no reminders.',
  unreadCount_one: '{{count}} unread',
  unreadCount_other: '{{count}} unread',
  new: 'New',
  markRead: 'Read',
  markReadOf: 'Mark as read: {{title}}',
  markAllRead: 'Mark all read',
  settings: 'Which reminders?',
  settingsLegend: 'Remind me of',
  kinds: {
    'action-assigned': 'Actions assigned to me',
    'action-due': 'My actions due within 2 days or overdue',
    'measure-expiring': 'Measures in my cases ending within 14 days or ended',
    'meeting-soon': 'Meetings I am invited to, 2 days ahead',
    'minutes-approved': 'Approved minutes of meetings I attended',
  },
  digest: {
    legend: 'E-mail digest',
    loading: 'Loading your choice…',
    offline: 'Without a connection to the server this choice cannot be shown or changed.',
    failed: 'Your choice could not be loaded. Please try again later.',
    saveFailed: 'Your choice was not saved. Please try again.',
    noAddress: 'No e-mail address has been set for you yet; ask the administrator.',
    org: {
      off: 'Your organisation sends no e-mail digest.',
      daily: 'Your organisation sends a daily digest with counts and a link only.',
      weekly: 'Your organisation sends a weekly digest with counts and a link only.',
    },
    choice: {
      org: 'As my organisation sends it',
      weekly: 'At most once a week',
      off: 'No e-mail digest',
    },
  },
  text: {
    assigned: 'Action for you: {{description}}',
    overdue_one: '{{count}} day overdue: {{description}}',
    overdue_other: '{{count}} days overdue: {{description}}',
    dueToday: 'Due today: {{description}}',
    dueSoon_one: 'Due tomorrow: {{description}}',
    dueSoon_other: 'Due in {{count}} days: {{description}}',
    measureExpiring: '{{measure}} ends on {{date}}',
    measureExpired: '{{measure}} ended on {{date}}',
    meetingSoon: 'Meeting soon: {{meeting}}',
    minutesApproved: 'Minutes approved: {{meeting}}',
  },
  context: {
    caseDue: '{{case}} · due {{date}}',
    when: '{{date}} at {{time}}',
    meetingOf: 'Meeting of {{date}}, version {{version}}',
  },
} satisfies Strings<typeof remindersNl>;
