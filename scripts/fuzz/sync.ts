/**
 * `npm run fuzz -- [--seconds N] [--seed S] [--no-save]`: the seeded sync-server fuzzer over
 * real sockets (see run.ts for the cases and the invariants). Failing cases are saved under
 * sync-server/test/fuzz-regressions/ (replayed by sync-server/test/fuzz.test.ts). Exits 1
 * when an invariant failed.
 */
import { parseArgs } from 'node:util';
import { runSyncFuzz } from './run';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, seed: { type: 'string' }, 'no-save': { type: 'boolean' } } });
const seconds = Number(values.seconds ?? 60);
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--seconds N] [--seed S] [--no-save]');
  process.exit(2);
}

console.error(`sync fuzzer: seed ${seed}, ${seconds} s`);
const started = performance.now();
runSyncFuzz({ seconds, seed, regressionDir: values['no-save'] ? null : 'sync-server/test/fuzz-regressions', log: (line) => console.error(line) }).then((report) => {
  const wall = (performance.now() - started) / 1000;
  console.log(`\n${report.cases} cases in ${report.epochs} epochs (${(report.cases / wall).toFixed(1)} cases/s), seed ${seed}`);
  console.log('\n| kind | cases | how they ended |\n|---|---|---|');
  for (const [kind, endings] of Object.entries(report.outcomes).sort()) {
    const total = Object.values(endings).reduce((a, b) => a + b, 0);
    console.log(`| ${kind} | ${total} | ${Object.entries(endings).map(([ending, n]) => `${ending}: ${n}`).join(', ')} |`);
  }
  for (const failure of report.failures) console.log(`\nFAILED case ${failure.caseIndex} (${failure.kind})${failure.file ? `, saved as ${failure.file}` : ''}:\n  ${failure.problems.join('\n  ')}`);
  process.exit(report.failures.length > 0 ? 1 : 0);
}, (error: unknown) => {
  console.error(error);
  process.exit(1);
});
