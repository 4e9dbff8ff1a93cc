/**
 * The monitor's figures (docs/design.md "Monitor"), computed from the monitor index for one
 * period and area. Pure: the index's rows in, figures out. Every figure has a stable id, a
 * Dutch label and a one-line Dutch definition (what is counted, at which date). Counts only:
 * nothing here names a person, a case label or a case number.
 */
import { actionStatuses } from '../../../renderer/src/domain/actionVocabulary';
import { caseStatuses, caseTypes, escalationLevels, measureKinds, municipalities, riskAssessmentKinds, riskLevels } from '../../../renderer/src/domain/caseVocabulary';
import { meetingTypes } from '../../../renderer/src/domain/meetingVocabulary';
import type { CaseFacts, MeetingFacts, RoomFacts } from './monitor-index';

/** One figure: a count, or a median with the number of cases it rests on. */
export interface Figure { id: string; group: string; label: string; definition: string; value: number | null; basis?: number }
/** A figure as it leaves the server: counts 1–4 may be replaced by "< 5". */
export interface ShownFigure extends Omit<Figure, 'value'> { value: number | null | '< 5' }

/** The period and area asked for. */
export interface MonitorQuery { from: string; to: string; at: string; municipality: string | null }

/** Case types counted as domestic violence (huiselijk geweld) in "unique persons HG". */
export const domesticViolenceTypes: readonly string[] = ['huiselijk-geweld', 'ex-partnerstalking'];

/** The threshold below which counts are suppressed outside the ZVH (docs/privacy.md). */
export const suppressBelow = 5;

const labelOf = (vocab: { label(value: string, language: 'nl' | 'en'): string; is(value: unknown): boolean }, value: string): string =>
  vocab.is(value) ? vocab.label(value, 'nl') : value;

const inPeriod = (date: string | null, q: MonitorQuery): boolean => date !== null && date >= q.from && date <= q.to;
const dayOf = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null);
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Computes every figure; `orgName` names the organisations that own actions. */
export function computeFigures(rows: Map<string, RoomFacts>, closures: Map<string, string>, q: MonitorQuery, orgName: (org: string) => string): Figure[] {
  const allCases = new Map<string, CaseFacts>();
  const meetings: MeetingFacts[] = [];
  for (const [room, facts] of rows) {
    if (facts.kind === 'case') allCases.set(room, facts);
    else meetings.push(facts);
  }
  const cases = new Map([...allCases].filter(([, facts]) => q.municipality === null || facts.municipality === q.municipality));
  const figures: Figure[] = [];
  const add = (id: string, group: string, label: string, definition: string, value: number | null, basis?: number): void => {
    figures.push(basis === undefined ? { id, group, label, definition, value } : { id, group, label, definition, value, basis });
  };

  // Meetings held in the period and the cases (of the area) they discussed.
  const held = meetings.filter((m) => inPeriod(dayOf(m.start), q)).map((m) => ({ ...m, day: dayOf(m.start)!, inArea: m.cases.filter((room) => cases.has(room)) }));
  const discussed = new Set(held.flatMap((m) => m.inArea));

  // Persons.
  const uniqueKeys = (filter: (facts: CaseFacts) => boolean): number =>
    new Set([...discussed].flatMap((room) => { const facts = cases.get(room)!; return filter(facts) ? facts.persons.map((p) => p.key) : []; })).size;
  add('personen.uniek', 'personen', 'Unieke personen besproken', 'Verschillende personen in casussen die in de periode in een gehouden overleg zijn besproken (dezelfde naam en hetzelfde geboortejaar tellen één keer).', uniqueKeys(() => true));
  add('personen.uniek-hg', 'personen', 'Unieke personen besproken, huiselijk geweld', 'Als hierboven, alleen casussen van het type huiselijk geweld of ex-partnerstalking.', uniqueKeys((facts) => facts.type !== null && domesticViolenceTypes.includes(facts.type)));

  // Cases.
  const created = [...cases.values()].filter((facts) => inPeriod(facts.createdAt, q));
  add('casussen.nieuw', 'casussen', 'Nieuwe casussen', 'Casussen aangemaakt in de periode.', created.length);
  for (const type of caseTypes.values) {
    add(`casussen.nieuw.${type}`, 'casussen', `Nieuwe casussen: ${labelOf(caseTypes, type)}`, `Casussen van dit type aangemaakt in de periode.`, created.filter((facts) => facts.type === type).length);
  }
  const existing = [...cases.entries()].filter(([, facts]) => facts.createdAt !== null && facts.createdAt <= q.at);
  for (const status of caseStatuses.values) {
    add(`casussen.status.${status}`, 'casussen', `Casussen met status ${labelOf(caseStatuses, status).toLowerCase()}`, 'Casussen aangemaakt tot en met de peildatum, naar hun huidige status.', existing.filter(([, facts]) => facts.status === status).length);
  }
  add('casussen.lopend', 'casussen', 'Lopende complexe casussen', 'Casussen aangemaakt op of voor de peildatum en op de peildatum niet afgesloten.',
    existing.filter(([room]) => { const closed = closures.get(room); return closed === undefined || closed > q.at; }).length);

  // Risk screenings.
  const screenings = [...cases.values()].flatMap((facts) => facts.risk).filter((r) => inPeriod(r.date, q));
  for (const kind of riskAssessmentKinds.values) {
    for (const level of riskLevels.values) {
      add(`screening.${kind}.${level}`, 'screenings', `${labelOf(riskAssessmentKinds, kind)}: ${labelOf(riskLevels, level).toLowerCase()}`, 'Risicotaxaties van deze soort met dit niveau, gedateerd in de periode (de laatste taxatie per casus).',
        screenings.filter((r) => r.kind === kind && r.level === level).length);
    }
  }

  // Measures.
  const measures = [...cases.values()].flatMap((facts) => facts.measures);
  for (const kind of measureKinds.values) {
    const ofKind = measures.filter((m) => m.kind === kind);
    add(`maatregelen.lopend.${kind}`, 'maatregelen', `Lopend: ${labelOf(measureKinds, kind)}`, 'Maatregelen van deze soort die op de peildatum gelden (begonnen, nog niet geëindigd).',
      ofKind.filter((m) => m.start <= q.at && (m.end === null || m.end >= q.at)).length);
    add(`maatregelen.gestart.${kind}`, 'maatregelen', `Gestart: ${labelOf(measureKinds, kind)}`, 'Maatregelen van deze soort met een begindatum in de periode.', ofKind.filter((m) => inPeriod(m.start, q)).length);
  }

  // Meetings.
  for (const type of meetingTypes.values) {
    const ofType = held.filter((m) => m.type === type && (q.municipality === null || m.inArea.length > 0));
    add(`overleggen.${type}`, 'overleggen', `Overleggen: ${labelOf(meetingTypes, type)}`, 'Overleggen van dit type met een begindatum in de periode (bij een gemeente: met minstens één casus uit die gemeente).', ofType.length);
    add(`besproken.${type}`, 'overleggen', `Besproken casussen: ${labelOf(meetingTypes, type)}`, 'Agendapunten (casussen) in die overleggen; een casus in twee overleggen telt twee keer.', ofType.reduce((sum, m) => sum + m.inArea.length, 0));
  }

  // Actions per organisation.
  const actions = [...cases.values()].flatMap((facts) => facts.actions);
  const orgs = [...new Set(actions.map((a) => a.ownerOrg ?? 'onbekend'))].sort();
  const openStatuses: readonly string[] = ['open', 'bezig'];
  for (const org of orgs) {
    const own = actions.filter((a) => (a.ownerOrg ?? 'onbekend') === org);
    const name = org === 'onbekend' ? 'organisatie onbekend' : orgName(org);
    add(`acties.geopend.${org}`, 'acties', `Acties geopend: ${name}`, 'Acties van deze organisatie aangemaakt in de periode.', own.filter((a) => inPeriod(a.createdAt, q)).length);
    add(`acties.gedaan.${org}`, 'acties', `Acties gedaan: ${name}`, `Acties van deze organisatie die in de periode de status ${labelOf(actionStatuses, 'gedaan').toLowerCase()} kregen (zoals de server het zag).`, own.filter((a) => inPeriod(a.doneAt, q)).length);
    const open = own.filter((a) => openStatuses.includes(a.status) && a.createdAt !== null && a.createdAt <= q.at);
    add(`acties.open.${org}`, 'acties', `Acties open: ${name}`, 'Acties van deze organisatie aangemaakt tot en met de peildatum die nu open of bezig zijn.', open.length);
    add(`acties.verlopen.${org}`, 'acties', `Acties over de termijn: ${name}`, 'Van die open acties: deadline voor de peildatum.', open.filter((a) => a.due !== null && a.due < q.at).length);
  }

  // Days from a high risk screening to the first discussion.
  const waits: number[] = [];
  for (const [room, facts] of cases) {
    const high = facts.risk.filter((r) => r.level === 'hoog' && inPeriod(r.date, q)).map((r) => r.date).sort()[0];
    if (!high) continue;
    const first = meetings.filter((m) => m.cases.includes(room)).map((m) => dayOf(m.start)).filter((d): d is string => d !== null && d >= high).sort()[0];
    if (first) waits.push(daysBetween(high, first));
  }
  waits.sort((a, b) => a - b);
  const median = waits.length === 0 ? null : waits.length % 2 === 1 ? waits[(waits.length - 1) / 2]! : (waits[waits.length / 2 - 1]! + waits[waits.length / 2]!) / 2;
  add('doorlooptijd.hoog-tot-bespreking', 'doorlooptijd', 'Mediaan dagen van hoog risico tot bespreking',
    'Per casus met een taxatie "hoog" in de periode: dagen van de eerste zo\'n taxatie tot het eerste overleg daarna waarin de casus is besproken; de mediaan over die casussen.', median, waits.length);

  // Escalations.
  const escalations = [...cases.values()].flatMap((facts) => facts.escalations).filter((e) => inPeriod(e.date, q));
  for (const level of escalationLevels.values) {
    add(`escalaties.${level}`, 'escalaties', `Escalaties: ${labelOf(escalationLevels, level).toLowerCase()}`, 'Escalaties op dit niveau, gedateerd in de periode.', escalations.filter((e) => e.level === level).length);
  }
  return figures;
}

/** Applies the "< 5" rule: counts 1–4 (and a median resting on 1–4 cases) are not shown. */
export function suppress(figures: Figure[]): ShownFigure[] {
  return figures.map((figure) => {
    const count = figure.basis ?? figure.value;
    return count !== null && count >= 1 && count < suppressBelow ? { ...figure, value: '< 5' } : figure;
  });
}

/** The municipality names, for the area choice. */
export const municipalityChoices = (): { id: string; name: string }[] => municipalities.values.map((id) => ({ id, name: municipalities.label(id, 'nl') }));
