// Fictional minutes for tests, benchmarks and demos. Every name, case and place
// here is invented; "Bĳlsma" is spelled with the ĳ ligature (U+0133) on purpose.
import type { Attendee, MinutesData, MinutesItem, Organisation, RichBlock } from '../model';

/** The region's organisations as the server lists them. */
export const ORGANISATIONS: Organisation[] = [
  { id: 'zvh', name: 'Zorg- en Veiligheidshuis' },
  { id: 'vt', name: 'Veilig Thuis' },
  { id: 'politie', name: 'Politie' },
  { id: 'om', name: 'Openbaar Ministerie' },
  { id: 'rn', name: 'Reclassering' },
  { id: 'shn', name: 'Slachtofferhulp Nederland' },
  { id: 'gemeente', name: 'Gemeente (wijkteam)' },
];

const orgName = (id: string): string => ORGANISATIONS.find((org) => org.id === id)?.name ?? id;

const attendance: Attendee[] = [
  { name: 'Fenna Jansen-Bĳlsma', org: 'zvh', orgName: orgName('zvh'), status: 'aanwezig' },
  { name: 'Ruud van IJzendoorn', org: 'zvh', orgName: orgName('zvh'), status: 'aanwezig' },
  { name: 'Samira el Fictief', org: 'vt', orgName: orgName('vt'), status: 'aanwezig' },
  { name: 'Kees Verzonnen', org: 'politie', orgName: orgName('politie'), status: 'aanwezig' },
  { name: 'Mr. Ilse Testvrouw', org: 'om', orgName: orgName('om'), status: 'afgemeld' },
  { name: 'Bram Voorbeeld', org: 'rn', orgName: orgName('rn'), status: 'aanwezig' },
  { name: 'Lotte Proefpersoon', org: 'shn', orgName: orgName('shn'), status: 'afwezig' },
  { name: 'Youssef Denkbeeld', org: 'gemeente', orgName: orgName('gemeente'), status: 'aanwezig' },
];

const p = (text: string): RichBlock => ({ kind: 'paragraph', runs: [{ text }] });

/** A realistic agenda item; `n` varies ids, labels and dates. */
export function fictionalItem(n: number): MinutesItem {
  const label = `Casus ${['Zilverreiger', 'Kievit', 'Grutto', 'Tureluur', 'Lepelaar', 'Aalscholver'][n % 6]} ${n + 1}`;
  const day = String((n % 27) + 1).padStart(2, '0');
  return {
    caseId: `case:fict${String(n).padStart(4, '0')}aaaabbbb`,
    caseLabel: label,
    summary: [
      p(
        'Zeer hoog risico volgens SASH (score boven de drempel); de VT-veiligheidsbeoordeling bevestigt het beeld. ' +
          'Pleger overtreedt het contactverbod herhaaldelijk via berichten en verschijnt bij de woning in IJsselmonde.',
      ),
    ],
    notes: [
      { kind: 'heading', text: 'Stand van zaken' },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Sinds het vorige overleg zijn ' },
          { text: 'drie nieuwe meldingen', bold: true },
          { text: ' binnengekomen. De gedragsaanwijzing loopt; de meldplicht wordt ' },
          { text: 'wisselend', italic: true },
          { text: ' nageleefd.' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ text: 'AWARE-alarm is uitgereikt en getest.' }],
          [{ text: 'Stalking-app wordt door betrokkene gebruikt als digitaal logboek.' }],
          [{ text: 'Enkelband: advies Reclassering volgt binnen twee weken.' }],
        ],
      },
    ],
    decisions: [
      'Politie registreert elke overtreding direct en meldt deze aan het OM (zaakskoppel).',
      'De procesregisseur escaleert naar tactisch niveau als het advies over de enkelband uitblijft.',
    ],
    safetyPlan: [
      {
        sectionTitle: 'Situatie en risico',
        blocks: [p('Zeer hoog risico. Escalatie na beëindiging van de relatie; dreigende berichten via sociale media.')],
      },
      {
        sectionTitle: 'Afspraken met slachtoffer',
        blocks: [
          {
            kind: 'list',
            ordered: true,
            items: [
              [{ text: 'Bij dreiging direct 112 bellen en het AWARE-alarm gebruiken.' }],
              [{ text: 'Incidenten vastleggen in de stalking-app.' }],
            ],
          },
        ],
      },
      {
        sectionTitle: 'Signalen en wat ieder dan doet',
        blocks: [p('Verschijnen bij woning of school: politie rijdt met voorrang aan; VT informeert de jurist van SHN.')],
      },
    ],
    actions: [
      {
        description: 'Advies over enkelband (elektronische monitoring) opstellen',
        ownerName: 'Bram Voorbeeld',
        ownerOrg: 'rn',
        ownerOrgName: orgName('rn'),
        due: `2026-04-${day}`,
        statusLabel: 'Open',
      },
      {
        description: 'Overtredingen gedragsaanwijzing bundelen voor het OM',
        ownerName: 'Kees Verzonnen',
        ownerOrg: 'politie',
        ownerOrgName: orgName('politie'),
        due: `2026-03-${day}`,
        statusLabel: 'In behandeling',
      },
      {
        description: 'Veiligheidsplan bespreken met betrokkene en jurist koppelen',
        ownerName: 'Samira el Fictief',
        ownerOrg: 'vt',
        ownerOrgName: orgName('vt'),
        due: `2026-03-${day}`,
        statusLabel: 'Open',
      },
    ],
    withheld: [{ orgName: orgName('om'), text: 'Er is informatie uit een lopend onderzoek die nu niet gedeeld kan worden.' }],
  };
}

/** Approved minutes with `itemCount` agenda items (about 2 pages per 3 items). */
export function fictionalMinutes(itemCount = 3): MinutesData {
  return {
    documentId: 'meeting:fictief00000001/v1',
    region: 'Rotterdam-Rijnmond (fictief)',
    meetingTypeLabel: 'Themakamer HG/KM',
    start: '2026-03-12T09:30:00+01:00',
    location: 'Zorg- en Veiligheidshuis, zaal IJssel (fictief)',
    chair: { name: 'Fenna Jansen-Bĳlsma', org: 'zvh', orgName: orgName('zvh') },
    secretary: { name: 'Ruud van IJzendoorn', org: 'zvh', orgName: orgName('zvh') },
    attendance,
    version: 1,
    status: 'vastgesteld',
    approvedAt: '2026-03-12T12:05:00+01:00',
    approvedBy: 'Fenna Jansen-Bĳlsma',
    organisations: ORGANISATIONS,
    items: Array.from({ length: itemCount }, (_, n) => fictionalItem(n)),
  };
}
