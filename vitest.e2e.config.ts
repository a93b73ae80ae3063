import { defineConfig } from 'vitest/config';

// Tests of the built extension: its sizes (tests/build), and the extension itself in headless Chromium,
// driven by playwright-core (tests/e2e).
// One file at a time: each launches its own browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
