import { defineConfig } from 'vitest/config';

// One Chromium and one server for the example: a single fork, files in sequence.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
