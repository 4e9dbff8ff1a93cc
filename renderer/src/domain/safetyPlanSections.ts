import { defineVocabulary, type VocabValue } from './vocabulary';

/** The sections of the safety plan (veiligheidsplan), in the order the plan shows them. */
export const safetyPlanSections = defineVocabulary('planSection', {
  'situatie-en-risico': { nl: 'Situatie en risico', en: 'Situation and risk' },
  'minimale-veiligheidsvoorwaarden': { nl: 'Minimale veiligheidsvoorwaarden', en: 'Minimum safety conditions' },
  'afspraken-met-slachtoffer': { nl: 'Afspraken met het slachtoffer', en: 'Agreements with the victim' },
  'beschermende-maatregelen': { nl: 'Beschermende maatregelen', en: 'Protective measures' },
  'interventies-verdachte': {
    nl: 'Interventies richting verdachte (incl. plegerhulp)',
    en: 'Interventions towards the suspect (incl. perpetrator help)',
  },
  'hulp-en-ondersteuning': { nl: 'Hulp en ondersteuning', en: 'Help and support' },
  'signalen-en-wie-wat-doet': { nl: 'Signalen en wie wat doet', en: 'Warning signs and who does what' },
  'monitoring-en-evaluatie': { nl: 'Monitoring en volgende evaluatie', en: 'Monitoring and next review' },
});
export type SafetyPlanSectionKey = VocabValue<typeof safetyPlanSections>;
