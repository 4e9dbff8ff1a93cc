import { defineConfig } from 'vitest/config';

// Unit and server tests. End-to-end tests have their own config in e2e/.
export default defineConfig({
  test: {
    include: [
      'renderer/src/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'sync-server/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
