import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests (`npm run test:e2e`): the fixture hub built once, served locally and driven in
 * Debian's Chromium. Kept apart from `vitest run` (vitest.config.ts only includes *.test.ts and
 * excludes tests/e2e/), because they need a browser and take longer.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One file at a time: Lighthouse's performance score depends on the CPU the page gets, and on a
    // small CI machine browsers in parallel workers would compete for it.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
