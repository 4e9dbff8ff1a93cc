/** Dutch texts of the presence bar (registered as `presence` in nl.ts). */
export const presenceNl = {
  label: 'Wie heeft deze casus open',
  alone: 'Alleen u hebt deze casus open.',
  count_one: 'Ook open bij {{count}} andere gebruiker',
  count_other: 'Ook open bij {{count}} andere gebruikers',
  typingIn: 'typt in {{section}}',
  viewing: 'bekijkt de casus',
  person: '{{name}} ({{org}}), {{where}}',
};
