#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure.
// Each step is an npm script so it can also be run alone.
import { spawnSync } from 'node:child_process';

const steps = [
  'typecheck',
  'lint',
  'test:unit',
  'build',
  'test:security',
  'test:e2e',
];

const timings = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ npm run ${step}`);
  const result = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${step.padEnd(14)} ${seconds.padStart(6)} s`);
  if (result.status !== 0) {
    console.error(`\n✗ npm run ${step} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(result.status || 1);
  }
}
console.log(`\n✓ all checks passed\n${timings.join('\n')}`);
