import type { planNl } from './plan.nl';

type Strings<T> = { [K in keyof T]: string };

/** English texts of the safety plan editor: the same keys as plan.nl.ts. */
export const planEn = {
  title: 'Safety plan',
  intro: 'The plan every partner works from. Changes are visible at once to everyone who has this case open.',
  readOnly: 'You can read the safety plan but not change it.',
  editorLabel: 'Safety plan: {{section}}',
  toolbarLabel: 'Formatting of {{section}}',
  empty: 'Nothing filled in yet.',
  loading: 'Loading the safety plan…',
  missingSections: 'This safety plan has not been created yet.',
  createSections: 'Create safety plan',
  bold: 'Bold',
  italic: 'Italic',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  neverExport: 'Never export',
  neverExportLabel: 'Never exported: on screen only',
  undo: 'Undo',
  redo: 'Redo',
  typing: '{{names}} is typing here',
} satisfies Strings<typeof planNl>;
