import type { improvementsNl } from './improvements.nl';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English texts of the improvement-measures board: the same keys as improvements.nl.ts. */
export const improvementsEn = {
  intro: 'The region\'s improvement measures, by phase of the approach. Everyone with a part in the casework can read them; process directors and secretaries keep them up to date. Do not write names or other details of the people involved here.',
  unavailable: 'The improvement measures are not available for your role.',
  loading: 'Loading improvement measures…',
  readOnly: 'You can read the improvement measures but not change them.',
  emptyPhase: 'No measures in this phase yet.',
  untitled: '(untitled)',
  title: 'Title of the measure',
  titleMissing: 'Enter a title.',
  titleTooLong: 'The title is too long: use at most 200 characters.',
  phaseLabel: 'Phase',
  statusLabel: 'Status',
  org: 'Owner (organisation)',
  noOrg: 'No owner yet',
  progress: 'Progress',
  bottlenecks: 'Bottlenecks',
  editorLabel: '{{field}} of ‘{{title}}’',
  addText: 'Add {{field}}',
  newTitle: 'New measure',
  add: 'Add measure',
  added: 'Measure ‘{{title}}’ added.',
  phase: {
    herkennen: 'Recognition',
    risico: 'Risk assessment and victim focus',
    regie: 'Case responsibility and direction',
    samenwerking: 'Cooperation and communication',
    overig: 'Other measures',
    nieuw: 'New measures',
  },
  status: {
    gepland: 'Planned',
    lopend: 'Running',
    gerealiseerd: 'Done',
    gestopt: 'Stopped',
  },
  review: {
    title: 'Review moments',
    intro: 'At a review moment a process director records the state of every measure. That record never changes and can be read back here.',
    record: 'Record the state (review moment)',
    recorded: 'Review moment {{version}} recorded on {{when}}.',
    failed: 'The review moment could not be recorded. Check the connection and try again.',
    offline: 'Review moments can only be shown with a connection to the server.',
    none: 'No review moment has been recorded yet.',
    entry: 'Review moment {{version}} – {{when}}',
    copyTitle: 'State at review moment {{version}} ({{when}})',
  },
} satisfies Strings<typeof improvementsNl>;
