import type { presenceNl } from './presence.nl';

type Strings<T> = { [K in keyof T]: string };

/** English texts of the presence bar: the same keys as presence.nl.ts. */
export const presenceEn = {
  label: 'Who has this case open',
  alone: 'Only you have this case open.',
  count_one: 'Also open for {{count}} other user',
  count_other: 'Also open for {{count}} other users',
  typingIn: 'typing in {{section}}',
  viewing: 'viewing the case',
  person: '{{name}} ({{org}}), {{where}}',
} satisfies Strings<typeof presenceNl>;
