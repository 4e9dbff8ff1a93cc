import { defineVocabulary, type VocabValue } from './vocabulary';

/** Status of an action; the two "niet gedaan" values say why it was not done. */
export const actionStatuses = defineVocabulary('actionStatus', {
  open: { nl: 'Open', en: 'Open' },
  bezig: { nl: 'Bezig', en: 'In progress' },
  gedaan: { nl: 'Gedaan', en: 'Done' },
  'niet-gedaan-omstandigheden': { nl: 'Niet gedaan – omstandigheden gewijzigd', en: 'Not done – circumstances changed' },
  'niet-gedaan-niet-opgepakt': { nl: 'Niet gedaan – niet opgepakt', en: 'Not done – not taken up' },
  vervallen: { nl: 'Vervallen', en: 'Cancelled' },
});
export type ActionStatus = VocabValue<typeof actionStatuses>;

/** Statuses in which an action still has to be done (and so can be overdue). */
export const openActionStatuses: readonly ActionStatus[] = ['open', 'bezig'];

/** True while the action still has to be done. */
export function isOpenStatus(status: ActionStatus): boolean {
  return openActionStatuses.includes(status);
}

/** Where an action was agreed. */
export const actionSourceKinds = defineVocabulary('actionSource', {
  section: { nl: 'Veiligheidsplan', en: 'Safety plan' },
  meeting: { nl: 'Overleg', en: 'Meeting' },
});
export type ActionSourceKind = VocabValue<typeof actionSourceKinds>;
