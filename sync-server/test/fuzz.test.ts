/**
 * The sync fuzzer (scripts/fuzz) in the test suite: every saved regression replayed on a
 * fresh server, and a short run with a fixed seed. Longer runs: `npm run fuzz -- --seconds N`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regressionFiles } from '../../scripts/fuzz/regressions';
import { replayRegression, runSyncFuzz } from '../../scripts/fuzz/run';

const regressionDir = join(import.meta.dirname, 'fuzz-regressions');

describe('sync fuzzer', () => {
  for (const file of regressionFiles(regressionDir)) {
    it(`replays ${file.slice(regressionDir.length + 1)} with every invariant holding`, async () => {
      expect(await replayRegression(file)).toEqual([]);
    }, 120_000);
  }

  it('finds nothing in 12 s with seed 20261205', async () => {
    const report = await runSyncFuzz({ seconds: 12, seed: 20261205, regressionDir: null, casesPerEpoch: 25 });
    expect(report.failures.map((failure) => `${failure.kind}: ${failure.problems.join('; ')}`)).toEqual([]);
    expect(report.cases).toBeGreaterThan(20);
  }, 120_000);
});
