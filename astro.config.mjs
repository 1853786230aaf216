// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { loadSiteSettings } from './src/lib/site-settings.ts';

// The project root, whatever the working directory (the benchmark builds other folders in-process).
const root = fileURLToPath(new URL('.', import.meta.url));
const settings = loadSiteSettings(root);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: settings.url,
  trailingSlash: 'always',
  // Two files with the same slug (essay.md and essay.mdx) fail the build instead of one hiding the other.
  prerenderConflictBehavior: 'error',
  build: {
    format: 'directory',
    // One cached stylesheet file rather than CSS repeated inline in every page (and a strict CSP later).
    inlineStylesheets: 'never',
  },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !/\/404\/?$/.test(page) }),
  ],
  devToolbar: { enabled: false },
  vite: {
    // Build-time code that reads project files (site settings, share-card fonts and cache) finds them here.
    define: { 'import.meta.env.HUB_ROOT': JSON.stringify(root) },
  },
});
