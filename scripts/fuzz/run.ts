/**
 * The sync fuzzer's loop. Cases run in epochs: a few fresh rooms are seeded with real app
 * state, each case goes to one of them on its own socket, and after every case the
 * invariants are checked. An epoch ends with a restart of the server on the same data dir,
 * after which every room must load with the content it had, with nothing quarantined.
 * Invariants:
 * - the server process is alive and /healthz answers;
 * - the case's socket got an answer or a close in time (the server did not stall);
 * - what the server sends a syncing client applies cleanly to a client's doc;
 * - a bystander and a peer in the room, and two clients in another room, still exchange edits;
 * - the server logged no error and no message refused for an unexpected exception;
 * - at the end of an epoch, the bystander, the peer and a fresh client hold the same content,
 *   and after a restart a fresh client gets that same content again.
 * A failure saves the room's seed state and every case sent to it as a regression file.
 */
import * as Y from 'yjs';
import { contentOf } from './content';
import { buildCorpus, type Corpus, type RoomCorpus } from './corpus';
import { closePair, Harness, replyApplies, users, type CaseOutcome, type RoomPair } from './harness';
import { syncUpdate } from './messages';
import { makeCase, type FuzzCase } from './mutators';
import { createRandom, type Random } from './random';
import { readRegression, saveRegression, type Regression } from './regressions';

/** Options of a fuzz run. */
export interface FuzzOptions {
  seconds: number;
  seed: number;
  /** Where failing cases are saved; null: not saved. */
  regressionDir: string | null;
  casesPerEpoch?: number;
  /** Progress lines (no content, only kinds and counts). */
  log?: (line: string) => void;
}

/** One invariant that did not hold. */
export interface FuzzFailure { kind: string; caseIndex: number; problems: string[]; file: string | null }

/** What a run did. */
export interface FuzzReport {
  cases: number;
  epochs: number;
  /** Per case kind: how many, and how they ended (handled, or the close code). */
  outcomes: Record<string, Record<string, number>>;
  failures: FuzzFailure[];
}

/** A seeded room in the current epoch, with its clients and what was sent to it. */
interface LiveRoom { name: string; corpus: RoomCorpus; pair: RoomPair; cases: FuzzCase[] }

const caseTimeoutMs = 20_000;
const emptyStateVector = Y.encodeStateVector(new Y.Doc());

/** Checks everything a case must leave intact; returns the problems found. */
async function checkAfterCase(harness: Harness, room: LiveRoom, other: RoomPair, outcome: CaseOutcome): Promise<string[]> {
  const problems: string[] = [];
  if (outcome.result === 'stalled') problems.push(`the case's socket got neither an answer nor a close within ${caseTimeoutMs} ms`);
  const exit = harness.server.exit();
  if (exit !== null) {
    problems.push(`the server process exited (${exit})`);
    return problems;
  }
  if (outcome.reply) {
    const problem = replyApplies(room.corpus.seedState, outcome.reply);
    if (problem) problems.push(problem);
  }
  for (const problem of [await harness.healthz(), await harness.editsFlow(room.pair), await harness.editsFlow(other)]) if (problem) problems.push(problem);
  problems.push(...harness.newFaults().map((line) => `server log: ${line}`));
  return problems;
}

/** Seeds a fresh room with its corpus state (as a client would send it) and connects its pair. */
async function openRoom(harness: Harness, name: string, corpus: RoomCorpus): Promise<LiveRoom> {
  const seeded = await harness.sendCase(name, users.bystander, [syncUpdate(corpus.seedState, 1)], emptyStateVector, caseTimeoutMs);
  if (seeded.result !== 'handled') throw new Error(`seeding ${name} failed: ${seeded.result} ${seeded.code}`);
  return { name, corpus, pair: await harness.pair(name), cases: [] };
}

/** Compares the rooms' content across a restart of the server; returns problems per room. */
async function checkAcrossRestart(harness: Harness, rooms: LiveRoom[], other: RoomPair, beforeRestart: () => Promise<void> | void): Promise<Map<string, string[]>> {
  const problems = new Map<string, string[]>(rooms.map((room) => [room.name, []]));
  const add = (room: string, problem: string): void => { problems.get(room)?.push(problem); };
  const before = new Map<string, string>();
  for (const room of rooms) {
    await harness.editsFlow(room.pair);
    const fresh = await harness.freshContent(room.name);
    before.set(room.name, fresh);
    if (contentOfPair(room.pair, 'bystander') !== fresh) add(room.name, 'the bystander holds other content than a fresh client gets');
    if (contentOfPair(room.pair, 'peer') !== fresh) add(room.name, 'the peer holds other content than a fresh client gets');
    closePair(room.pair);
  }
  closePair(other);
  await beforeRestart();
  const code = await harness.stop();
  const stopFaults = harness.newFaults();
  if (code !== 0) for (const room of rooms) add(room.name, `the server exited with ${code} on SIGTERM`);
  for (const line of stopFaults) for (const room of rooms) if (line.includes(room.name)) add(room.name, `server log: ${line}`);
  await harness.start();
  for (const room of rooms) {
    let after: string;
    try {
      after = await harness.freshContent(room.name);
    } catch (error) {
      add(room.name, `after a restart the room does not sync: ${(error as Error).message}`);
      continue;
    }
    if (after !== before.get(room.name)) add(room.name, 'after a restart the room holds other content than before');
  }
  for (const line of harness.newFaults()) for (const room of rooms) if (line.includes(room.name)) add(room.name, `server log after restart: ${line}`);
  return problems;
}

const contentOfPair = (pair: RoomPair, who: 'bystander' | 'peer'): string => contentOf(pair[who].doc);

const roomName = (kind: 'case' | 'meeting', id: string): string => `${kind}:${id.padEnd(8, '0').slice(0, 32)}`;

/** Runs the fuzzer for `options.seconds`. */
export async function runSyncFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {});
  const rnd = createRandom(options.seed);
  const corpus: Corpus = buildCorpus(createRandom(options.seed ^ 0x2545f491));
  const perEpoch = options.casesPerEpoch ?? 30;
  const report: FuzzReport = { cases: 0, epochs: 0, outcomes: {}, failures: [] };
  const tag = `fz${(options.seed >>> 0).toString(36)}`;
  const epochRooms = (epoch: number): { name: string; corpus: RoomCorpus }[] => [
    { name: roomName('case', `${tag}e${epoch}x`), corpus: corpus.case },
    { name: roomName('case', `${tag}e${epoch}b`), corpus: corpus.case },
    { name: roomName('meeting', `${tag}e${epoch}m`), corpus: corpus.meeting },
  ];
  const otherRoom = roomName('case', `${tag}other`);
  const harness = await Harness.create();
  const deadline = Date.now() + options.seconds * 1000;
  try {
    await harness.grant([otherRoom, ...epochRooms(0).map((room) => room.name)]);
    await harness.start();
    for (let epoch = 0; Date.now() < deadline; epoch++) {
      report.epochs++;
      const rooms: LiveRoom[] = [];
      for (const { name, corpus: roomCorpus } of epochRooms(epoch)) rooms.push(await openRoom(harness, name, roomCorpus));
      const other = await harness.pair(otherRoom);
      let failed = false;
      for (let n = 0; n < perEpoch && Date.now() < deadline; n++) {
        const room = rnd.pick(rooms);
        const fuzzCase = makeCase(rnd, room.corpus);
        room.cases.push(fuzzCase);
        const caseIndex = report.cases++;
        const outcome = await harness.sendCase(room.name, rnd.pick(users.attackers), fuzzCase.messages, Y.encodeStateVector(room.corpus.seedDoc), caseTimeoutMs, rnd.chance(0.8));
        const kind = fuzzCase.kind.startsWith('combo:') ? 'combo' : fuzzCase.kind;
        const ending = outcome.result === 'closed' ? String(outcome.code) : outcome.result;
        const counts = (report.outcomes[kind] ??= {});
        counts[ending] = (counts[ending] ?? 0) + 1;
        const problems = await checkAfterCase(harness, room, other, outcome);
        if (problems.length > 0) {
          report.failures.push(fail(options, room, caseIndex, problems));
          log(`case ${caseIndex} (${fuzzCase.kind}) FAILED: ${problems.join('; ')}`);
          failed = true;
          break;
        }
      }
      if (failed) {
        for (const room of rooms) closePair(room.pair);
        closePair(other);
        await harness.grant(epochRooms(epoch + 1).map((room) => room.name));
        if (harness.server.exit() === null) await harness.stop();
        harness.newFaults();
        await harness.start();
        continue;
      }
      const problems = await checkAcrossRestart(harness, rooms, other, () => harness.grant(epochRooms(epoch + 1).map((room) => room.name)));
      for (const room of rooms) {
        const found = problems.get(room.name) ?? [];
        if (found.length === 0) continue;
        report.failures.push(fail(options, room, report.cases - 1, found));
        log(`epoch ${epoch}, ${room.name} FAILED across the restart: ${found.join('; ')}`);
      }
      log(`epoch ${epoch}: ${report.cases} cases, ${report.failures.length} failures`);
    }
  } finally {
    await harness.close();
  }
  return report;
}

function fail(options: FuzzOptions, room: LiveRoom, caseIndex: number, problems: string[]): FuzzFailure {
  const kind = room.cases.at(-1)?.kind ?? 'none';
  const regression: Regression = { roomKind: room.corpus.kind, seedState: room.corpus.seedState, cases: room.cases };
  const file = options.regressionDir === null ? null : saveRegression(options.regressionDir, `${options.seed}-${caseIndex}`, regression, {
    kind, seed: options.seed, case: caseIndex, room: room.corpus.kind, cases: room.cases.length, failure: problems.join('; ').slice(0, 500),
  });
  return { kind, caseIndex, problems, file };
}

/** Replays a regression file on a fresh server: every case in order, each checked, then a restart. Returns the problems found. */
export async function replayRegression(file: string): Promise<string[]> {
  const regression = readRegression(file);
  const seedDoc = new Y.Doc();
  Y.applyUpdate(seedDoc, regression.seedState);
  const corpus: RoomCorpus = { kind: regression.roomKind, seedState: regression.seedState, seedDoc, followUps: [] };
  const name = roomName(regression.roomKind, 'fzreplay0');
  const otherRoom = roomName('case', 'fzreplayother');
  const harness = await Harness.create();
  const problems: string[] = [];
  try {
    await harness.grant([name, otherRoom]);
    await harness.start();
    const room = await openRoom(harness, name, corpus);
    const other = await harness.pair(otherRoom);
    const attackers: Random = createRandom(1);
    for (const [index, fuzzCase] of regression.cases.entries()) {
      room.cases.push(fuzzCase);
      const outcome = await harness.sendCase(name, attackers.pick(users.attackers), fuzzCase.messages, Y.encodeStateVector(seedDoc), caseTimeoutMs);
      const found = await checkAfterCase(harness, room, other, outcome);
      if (found.length > 0) {
        problems.push(...found.map((problem) => `case ${index} (${fuzzCase.kind}): ${problem}`));
        closePair(room.pair);
        closePair(other);
        return problems;
      }
    }
    const across = await checkAcrossRestart(harness, [room], other, () => {});
    problems.push(...(across.get(name) ?? []));
    return problems;
  } finally {
    await harness.close();
  }
}
