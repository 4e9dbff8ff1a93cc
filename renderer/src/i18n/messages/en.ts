import { adminEn } from './admin.en';
import { actionsEn } from './actions.en';
import { planEn } from './plan.en';
import { presenceEn } from './presence.en';
import type { Messages } from './messages';
import { sessionEn } from './session.en';
import { minutesEn } from './minutes.en';
import { casesEn } from './cases.en';
import { boardEn } from './board.en';
import { meetingsEn } from './meetings.en';
import { updateEn } from './update.en';
import { privacyEn } from './privacy.en';
import { remindersEn } from './reminders.en';
import { improvementsEn } from './improvements.en';
import { monitorEn } from './monitor.en';

/** The English texts: the same keys as nl.ts (checked by `satisfies`), switchable at runtime. */
export const en = {
  app: {
    name: 'Themakamer',
    subtitle: 'Care and Safety House',
    documentTitle: '{{section}} – Themakamer',
  },
  skipLink: 'Skip to content',
  nav: {
    label: 'Main menu',
    meetings: 'Meetings',
    cases: 'Cases',
    actions: 'Actions',
    improvements: 'Improvement measures',
    monitor: 'Monitor',
    'partner-figures': 'Enter figures',
    'access-log': 'Access log',
    admin: 'Administration',
  },
  sections: {
    admin: {
      title: 'Administration',
    },
    meetings: {
      title: 'Meetings',
      emptyTitle: 'There are no meetings yet',
      emptyBody: 'A process director schedules a meeting with ‘New meeting’. Meetings you are invited to will then appear here.',
    },
    cases: {
      title: 'Cases',
      emptyTitle: 'There are no cases yet',
      emptyBody: 'A process director, secretary or participant creates a case with ‘New case’. You only see the cases you have access to.',
    },
    actions: {
      title: 'Actions',
      emptyTitle: 'There are no actions yet',
      emptyBody: 'Actions are agreed in a meeting or in the safety plan of a case. Every action has one owner and a due date; actions for you will appear here.',
    },
    'access-log': {
      title: 'Access log',
    },
    improvements: {
      title: 'Improvement measures',
    },
    monitor: {
      title: 'Monitor',
    },
    'partner-figures': {
      title: 'Enter figures',
    },
    meeting: {
      title: 'Meeting',
      unavailableTitle: 'This meeting is not available',
      unavailableBody: 'The meeting does not exist, or you have no access to it. Ask the process director for an invitation if you should take part.',
      back: 'Back to Meetings',
    },
    case: {
      title: 'Case',
      unavailableTitle: 'This case is not available',
      unavailableBody: 'The case does not exist, or you have no access to it. Ask the process director for access if you are involved in this case.',
      back: 'Back to Cases',
    },
    notFound: {
      title: 'Page not found',
      body: 'This address does not exist in Themakamer. Choose a section in the main menu.',
      back: 'Go to Meetings',
    },
  },
  sync: {
    label: 'Connection',
    online: 'Online',
    offline: 'Offline',
    syncing: 'Synchronising…',
    unauthorized: 'Sign in again',
    lastSynced: 'Last synchronised {{moment}}',
    wentOffline: 'The connection was lost. You are offline.',
    backOnline: 'The connection is back. You are online again.',
    needsLogin: 'Your session has expired. Sign in again to keep synchronising.',
  },
  time: {
    justNow: 'just now',
    sameDay: 'at {{time}}',
    yesterday: 'yesterday at {{time}}',
    otherDay: 'on {{date}} at {{time}}',
  },
  language: {
    label: 'Language',
    nl: 'Nederlands',
    en: 'English',
    changed: 'The language is now English.',
  },
  user: {
    label: 'User',
    signedOut: 'Not signed in',
    signOut: 'Sign out',
  },
  about: {
    open: 'About Themakamer',
    title: 'About Themakamer',
    description: 'Themakamer supports the case conferences of the Care and Safety House: cases, safety plans, actions and minutes.',
    version: 'Version',
    shell: 'Edition',
    shellDesktop: 'Desktop app',
    shellWeb: 'Web version in the browser',
    server: 'Server',
    serverUnknown: 'Not configured yet',
    loading: 'Fetching details…',
    failed: 'The details of this installation could not be fetched. Close this window and try again.',
  },
  common: {
    close: 'Close',
    notifications: 'Notifications',
    dismiss: 'Dismiss notification',
  },
  actions: actionsEn,
  plan: planEn,
  presence: presenceEn,
  session: sessionEn,
  admin: adminEn,
  minutes: minutesEn,
  cases: casesEn,
  board: boardEn,
  meetings: meetingsEn,
  update: updateEn,
  privacy: privacyEn,
  reminders: remindersEn,
  improvements: improvementsEn,
  monitor: monitorEn,
} satisfies Messages;
