/**
 * Six fictional cases with filled boards. Dates are relative to the day the demo runs,
 * so "expiring soon", "expired" and "overdue" stay true whenever it is generated.
 * Persons have obviously invented names; addresses are on fictional streets.
 */
import type { ActionStatus } from '../../renderer/src/domain/actionVocabulary';
import type { CaseStatus, CaseType, EscalationLevel, MeasureKind, Municipality, PersonRole, RiskAssessmentKind, RiskLevel, TimelineType } from '../../renderer/src/domain/caseVocabulary';
import type { RichBlock } from '../../renderer/src/domain/richText';
import type { SafetyPlanSectionKey } from '../../renderer/src/domain/safetyPlanSections';

/** Days from the demo's today. */
type Offset = number;

/** Where an action was agreed: a plan section, or the past (approved) meeting. */
export type DemoActionSource = { section: SafetyPlanSectionKey } | 'past-meeting' | null;

/** One case as the demo writes it. */
export interface DemoCase {
  key: string;
  label: string;
  caseNumber: string;
  type: CaseType;
  status: CaseStatus;
  municipality: Municipality;
  /** Partners with access besides the procesregisseur and the secretary (need-to-know). */
  partners: readonly { username: string; access: 'edit' | 'view' }[];
  persons: readonly { role: PersonRole; name: string; birthYear?: number; address?: string; note?: string; knownBy?: string[] }[];
  risk: Partial<Record<RiskAssessmentKind, { level: RiskLevel; offset: Offset; by: string; note?: string }>>;
  measures: readonly { kind: MeasureKind; start: Offset; end: Offset | null; note?: string; by: string }[];
  contacts: readonly { org: string; username?: string; name: string; function: string; phone?: string }[];
  timeline: readonly { offset: Offset; type: TimelineType; text: string; level?: EscalationLevel; by: string }[];
  plan: Partial<Record<SafetyPlanSectionKey, RichBlock[]>>;
  actions: readonly { description: string; owner: string; due: Offset; status: ActionStatus; source: DemoActionSource }[];
}

const p = (...texts: string[]): RichBlock => ({ kind: 'paragraph', runs: texts.map((text, index) => (index % 2 === 1 ? { text, bold: true } : { text })) });
const list = (...items: string[]): RichBlock => ({ kind: 'list', ordered: false, items: items.map((text) => [{ text }]) });
const steps = (...items: string[]): RichBlock => ({ kind: 'list', ordered: true, items: items.map((text) => [{ text }]) });

const zilverreiger: DemoCase = {
  key: 'zilverreiger',
  label: 'Casus Zilverreiger',
  caseNumber: 'ZVH-2026-011',
  municipality: 'rotterdam',
  type: 'ex-partnerstalking',
  status: 'in-behandeling',
  partners: [
    { username: 'vera.veilig', access: 'edit' }, { username: 'koen.kordaat', access: 'edit' },
    { username: 'olga.officier', access: 'edit' }, { username: 'sara.steun', access: 'edit' },
    { username: 'rik.reclassering', access: 'edit' },
  ],
  persons: [
    { role: 'slachtoffer', name: 'Anna Voorbeeld (fictief)', birthYear: 1991, address: 'Verzonnenlaan 12, Voorbeeldstad', knownBy: ['vt', 'politie', 'shn'] },
    { role: 'verdachte', name: 'Bart Bedacht (fictief)', birthYear: 1988, note: 'Eerder veroordeeld voor bedreiging (fictief).', knownBy: ['politie', 'om', 'rn'] },
    { role: 'kind', name: 'Kim Voorbeeld (fictief)', birthYear: 2018, knownBy: ['vt'] },
  ],
  risk: {
    sash: { level: 'hoog', offset: -40, by: 'koen.kordaat', note: 'Score boven de drempel; dreigende berichten.' },
    vt: { level: 'hoog', offset: -35, by: 'vera.veilig' },
    chair: { level: 'hoog', offset: -14, by: 'paula.procesregie', note: 'Blijft hoog zolang het contactverbod wordt overtreden.' },
  },
  measures: [
    { kind: 'contactverbod', start: -60, end: 5, by: 'olga.officier', note: 'Verlenging aangevraagd.' },
    { kind: 'locatieverbod', start: -60, end: -3, by: 'olga.officier', note: 'Verlopen; besluit over verlenging nodig.' },
    { kind: 'gedragsaanwijzing', start: -30, end: 60, by: 'olga.officier' },
    { kind: 'aware', start: -28, end: null, by: 'koen.kordaat' },
    { kind: 'stalking-app', start: -28, end: null, by: 'vera.veilig' },
  ],
  contacts: [
    { org: 'politie', username: 'koen.kordaat', name: 'Koen Kordaat (fictief)', function: 'casusregisseur', phone: '0800-000 0001 (fictief)' },
    { org: 'om', username: 'olga.officier', name: 'Olga Officier (fictief)', function: 'zaakskoppel' },
    { org: 'vt', username: 'vera.veilig', name: 'Vera Veilig (fictief)', function: 'procesregisseur Veilig Thuis' },
    { org: 'shn', username: 'sara.steun', name: 'Sara Steun (fictief)', function: 'jurist' },
  ],
  timeline: [
    { offset: -45, type: 'incident', text: 'Melding van dreigende berichten via sociale media.', by: 'koen.kordaat' },
    { offset: -20, type: 'overtreding', text: 'Contactverbod overtreden: verdachte wachtte bij de school.', by: 'koen.kordaat' },
    { offset: -14, type: 'besluit', text: 'Casusoverleg: OM vordert snelle behandeling.', by: 'paula.procesregie' },
    { offset: -6, type: 'escalatie', level: 'tactisch', text: 'Advies over elektronische monitoring blijft uit; escalatie naar tactisch niveau.', by: 'paula.procesregie' },
  ],
  plan: {
    'situatie-en-risico': [p('Hoog risico na het beëindigen van de relatie. ', 'Herhaalde overtreding van het contactverbod', '; dreigende berichten en verschijnen bij de school.')],
    'minimale-veiligheidsvoorwaarden': [list('Geen enkel contact van verdachte met slachtoffer of kind.', 'Verdachte komt niet in de wijk van slachtoffer.')],
    'afspraken-met-slachtoffer': [steps('Bij dreiging direct 112 bellen en het AWARE-alarm gebruiken.', 'Elk incident vastleggen in de stalking-app.', 'Wekelijks contact met de jurist van Slachtofferhulp.')],
    'beschermende-maatregelen': [p('Contactverbod en gedragsaanwijzing lopen; het locatieverbod is verlopen en moet opnieuw worden opgelegd.')],
    'interventies-verdachte': [p('Reclassering onderzoekt elektronische monitoring en verwijst naar plegerhulp.')],
    'signalen-en-wie-wat-doet': [list('Verschijnen bij woning of school: politie rijdt met voorrang aan.', 'Nieuwe berichten: Veilig Thuis informeert de jurist en de procesregisseur.')],
    'monitoring-en-evaluatie': [p('Volgende evaluatie in de themakamer van volgende week.')],
  },
  actions: [
    { description: 'Overtredingen van het contactverbod bundelen voor het OM', owner: 'koen.kordaat', due: -6, status: 'open', source: 'past-meeting' },
    { description: 'Verlenging locatieverbod vorderen', owner: 'olga.officier', due: -2, status: 'bezig', source: 'past-meeting' },
    { description: 'Advies elektronische monitoring (enkelband) opstellen', owner: 'rik.reclassering', due: 4, status: 'open', source: { section: 'interventies-verdachte' } },
    { description: 'Veiligheidsplan doorlopen met slachtoffer en jurist', owner: 'vera.veilig', due: -10, status: 'gedaan', source: { section: 'afspraken-met-slachtoffer' } },
  ],
};

const kievit: DemoCase = {
  key: 'kievit',
  label: 'Casus Kievit',
  caseNumber: 'ZVH-2026-012',
  municipality: 'schiedam',
  type: 'ex-partnerstalking',
  status: 'monitoring',
  partners: [{ username: 'rik.reclassering', access: 'edit' }, { username: 'koen.kordaat', access: 'edit' }, { username: 'vera.veilig', access: 'edit' }],
  persons: [
    { role: 'slachtoffer', name: 'Carla Denkbeeld (fictief)', birthYear: 1979, address: 'Proefstraat 3, Voorbeeldstad' },
    { role: 'verdachte', name: 'Daan Nepnaam (fictief)', birthYear: 1975 },
  ],
  risk: {
    sash: { level: 'gemiddeld', offset: -90, by: 'koen.kordaat' },
    chair: { level: 'gemiddeld', offset: -14, by: 'paula.procesregie', note: 'Stabiel sinds de enkelband.' },
  },
  measures: [
    { kind: 'enkelband', start: -50, end: 40, by: 'rik.reclassering' },
    { kind: 'contactverbod', start: -50, end: 130, by: 'olga.officier' },
  ],
  contacts: [
    { org: 'rn', username: 'rik.reclassering', name: 'Rik Reclassering (fictief)', function: 'toezichthouder' },
    { org: 'politie', username: 'koen.kordaat', name: 'Koen Kordaat (fictief)', function: 'casusregisseur' },
  ],
  timeline: [
    { offset: -50, type: 'besluit', text: 'Enkelband opgelegd als bijzondere voorwaarde.', by: 'rik.reclassering' },
    { offset: -21, type: 'incident', text: 'Enkelband meldt een korte zoneovertreding; verklaard en afgehandeld.', by: 'rik.reclassering' },
  ],
  plan: {
    'situatie-en-risico': [p('Risico gemiddeld en stabiel sinds de elektronische monitoring.')],
    'interventies-verdachte': [p('Toezicht Reclassering met wekelijkse meldplicht; behandeling bij de forensische polikliniek (fictief).')],
    'monitoring-en-evaluatie': [p('Evaluatie zes weken voor het einde van de enkelband.')],
  },
  actions: [
    { description: 'Rapportage naleving bijzondere voorwaarden', owner: 'rik.reclassering', due: -2, status: 'open', source: 'past-meeting' },
    { description: 'Slachtoffer informeren over einddatum enkelband', owner: 'vera.veilig', due: 10, status: 'open', source: 'past-meeting' },
  ],
};

const grutto: DemoCase = {
  key: 'grutto',
  label: 'Casus Grutto',
  caseNumber: 'ZVH-2026-013',
  municipality: 'rotterdam',
  type: 'huiselijk-geweld',
  status: 'aangemeld',
  partners: [{ username: 'vera.veilig', access: 'edit' }, { username: 'wim.wijkteam', access: 'edit' }, { username: 'koen.kordaat', access: 'edit' }, { username: 'wanda.waarnemer', access: 'view' }],
  persons: [
    { role: 'slachtoffer', name: 'Eva Verzinsel (fictief)', birthYear: 1994, address: 'Nergensweg 8, Voorbeeldstad' },
    { role: 'verdachte', name: 'Frits Fantasie (fictief)', birthYear: 1990 },
    { role: 'kind', name: 'Gijs Verzinsel (fictief)', birthYear: 2016 },
    { role: 'kind', name: 'Hanna Verzinsel (fictief)', birthYear: 2020 },
  ],
  risk: { vt: { level: 'hoog', offset: -4, by: 'vera.veilig', note: 'Kinderen getuige van geweld.' } },
  measures: [{ kind: 'huisverbod', start: -20, end: -10, by: 'koen.kordaat', note: 'Verlopen; niet verlengd.' }],
  contacts: [
    { org: 'vt', username: 'vera.veilig', name: 'Vera Veilig (fictief)', function: 'procesregisseur Veilig Thuis' },
    { org: 'gemeente', username: 'wim.wijkteam', name: 'Wim Wijkteam (fictief)', function: 'wijkteammedewerker' },
  ],
  timeline: [
    { offset: -20, type: 'incident', text: 'Huiselijk geweld in aanwezigheid van de kinderen; huisverbod opgelegd.', by: 'koen.kordaat' },
    { offset: -3, type: 'overig', text: 'Aangemeld voor de themakamer door Veilig Thuis.', by: 'vera.veilig' },
  ],
  plan: {
    'situatie-en-risico': [p('Huisverbod is verlopen; betrokkene is terug in huis. ', 'Kinderen in beeld', '.')],
    'hulp-en-ondersteuning': [list('Wijkteam start ambulante hulp voor het gezin.', 'Steunpunt voor de kinderen via school (fictief).')],
  },
  actions: [
    { description: 'Huisbezoek en veiligheidscheck kinderen', owner: 'wim.wijkteam', due: 3, status: 'open', source: { section: 'hulp-en-ondersteuning' } },
    { description: 'Veiligheidstaxatie actualiseren', owner: 'vera.veilig', due: -1, status: 'bezig', source: { section: 'situatie-en-risico' } },
  ],
};

const tureluur: DemoCase = {
  key: 'tureluur',
  label: 'Casus Tureluur',
  caseNumber: 'ZVH-2026-014',
  municipality: 'dordrecht',
  type: 'ex-partnerstalking',
  status: 'in-behandeling',
  partners: [{ username: 'koen.kordaat', access: 'edit' }, { username: 'olga.officier', access: 'edit' }, { username: 'sara.steun', access: 'edit' }, { username: 'vera.veilig', access: 'edit' }],
  persons: [
    { role: 'slachtoffer', name: 'Iris Illustratie (fictief)', birthYear: 1986, address: 'Denkbeeldhof 21, Voorbeeldstad' },
    { role: 'verdachte', name: 'Joris Janssen-Nep (fictief)', birthYear: 1983 },
  ],
  risk: {
    sash: { level: 'hoog', offset: -25, by: 'koen.kordaat' },
    vt: { level: 'hoog', offset: -22, by: 'vera.veilig' },
  },
  measures: [
    { kind: 'camera', start: -18, end: 70, by: 'koen.kordaat' },
    { kind: 'beschermingsbevel', start: -15, end: 350, by: 'olga.officier' },
  ],
  contacts: [
    { org: 'politie', username: 'koen.kordaat', name: 'Koen Kordaat (fictief)', function: 'casusregisseur' },
    { org: 'shn', username: 'sara.steun', name: 'Sara Steun (fictief)', function: 'jurist' },
  ],
  timeline: [
    { offset: -25, type: 'incident', text: 'Verdachte volgt slachtoffer met de auto; SASH afgenomen.', by: 'koen.kordaat' },
    { offset: -9, type: 'escalatie', level: 'bestuurlijk', text: 'Geen plek in de plegerhulp binnen zes weken; bestuurlijke escalatie naar de gemeente.', by: 'paula.procesregie' },
  ],
  plan: {
    'situatie-en-risico': [p('Hoog risico; volggedrag met de auto.')],
    'beschermende-maatregelen': [p('Camera bij de woning; beschermingsbevel voor een jaar.')],
    'interventies-verdachte': [p('Aanmelding plegerhulp; wachttijd is het knelpunt (zie escalatie).')],
    'signalen-en-wie-wat-doet': [list('Auto van verdachte in de straat: 112 en melding aan de casusregisseur.')],
  },
  actions: [
    { description: 'Plek in plegerhulp regelen via de gemeente', owner: 'paula.procesregie', due: -4, status: 'open', source: 'past-meeting' },
    { description: 'Slachtoffer informeren over het beschermingsbevel', owner: 'sara.steun', due: -12, status: 'gedaan', source: 'past-meeting' },
  ],
};

const lepelaar: DemoCase = {
  key: 'lepelaar',
  label: 'Casus Lepelaar',
  caseNumber: 'ZVH-2026-015',
  municipality: 'vlaardingen',
  type: 'kindermishandeling',
  status: 'in-behandeling',
  partners: [{ username: 'vera.veilig', access: 'edit' }, { username: 'wim.wijkteam', access: 'edit' }, { username: 'wanda.waarnemer', access: 'view' }],
  persons: [
    { role: 'kind', name: 'Lotte Luchtkasteel (fictief)', birthYear: 2014 },
    { role: 'overig', name: 'Marco Luchtkasteel (fictief)', birthYear: 1982, note: 'Vader (fictief).' },
  ],
  risk: { vt: { level: 'gemiddeld', offset: -12, by: 'vera.veilig' } },
  measures: [],
  contacts: [{ org: 'vt', username: 'vera.veilig', name: 'Vera Veilig (fictief)', function: 'procesregisseur Veilig Thuis' }],
  timeline: [{ offset: -12, type: 'incident', text: 'Zorgmelding van school over blauwe plekken.', by: 'vera.veilig' }],
  plan: {
    'situatie-en-risico': [p('Zorgen over fysieke mishandeling; school signaleert.')],
    'hulp-en-ondersteuning': [p('Opvoedondersteuning via het wijkteam.')],
  },
  actions: [
    { description: 'Gesprek met school en jeugdarts plannen', owner: 'wim.wijkteam', due: 6, status: 'open', source: null },
  ],
};

const aalscholver: DemoCase = {
  key: 'aalscholver',
  label: 'Casus Aalscholver',
  caseNumber: 'ZVH-2025-098',
  municipality: 'rotterdam',
  type: 'anders',
  status: 'afgesloten',
  partners: [{ username: 'vera.veilig', access: 'view' }],
  persons: [{ role: 'slachtoffer', name: 'Noor Naamloos (fictief)', birthYear: 1969 }],
  risk: { chair: { level: 'laag', offset: -60, by: 'paula.procesregie' } },
  measures: [{ kind: 'anders', start: -200, end: -60, by: 'paula.procesregie', note: 'Afspraak met woningcorporatie (fictief).' }],
  contacts: [],
  timeline: [{ offset: -60, type: 'besluit', text: 'Casus afgesloten: risico laag, hulp geborgd.', by: 'paula.procesregie' }],
  plan: { 'monitoring-en-evaluatie': [p('Afgesloten; terugkoppeling aan Veilig Thuis bij nieuwe meldingen.')] },
  actions: [
    { description: 'Eindverslag naar Veilig Thuis sturen', owner: 'paula.procesregie', due: -55, status: 'gedaan', source: null },
  ],
};

/** The six cases, in the order they are created. */
export const demoCases: readonly DemoCase[] = [zilverreiger, kievit, grutto, tureluur, lepelaar, aalscholver];
