/**
 * A generated region whose true facts are known (issue 16): cases and meetings as plain
 * records, seeded and reproducible, and their case/meeting Y.Docs as the app writes them. The
 * monitor tests compare the server's figures with counts computed here from the records; the
 * monitor bench stores thousands of them. All names are fictional ("Persoon 17").
 */
import * as Y from 'yjs';

/** One generated case. */
export interface RegionCase {
  room: string;
  type: string;
  status: string;
  municipality: string;
  createdAt: string;
  persons: { id: string; role: string; name: string; birthYear: number }[];
  risk: { kind: string; level: string; date: string }[];
  measures: { kind: string; start: string; end: string | null }[];
  actions: { id: string; ownerOrg: string; due: string; status: string; createdAt: string }[];
  escalations: { level: string; date: string }[];
}
/** One generated meeting. */
export interface RegionMeeting { room: string; type: string; start: string; cases: string[] }
/** The region. */
export interface Region { cases: RegionCase[]; meetings: RegionMeeting[] }

const types = ['ex-partnerstalking', 'huiselijk-geweld', 'kindermishandeling', 'anders'];
const statuses = ['aangemeld', 'in-behandeling', 'monitoring', 'afgesloten'];
const municipalities = ['rotterdam', 'schiedam', 'dordrecht', 'vlaardingen'];
const roles = ['slachtoffer', 'verdachte', 'kind', 'overig'];
const levels = ['laag', 'gemiddeld', 'hoog'];
const kinds = ['contactverbod', 'locatieverbod', 'gedragsaanwijzing', 'huisverbod', 'enkelband', 'aware'];
const orgs = ['politie', 'om', 'vt', 'rn'];
const actionStatuses = ['open', 'bezig', 'gedaan', 'vervallen'];
const escalationLevels = ['operationeel', 'tactisch', 'bestuurlijk'];
const meetingTypes = ['themakamer', 'casusoverleg', 'mdo'];

/** A small seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const id = (prefix: string, n: number): string => `${prefix}${n.toString(36).padStart(12, '0')}`;

/** Generates `caseCount` cases and about one meeting per ten cases between `startYear` and the end of `endYear`. */
export function generateRegion(caseCount: number, startYear: number, endYear: number, seed = 16): Region {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const start = Date.UTC(startYear, 0, 1);
  const span = Date.UTC(endYear, 11, 31) - start;
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const shift = (date: string, days: number): string => day(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  // A pool smaller than the number of persons: some people appear in several cases.
  const pool = Math.max(4, Math.floor(caseCount * 1.5));
  const cases: RegionCase[] = [];
  for (let n = 0; n < caseCount; n++) {
    const createdAt = day(start + Math.floor(rnd() * span));
    const persons = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, p) => {
      const who = Math.floor(rnd() * pool);
      return { id: `person:${id('p', n * 10 + p)}`, role: pick(roles), name: `Persoon ${who}`, birthYear: 1960 + (who % 40) };
    });
    const risk = ['sash', 'vt', 'chair'].filter(() => rnd() < 0.6).map((kind) => ({ kind, level: pick(levels), date: shift(createdAt, Math.floor(rnd() * 30)) }));
    const measures = Array.from({ length: Math.floor(rnd() * 3) }, () => {
      const from = shift(createdAt, Math.floor(rnd() * 60));
      return { kind: pick(kinds), start: from, end: rnd() < 0.3 ? null : shift(from, 30 + Math.floor(rnd() * 300)) };
    });
    const actions = Array.from({ length: Math.floor(rnd() * 4) }, (_, a) => ({
      id: `action:${id('a', n * 10 + a)}`, ownerOrg: pick(orgs), due: shift(createdAt, 7 + Math.floor(rnd() * 60)), status: pick(actionStatuses),
      createdAt: `${shift(createdAt, Math.floor(rnd() * 20))}T10:00:00.000Z`,
    }));
    const escalations = rnd() < 0.2 ? [{ level: pick(escalationLevels), date: shift(createdAt, Math.floor(rnd() * 90)) }] : [];
    cases.push({ room: `case:${id('c', n)}`, type: pick(types), status: pick(statuses), municipality: pick(municipalities), createdAt, persons, risk, measures, actions, escalations });
  }
  const meetings: RegionMeeting[] = [];
  for (let m = 0; m < Math.max(2, Math.floor(caseCount / 10)); m++) {
    const startDay = day(start + Math.floor(rnd() * span));
    const agenda = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pick(cases).room))];
    meetings.push({ room: `meeting:${id('m', m)}`, type: pick(meetingTypes), start: `${startDay}T09:00:00.000Z`, cases: agenda });
  }
  return { cases, meetings };
}

/** Writes a case into a document as the app's accessors do (the parts the monitor reads, plus a label and number). */
export function writeRegionCase(doc: Y.Doc, c: RegionCase, n: number): void {
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('label', `Casus Generiek ${n} (fictief)`);
    meta.set('caseNumber', `GEN-${n}`);
    meta.set('type', c.type);
    meta.set('status', c.status);
    meta.set('municipality', c.municipality);
    meta.set('createdAt', `${c.createdAt}T08:00:00.000Z`);
    meta.set('createdBy', 'test.regie');
    for (const p of c.persons) {
      const person = new Y.Map<unknown>();
      doc.getMap('persons').set(p.id, person);
      person.set('role', p.role);
      person.set('name', p.name);
      person.set('birthYear', p.birthYear);
    }
    for (const r of c.risk) doc.getMap('risk').set(r.kind, { level: r.level, date: r.date, by: 'test.regie', at: `${r.date}T10:00:00.000Z` });
    c.measures.forEach((m, i) => {
      const measure = new Y.Map<unknown>();
      doc.getMap('measures').set(`measure:${id('x', n * 10 + i)}`, measure);
      for (const [key, value] of Object.entries({ kind: m.kind, start: m.start, end: m.end, by: 'test.regie', at: `${m.start}T10:00:00.000Z` })) measure.set(key, value);
    });
    for (const a of c.actions) {
      const action = new Y.Map<unknown>();
      doc.getMap('actions').set(a.id, action);
      for (const [key, value] of Object.entries({ description: 'Fictieve actie', owner: 'test.regie', ownerOrg: a.ownerOrg, due: a.due, status: a.status, createdBy: 'test.regie', createdAt: a.createdAt })) action.set(key, value);
    }
    c.escalations.forEach((e, i) => {
      doc.getMap('timeline').set(`event:${id('e', n * 10 + i)}`, { date: e.date, type: 'escalatie', level: e.level, text: 'Fictieve escalatie', by: 'test.regie', at: `${e.date}T10:00:00.000Z` });
    });
  });
}

/** Writes a meeting into a document. */
export function writeRegionMeeting(doc: Y.Doc, m: RegionMeeting): void {
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('type', m.type);
    meta.set('start', m.start);
    meta.set('status', 'concept');
    meta.set('createdBy', 'test.regie');
    doc.getArray('agenda').push(m.cases);
  });
}
