import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    // Integration tests run real `astro build`s in child processes; each takes a few seconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The Bluesky PDS (@atproto/pds, in-process for the syndication tests) pads a login to 350 ms with
    // `wait(350 - elapsed)`; on a busy machine the login takes longer and Node warns of a negative
    // timeout. The wait is the library's, harmless, and the warning would be the run's only one.
    execArgv: ['--disable-warning=TimeoutNegativeWarning'],
  },
});
