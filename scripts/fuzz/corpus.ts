/**
 * Real app updates for the fuzzer to start from, written with the app's own collab code:
 * a case board's history (plan typing, actions, timeline, measures, decisions), a pasted
 * safety-plan text, and a meeting document (header, invitees, agenda, attendance, the
 * chair's live item). Each room kind has a seed state (what a room holds before the cases)
 * and updates that follow it. Deterministic for a seed. All text is fictional.
 */
import * as Y from 'yjs';
import { addToAgenda } from '../../renderer/src/collab/agenda';
import { setCurrentItem } from '../../renderer/src/collab/live';
import { initMeetingDoc } from '../../renderer/src/collab/meetingHeader';
import { origins } from '../../renderer/src/collab/origins';
import { confirmConfidentiality, invite, setAttendance } from '../../renderer/src/collab/participants';
import { appendBlocks } from '../../renderer/src/collab/richText';
import { planFragment } from '../../renderer/src/collab/safetyPlan';
import { safetyPlanSections } from '../../renderer/src/domain/safetyPlanSections';
import { generateHistory } from '../bench/board/history';
import type { Random } from './random';

/** What one kind of room starts with, and real updates that follow it. */
export interface RoomCorpus {
  kind: 'case' | 'meeting';
  /** The state a fresh room is given before any case. */
  seedState: Uint8Array;
  /** The seed state as a doc (read only: for ids of items, types and clients). */
  seedDoc: Y.Doc;
  /** Real updates made after the seed state, in order. */
  followUps: Uint8Array[];
}

/** Every room kind's corpus. */
export interface Corpus {
  case: RoomCorpus;
  meeting: RoomCorpus;
}

const words = 'de het een en van in op met voor bij afspraak contact verbod signaal huisbezoek evaluatie gesprek school route alarm toezicht plan veiligheid risico overleg'.split(' ');

const sentence = (rnd: Random, count: number): string => Array.from({ length: count }, () => rnd.pick(words)).join(' ');

function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function caseCorpus(rnd: Random): RoomCorpus {
  const history = generateHistory(900);
  const seedDoc = new Y.Doc();
  for (const update of history.updates.slice(0, 600)) Y.applyUpdate(seedDoc, update);
  history.doc.destroy();
  return { kind: 'case', seedState: Y.encodeStateAsUpdate(seedDoc), seedDoc, followUps: [...history.updates.slice(600), pastedPlan(seedDoc, rnd, 40, 60)] };
}

/** A text of `paragraphs` paragraphs of about `wordsEach` words pasted into a plan section by a fresh client. */
export function pastedPlan(base: Y.Doc, rnd: Random, paragraphs: number, wordsEach: number): Uint8Array {
  const doc = docFrom(Y.encodeStateAsUpdate(base));
  doc.clientID = rnd.clientId();
  const before = Y.encodeStateVector(doc);
  const fragment = planFragment(doc, rnd.pick(safetyPlanSections.values));
  if (!fragment) throw new Error('plan section missing');
  doc.transact(() => appendBlocks(fragment, Array.from({ length: paragraphs }, (_, i) => (
    i % 10 === 0 ? { kind: 'heading' as const, text: sentence(rnd, 4) } : { kind: 'paragraph' as const, runs: [{ text: sentence(rnd, wordsEach - 5) }, { text: ` ${sentence(rnd, 5)}`, bold: true }] }
  ))), origins.userEdit);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

function meetingCorpus(rnd: Random): RoomCorpus {
  const doc = new Y.Doc();
  doc.clientID = rnd.clientId();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const chair = { username: 'fuzz.voorzitter', now: () => new Date(Date.UTC(2026, 2, 10, 9, 0, 0)) };
  initMeetingDoc(doc, { type: 'themakamer', start: '2026-03-10T09:00:00.000Z', location: 'Vergaderzaal Fuzz (fictief)', chair: chair.username, secretary: chair.username }, chair);
  const people = Array.from({ length: 12 }, (_, i) => ({ username: `fuzz.deelnemer${String(i).padStart(2, '0')}`, org: rnd.pick(['zvh', 'vt', 'politie', 'om']), role: 'deelnemer' as const }));
  for (const person of people) invite(doc, person);
  const cases = Array.from({ length: 10 }, (_, i) => `case:fuzzagenda${String(i).padStart(6, '0')}` as const);
  for (const id of cases) addToAgenda(doc, id);
  const seedCount = updates.length;
  for (let round = 0; round < 60; round++) {
    // Each participant's screen is its own Yjs client, as in a real meeting.
    doc.clientID = rnd.clientId();
    const person = rnd.pick(people);
    const roll = rnd.next();
    if (roll < 0.3) setAttendance(doc, person.username, rnd.pick(['aanwezig', 'afwezig', 'afgemeld'] as const));
    else if (roll < 0.5) confirmConfidentiality(doc, { username: person.username, now: chair.now });
    else setCurrentItem(doc, rnd.pick(cases), chair);
  }
  const seedDoc = new Y.Doc();
  for (const update of updates.slice(0, seedCount)) Y.applyUpdate(seedDoc, update);
  doc.destroy();
  return { kind: 'meeting', seedState: Y.encodeStateAsUpdate(seedDoc), seedDoc, followUps: updates.slice(seedCount) };
}

/** Builds the corpus (about 100 ms). */
export function buildCorpus(rnd: Random): Corpus {
  return { case: caseCorpus(rnd), meeting: meetingCorpus(rnd) };
}
