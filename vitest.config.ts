import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    // A hang guard, not a budget: integration tests run real `astro build`s and CLI processes in child
    // processes, and a child Node loading the TypeScript sources took over two minutes once (a status
    // CLI test, in a CI run whose other worker was SIGKILLing syndicate runs) where it takes 10 s idle.
    testTimeout: 360_000,
    hookTimeout: 180_000,
    // The Bluesky PDS (@atproto/pds, in-process for the syndication tests) pads a login to 350 ms with
    // `wait(350 - elapsed)`; on a busy machine the login takes longer and Node warns of a negative
    // timeout. The wait is the library's, harmless, and the warning would be the run's only one.
    execArgv: ['--disable-warning=TimeoutNegativeWarning'],
  },
});
