import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    // Integration tests run real `astro build`s in child processes; each takes a few seconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
