import type { monitorNl } from './monitor.nl';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English texts of the monitor screen (the figures' labels and definitions come from the server, in Dutch). */
export const monitorEn: Strings<typeof monitorNl> = {
  intro: 'The region\'s figures over a period: counts, no names. Compare up to three periods side by side, for the whole region or one municipality. Every figure comes with its definition.',
  filters: 'Period and area',
  period: 'Period {{number}}',
  kind: 'Kind of period {{number}}',
  kinds: { year: 'Year', quarter: 'Quarter', range: 'From–to' },
  year: 'Year (period {{number}})',
  quarter: 'Quarter (period {{number}})',
  quarterName: 'Quarter {{quarter}}',
  from: 'From (period {{number}})',
  to: 'Up to and including (period {{number}})',
  invalidPeriod: 'Choose a period that has begun, with an end date on or after its start date.',
  addPeriod: 'Add period',
  removePeriod: 'Remove period {{number}}',
  area: 'Area',
  region: 'Region (all municipalities)',
  apply: 'Show figures',
  exportCsv: 'Export for Excel (CSV)',
  exporting: 'Exporting…',
  exported: 'The CSV file with the figures has been saved.',
  loading: 'Loading figures…',
  shown: 'Figures for {{area}}: {{periods}}.',
  caption: 'Monitor, {{area}}: {{periods}}',
  suppressedNote: 'Counts of 1 to 4 show as ‘< 5’, so that no one can be recognised.',
  noValue: 'no value',
  groups: {
    personen: 'Persons',
    casussen: 'Cases',
    screenings: 'Risk assessments',
    maatregelen: 'Measures',
    overleggen: 'Meetings',
    acties: 'Actions per organisation',
    doorlooptijd: 'Lead time',
    escalaties: 'Escalations',
  },
  csv: { group: 'Group', figure: 'Figure', definition: 'Definition' },
  errors: {
    unreachable: 'The server cannot be reached. Check the connection and try again.',
    unauthorized: 'Your session has expired. Please sign in again.',
    forbidden: 'You have no access to the monitor.',
    other: 'The figures could not be loaded. Please try again later.',
    exportFailed: 'The export failed. Please try again.',
  },
};
