import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    // One worker, modules shared between files: every file uses the same server and database
    // (PGlite takes seconds and most of a gigabyte to start). Tests isolate themselves by
    // creating a force of their own, never by emptying tables.
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
