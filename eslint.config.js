// ESLint finds mistakes; Prettier owns the layout, so no stylistic rule is enabled here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // The same folders Prettier leaves alone: the person's writing, generated output, a vendored baseline.
    ignores: [
      'dist/',
      'node_modules/',
      '.astro/',
      '.cache/',
      'coverage/',
      'content/',
      'tests/fixtures/**/content/',
      'scripts/bench/baseline/',
      'tests/fixtures/specs/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Everything outside .astro client scripts runs in Node: the build, the scripts, the tests.
    files: ['**/*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Parses .astro files (front matter with Node globals) and lints their client <script>s with browser globals.
  astro.configs['flat/recommended'],
  {
    rules: {
      // A leading underscore says "unused on purpose": a key left out of a rest copy, a loop that only counts.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_' }],
    },
  },
  {
    // Integration tests poke at parsed feeds, XML, JSON-LD and ledgers whose shape is exactly what they assert.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
