/**
 * Regression files: a failing room's whole story (its seed state and every case sent to it,
 * in order) in `<seed>-<n>.bin`, with a small `<seed>-<n>.json` saying what it is.
 * sync-server/test/fuzz.test.ts replays every file in the folder.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzCase } from './mutators';

/** A saved failing room. */
export interface Regression {
  roomKind: 'case' | 'meeting';
  seedState: Uint8Array;
  cases: FuzzCase[];
}

/** What the json beside a regression says (for people; the replay reads the .bin). */
export interface RegressionInfo { kind: string; seed: number; case: number; room: 'case' | 'meeting'; cases: number; failure: string }

const version = 1;

/** Writes `<name>.bin` and `<name>.json` into `dir`; returns the .bin path. */
export function saveRegression(dir: string, name: string, regression: Regression, info: RegressionInfo): string {
  mkdirSync(dir, { recursive: true });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, version);
  encoding.writeVarString(e, regression.roomKind);
  encoding.writeVarUint8Array(e, regression.seedState);
  encoding.writeVarUint(e, regression.cases.length);
  for (const fuzzCase of regression.cases) {
    encoding.writeVarString(e, fuzzCase.kind);
    encoding.writeVarUint(e, fuzzCase.messages.length);
    for (const message of fuzzCase.messages) encoding.writeVarUint8Array(e, message);
  }
  const file = join(dir, `${name}.bin`);
  writeFileSync(file, encoding.toUint8Array(e));
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(info, null, 2) + '\n');
  return file;
}

/** Reads a regression file. */
export function readRegression(file: string): Regression {
  const d = decoding.createDecoder(new Uint8Array(readFileSync(file)));
  if (decoding.readVarUint(d) !== version) throw new Error(`${file}: unknown version`);
  const roomKind = decoding.readVarString(d) === 'meeting' ? 'meeting' : 'case';
  const seedState = decoding.readVarUint8Array(d);
  const cases: FuzzCase[] = [];
  for (let i = decoding.readVarUint(d); i > 0; i--) {
    const kind = decoding.readVarString(d);
    const messages: Uint8Array[] = [];
    for (let j = decoding.readVarUint(d); j > 0; j--) messages.push(decoding.readVarUint8Array(d));
    cases.push({ kind, messages });
  }
  return { roomKind, seedState, cases };
}

/** The .bin files in `dir` (none when it does not exist). */
export function regressionFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.bin')).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
}
