import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the real web build served by `npm run web` (sync server, fresh data dir
 * per test) driven in Debian's Chromium by playwright-core. One file at a time by default:
 * each file has its own browser and each test its own server, and the machine has 2 cores.
 * E2E_WORKERS=2 runs two files side by side on a bigger machine.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/specs/**/*.e2e.ts'],
    globalSetup: ['e2e/fixtures/globalSetup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: Number(process.env.E2E_WORKERS ?? 1),
    fileParallelism: Number(process.env.E2E_WORKERS ?? 1) > 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
