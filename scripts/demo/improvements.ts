/**
 * The demo region's improvement measures ("Verbetermaatregelen"): fictional measures of the
 * kinds a regional approach to (ex-)partner stalking keeps — training, risk screening, one
 * contact point per case, escalation agreements, pilots with new tools — written for this
 * demo, not taken from any real monitor. `later` is what changed after the first review.
 */
import type * as Y from 'yjs';
import { addImprovement, improvementText, updateImprovement, type ImprovementInput, type ImprovementStatus } from '../../renderer/src/collab/improvements';
import { appendBlocks } from '../../renderer/src/collab/richText';
import type { RichBlock } from '../../renderer/src/domain/richText';

/** One demo measure. */
export interface DemoImprovement extends ImprovementInput {
  progress: string[];
  bottlenecks: string[];
  /** After the first review moment: a new status and a line added to the progress. */
  later?: { status: ImprovementStatus; progress: string };
}

const paragraphs = (lines: readonly string[]): RichBlock[] => lines.map((text) => ({ kind: 'paragraph', runs: [{ text }] }));

/** The demo's measures. */
export const demoImprovements: readonly DemoImprovement[] = [
  {
    title: 'Gezamenlijke werkwijze stalking invoeren bij alle partners', phase: 'herkennen', status: 'lopend', org: 'zvh',
    progress: ['De werkwijze is vastgesteld in de stuurgroep. Drie van de vijf partners werken er al mee.', 'Reclassering en wijkteam volgen in het najaar.'],
    bottlenecks: ['De invoering vraagt scholing bij partners met veel verloop.'],
    later: { status: 'gerealiseerd', progress: 'Alle partners werken sinds de laatste review volgens de werkwijze.' },
  },
  {
    title: 'Vaste scholing herkennen van stalking voor nieuwe medewerkers', phase: 'herkennen', status: 'gepland', org: 'vt',
    progress: ['Een leergang van twee dagdelen is ontworpen; de eerste groep start na de zomer.'],
    bottlenecks: [],
  },
  {
    title: 'Risicoscreening bij elke melding van stalking', phase: 'risico', status: 'lopend', org: 'politie',
    progress: ['Het aantal ingevulde screenings wordt maandelijks gevolgd en besproken in het themaoverleg.'],
    bottlenecks: ['Het aantal screenings met een hoog risico stijgt sterk; de beoordeling kost alle partners veel tijd.'],
  },
  {
    title: 'Slachtoffer krijgt vanaf de start één vast aanspreekpunt', phase: 'risico', status: 'gerealiseerd', org: 'shn',
    progress: ['Bij elke casus met hoog risico wordt direct een juridisch medewerker gekoppeld.'],
    bottlenecks: [],
  },
  {
    title: 'Sneller optreden bij overtreding van voorwaarden', phase: 'risico', status: 'lopend', org: 'om',
    progress: ['Een meldplicht is opgenomen in het standaardformulier voor gedragsaanwijzingen.'],
    bottlenecks: ['Een verdachte zonder vast adres is moeilijk te bereiken voor verlenging.'],
  },
  {
    title: 'Eén procesregisseur per complexe casus', phase: 'regie', status: 'gerealiseerd', org: 'zvh',
    progress: ['Elke casus in het themaoverleg heeft een procesregisseur met mandaat om door te pakken.'],
    bottlenecks: [],
  },
  {
    title: 'Wekelijkse themakamer huiselijk geweld', phase: 'regie', status: 'lopend', org: 'zvh',
    progress: ['Naast het casusoverleg komt de themakamer wekelijks bijeen voor urgente casussen.'],
    bottlenecks: ['Vaste vertegenwoordiging van alle partners lukt nog niet elke week.'],
    later: { status: 'lopend', progress: 'Sinds de review is er een vervangingsrooster per partner.' },
  },
  {
    title: 'Heldere escalatieafspraken tussen de partners', phase: 'samenwerking', status: 'gerealiseerd', org: 'gemeente',
    progress: ['De escalatieladder is vastgesteld en staat in de werkwijze.'],
    bottlenecks: [],
  },
  {
    title: 'Terugkijksessies na een casus die escaleerde', phase: 'samenwerking', status: 'lopend', org: 'zvh',
    progress: ['Twee sessies gehouden; de lessen zijn verwerkt in de werkwijze.'],
    bottlenecks: ['Partners vinden het lastig tijd vrij te maken voor sessies achteraf.'],
  },
  {
    title: 'Voorlichting wijkteams over stalking', phase: 'overig', status: 'gepland', org: 'gemeente',
    progress: ['Een informatieblad is in voorbereiding.'],
    bottlenecks: [],
  },
  {
    title: 'Proef met een digitaal logboek voor slachtoffers', phase: 'nieuw', status: 'lopend', org: 'politie',
    progress: ['Een proef in één district loopt; de koppeling met de politiesystemen wordt onderzocht.'],
    bottlenecks: ['Juridische vragen over het gebruik als bewijs zijn nog open.'],
  },
  {
    title: 'Verkenning elektronisch toezicht gekoppeld aan het slachtoffer', phase: 'nieuw', status: 'gestopt', org: 'rn',
    progress: ['Na de verkenning besloten de partners eerst de landelijke proef af te wachten.'],
    bottlenecks: [],
  },
];

/** Writes the demo measures into the board's document (as the region's process director). */
export function writeImprovements(doc: Y.Doc, username: string, now: () => Date): void {
  for (const demo of demoImprovements) {
    const id = addImprovement(doc, { title: demo.title, phase: demo.phase, status: demo.status, org: demo.org }, { username, now });
    doc.transact(() => {
      const progress = improvementText(doc, id, 'progress');
      const bottlenecks = improvementText(doc, id, 'bottlenecks');
      if (progress) appendBlocks(progress, paragraphs(demo.progress));
      if (bottlenecks) appendBlocks(bottlenecks, paragraphs(demo.bottlenecks));
    });
  }
}

/** What changed after the first review moment. */
export function writeImprovementsLater(doc: Y.Doc, username: string, now: () => Date): void {
  const byTitle = new Map<string, string>();
  for (const [key, value] of doc.getMap('measures').entries()) {
    const title = (value as Y.Map<unknown>).get('title');
    if (typeof title === 'string') byTitle.set(title, key);
  }
  for (const demo of demoImprovements) {
    const id = byTitle.get(demo.title);
    if (!demo.later || !id || !id.startsWith('improvement:')) continue;
    updateImprovement(doc, id as `improvement:${string}`, { status: demo.later.status }, { username, now });
    const progress = improvementText(doc, id as `improvement:${string}`, 'progress');
    if (progress) doc.transact(() => appendBlocks(progress, paragraphs([demo.later?.progress ?? ''])));
  }
}
