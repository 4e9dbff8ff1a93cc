/**
 * A fictional themakamer for the meeting bench: a chair, 25 participants spread over four
 * partner organisations, eight cases and one meeting with all of them on the agenda,
 * written with the app's collab accessors and pushed through the real server. Every
 * name here is invented.
 */
import * as Y from 'yjs';
import { createAction } from '../../../renderer/src/collab/actions';
import { addToAgenda } from '../../../renderer/src/collab/agenda';
import { initCaseDoc } from '../../../renderer/src/collab/caseHeader';
import { initMeetingDoc } from '../../../renderer/src/collab/meetingHeader';
import { ensureMeetingNotes } from '../../../renderer/src/collab/meetingNotes';
import { origins } from '../../../renderer/src/collab/origins';
import { invite } from '../../../renderer/src/collab/participants';
import { addPerson } from '../../../renderer/src/collab/persons';
import { readCaseBoard } from '../../../renderer/src/collab/readCaseBoard';
import { appendBlocks } from '../../../renderer/src/collab/richText';
import { planFragment } from '../../../renderer/src/collab/safetyPlan';
import type { CaseBoard } from '../../../renderer/src/domain/caseBoard';
import { addDays, toIsoDate } from '../../../renderer/src/domain/dates';
import { createId, type CaseId, type MeetingId } from '../../../renderer/src/domain/ids';
import { pushDoc } from '../../../e2e/fixtures/minutes';
import type { BenchSeed, BenchUser } from './server';

const password = 'bench-wachtwoord-fictief-1';
const orgs = [['zvh', 'ZVH Benchregio (fictief)'], ['vt', 'Veilig Thuis Benchregio (fictief)'], ['politie', 'Politie Benchregio (fictief)'], ['reclassering', 'Reclassering Benchregio (fictief)']] as const;

/** The people and rooms of the bench meeting. */
export interface BenchThemakamer {
  chair: BenchUser;
  participants: BenchUser[];
  meetingId: MeetingId;
  caseIds: CaseId[];
  /** The pseudonymous label of each case ("Casus Bench 01 (fictief)"). */
  labels: Map<CaseId, string>;
  seed: BenchSeed;
}

/** Plans a themakamer with `participants` participants and `cases` cases (ids only; nothing written yet). */
export function planThemakamer(participants: number, cases: number): BenchThemakamer {
  const chair: BenchUser = { username: 'bench.voorzitter', name: 'Vera Voorzitter (fictief)', org: 'zvh', role: 'procesregisseur', password };
  const people = Array.from({ length: participants }, (_, index): BenchUser => {
    const number = String(index + 1).padStart(2, '0');
    return { username: `bench.deelnemer${number}`, name: `Deelnemer ${number} (fictief)`, org: orgs[index % orgs.length]?.[0] ?? 'zvh', role: 'deelnemer', password };
  });
  const meetingId = createId('meeting');
  const caseIds = Array.from({ length: cases }, () => createId('case'));
  const labels = new Map(caseIds.map((id, index) => [id, `Casus Bench ${String(index + 1).padStart(2, '0')} (fictief)`]));
  const everyone = [chair, ...people];
  return {
    chair, participants: people, meetingId, caseIds, labels,
    seed: {
      orgs,
      users: everyone,
      grants: [meetingId, ...caseIds].flatMap((room) => everyone.map((user) => ({ room, username: user.username }))),
    },
  };
}

const by = (username: string) => ({ username });

function caseDoc(plan: BenchThemakamer, caseId: CaseId, index: number, today: string): Y.Doc {
  const doc = new Y.Doc();
  const chair = plan.chair.username;
  initCaseDoc(doc, {
    label: plan.labels.get(caseId) ?? 'Casus Bench (fictief)', caseNumber: `BENCH-${String(index + 1).padStart(3, '0')}`,
    type: index % 2 === 0 ? 'ex-partnerstalking' : 'huiselijk-geweld', status: 'in-behandeling', procesregisseur: chair,
  }, by(chair));
  addPerson(doc, { role: 'slachtoffer', name: `Slachtoffer ${index + 1} Fictief` });
  if (index % 3 === 0) addPerson(doc, { role: 'kind', name: `Kind ${index + 1} Fictief` });
  doc.transact(() => {
    for (const section of ['situatie-en-risico', 'minimale-veiligheidsvoorwaarden'] as const) {
      const fragment = planFragment(doc, section);
      if (fragment) appendBlocks(fragment, [{ kind: 'paragraph', runs: [{ text: `Afspraken voor deze casus in de sectie ${section} (fictief).` }] }]);
    }
  }, origins.userEdit);
  const owner = plan.participants[index % plan.participants.length] ?? plan.chair;
  createAction(doc, { description: `Actie ${index + 1} voor het overleg (fictief)`, owner: owner.username, ownerOrg: owner.org, due: addDays(today, index - 3), source: null }, by(chair));
  ensureMeetingNotes(doc, plan.meetingId);
  return doc;
}

/**
 * Writes the cases and the meeting (not started yet) through the server with the chair's
 * token. Returns the chair's copies of the case boards, which the chair's agenda order is
 * computed from, as the chair's app computes it from the boards it holds.
 */
export async function publishThemakamer(plan: BenchThemakamer, wsUrl: string, chairToken: string, start = new Date()): Promise<Map<CaseId, CaseBoard>> {
  const today = toIsoDate(start);
  const boards = new Map<CaseId, CaseBoard>();
  for (const [index, caseId] of plan.caseIds.entries()) {
    const doc = caseDoc(plan, caseId, index, today);
    await pushDoc(wsUrl, chairToken, caseId, doc);
    boards.set(caseId, readCaseBoard(doc, caseId));
    doc.destroy();
  }
  const meeting = new Y.Doc();
  initMeetingDoc(meeting, { type: 'themakamer', start: start.toISOString(), location: 'Vergaderzaal Bench (fictief)', chair: plan.chair.username, secretary: plan.chair.username }, by(plan.chair.username));
  for (const person of [plan.chair, ...plan.participants]) invite(meeting, { username: person.username, org: person.org, role: person.role });
  for (const caseId of plan.caseIds) addToAgenda(meeting, caseId);
  await pushDoc(wsUrl, chairToken, plan.meetingId, meeting);
  meeting.destroy();
  return boards;
}
