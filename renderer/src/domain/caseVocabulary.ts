import { defineVocabulary, type VocabValue } from './vocabulary';

/** Kind of case (casustype). */
export const caseTypes = defineVocabulary('caseType', {
  'ex-partnerstalking': { nl: 'Ex-partnerstalking', en: 'Ex-partner stalking' },
  'huiselijk-geweld': { nl: 'Huiselijk geweld', en: 'Domestic violence' },
  kindermishandeling: { nl: 'Kindermishandeling', en: 'Child abuse' },
  anders: { nl: 'Anders', en: 'Other' },
});
export type CaseType = VocabValue<typeof caseTypes>;

/** Where a case stands. */
export const caseStatuses = defineVocabulary('caseStatus', {
  aangemeld: { nl: 'Aangemeld', en: 'Referred' },
  'in-behandeling': { nl: 'In behandeling', en: 'In progress' },
  monitoring: { nl: 'Monitoring', en: 'Monitoring' },
  afgesloten: { nl: 'Afgesloten', en: 'Closed' },
});
export type CaseStatus = VocabValue<typeof caseStatuses>;

/**
 * Municipalities of the region (gemeente van de casus), for the monitor's figures per area.
 * A small fixed list for Rotterdam-Rijnmond and Zuid-Holland-Zuid; the value is a stable slug.
 */
export const municipalities = defineVocabulary('municipality', {
  rotterdam: { nl: 'Rotterdam', en: 'Rotterdam' },
  schiedam: { nl: 'Schiedam', en: 'Schiedam' },
  vlaardingen: { nl: 'Vlaardingen', en: 'Vlaardingen' },
  maassluis: { nl: 'Maassluis', en: 'Maassluis' },
  capelle: { nl: 'Capelle aan den IJssel', en: 'Capelle aan den IJssel' },
  barendrecht: { nl: 'Barendrecht', en: 'Barendrecht' },
  ridderkerk: { nl: 'Ridderkerk', en: 'Ridderkerk' },
  lansingerland: { nl: 'Lansingerland', en: 'Lansingerland' },
  nissewaard: { nl: 'Nissewaard', en: 'Nissewaard' },
  'voorne-aan-zee': { nl: 'Voorne aan Zee', en: 'Voorne aan Zee' },
  dordrecht: { nl: 'Dordrecht', en: 'Dordrecht' },
  gorinchem: { nl: 'Gorinchem', en: 'Gorinchem' },
  zwijndrecht: { nl: 'Zwijndrecht', en: 'Zwijndrecht' },
});
export type Municipality = VocabValue<typeof municipalities>;

/** How a person is involved (betrokkene). */
export const personRoles = defineVocabulary('personRole', {
  slachtoffer: { nl: 'Slachtoffer', en: 'Victim' },
  verdachte: { nl: 'Verdachte', en: 'Suspect' },
  kind: { nl: 'Kind', en: 'Child' },
  overig: { nl: 'Overig', en: 'Other' },
});
export type PersonRole = VocabValue<typeof personRoles>;

/** Measures in force (maatregelen). */
export const measureKinds = defineVocabulary('measureKind', {
  contactverbod: { nl: 'Contactverbod', en: 'Contact ban' },
  locatieverbod: { nl: 'Locatieverbod', en: 'Location ban' },
  gedragsaanwijzing: { nl: 'Gedragsaanwijzing', en: 'Behaviour order' },
  beschermingsbevel: { nl: 'Beschermingsbevel', en: 'Protection order' },
  huisverbod: { nl: 'Huisverbod', en: 'Temporary restraining order' },
  enkelband: { nl: 'Enkelband / elektronische monitoring', en: 'Ankle monitor / electronic monitoring' },
  aware: { nl: 'AWARE', en: 'AWARE alarm' },
  camera: { nl: 'Camera', en: 'Camera' },
  'stalking-app': { nl: 'Stalking-app (logboek)', en: 'Stalking app (logbook)' },
  anders: { nl: 'Anders', en: 'Other' },
});
export type MeasureKind = VocabValue<typeof measureKinds>;

/** Risk level of an assessment. */
export const riskLevels = defineVocabulary('riskLevel', {
  laag: { nl: 'Laag', en: 'Low' },
  gemiddeld: { nl: 'Gemiddeld', en: 'Medium' },
  hoog: { nl: 'Hoog', en: 'High' },
});
export type RiskLevel = VocabValue<typeof riskLevels>;

/** The three risk assessments a board holds, each replaced whole (LWW). */
export const riskAssessmentKinds = defineVocabulary('riskAssessment', {
  sash: { nl: 'SASH-screening (politie)', en: 'SASH screening (police)' },
  vt: { nl: 'Veiligheidstaxatie (Veilig Thuis)', en: 'Safety assessment (Veilig Thuis)' },
  chair: { nl: 'Oordeel procesregisseur', en: "Process director's judgement" },
});
export type RiskAssessmentKind = VocabValue<typeof riskAssessmentKinds>;

/** What a timeline event records. */
export const timelineTypes = defineVocabulary('timelineType', {
  incident: { nl: 'Incident', en: 'Incident' },
  overtreding: { nl: 'Overtreding voorwaarden', en: 'Violation of conditions' },
  escalatie: { nl: 'Escalatie', en: 'Escalation' },
  besluit: { nl: 'Besluit', en: 'Decision' },
  overig: { nl: 'Overig', en: 'Other' },
});
export type TimelineType = VocabValue<typeof timelineTypes>;

/** Escalation lines, lowest first. */
export const escalationLevels = defineVocabulary('escalationLevel', {
  operationeel: { nl: 'Operationeel', en: 'Operational' },
  tactisch: { nl: 'Tactisch', en: 'Tactical' },
  bestuurlijk: { nl: 'Bestuurlijk', en: 'Administrative' },
});
export type EscalationLevel = VocabValue<typeof escalationLevels>;
