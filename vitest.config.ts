import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'cli/**/*.test.ts', 'contracts/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: PGlite per file is heavy, so keep the pool small.
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
