import type { adminNl } from './admin.nl';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English texts of the Beheer screen: the same keys as admin.nl.ts. */
export const adminEn = {
  intro: 'Organisations and accounts of this region. Every change goes into the audit log. As an administrator you see no case content.',
  users: {
    title: 'Users',
    name: 'Name',
    username: 'Username',
    org: 'Organisation',
    role: 'Role',
    status: 'Status',
    active: 'active',
    disabled: 'disabled',
    twoFactor: 'Two-factor authentication',
    enrolled: 'set up',
    notEnrolled: 'not set up yet',
    actions: 'Actions',
    disable: 'Disable',
    enable: 'Enable',
    password: 'New password',
    resetTwoFactor: 'Reset two-factor',
    actionLabel: '{{action}}: {{name}}',
  },
  addUser: {
    title: 'Add user',
    submit: 'Add user',
  },
  orgs: {
    title: 'Organisations',
    id: 'Id',
    idHint: 'Lower-case letters, digits and dashes, for example politie or vt-noord.',
    name: 'Name',
    submit: 'Add organisation',
  },
  roles: {
    procesregisseur: 'Process director',
    secretaris: 'Secretary',
    deelnemer: 'Participant',
    waarnemer: 'Observer',
    beheerder: 'Administrator',
    privacyfunctionaris: 'Privacy officer',
    management: 'Management (figures only)',
  },
  done: {
    orgAdded: 'Organisation {{name}} added.',
    disabled: '{{name}} is disabled; open sessions have ended.',
    enabled: '{{name}} is enabled.',
    twoFactorReset: 'The two-factor authentication of {{name}} is cleared; {{name}} sets it up again at the next sign-in.',
    initialPassword: 'One-time password for {{name}} ({{username}}):',
    initialPasswordNote: 'Hand it over in person; it is not shown again. At the first sign-in the user sets up two-factor authentication.',
  },
  errors: {
    exists: 'That already exists. Choose another id or username.',
    invalid: 'Check the input: an id or username consists of lower-case letters, digits, dots or dashes, and a name is required.',
    unknown_org: 'That organisation does not exist; add it first.',
    unknown_user: 'That user no longer exists. Reload the page.',
    self: 'You cannot disable your own account.',
    other: 'That did not work. Check the connection and try again.',
  },
} satisfies Strings<typeof adminNl>;
