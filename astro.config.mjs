// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { atomicDist } from './src/integrations/atomic-dist.ts';
import { contentErrors } from './src/integrations/content-errors.ts';
import { search } from './src/integrations/search.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { loadSiteSettings } from './src/lib/site-settings.ts';
import { ContentError } from './src/lib/validation.ts';
import { unsafeMarkupGuard } from './src/markdown/unsafe-markup-guard.ts';

// The project root, whatever the working directory (the benchmark builds other folders in-process).
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The site's URL, from content/site.yaml. A mistake in that file is left to the `site` collection
 * (src/loaders/site-file.ts) to report, like every content error: thrown from here it would stop Astro
 * with "Unable to load your Astro config" and a stack trace, and `astro dev` would not start at all.
 * @returns {string | undefined}
 */
function siteUrl() {
  try {
    return loadSiteSettings(root).url;
  } catch (error) {
    if (error instanceof ContentError) return undefined;
    throw error;
  }
}

/**
 * Rolldown warns that the directive "use astro:head-inject", which @astrojs/mdx puts at the top of every
 * MDX page's module (Astro reads it to inject the page's styles into <head>), "may not be preserved when
 * bundling". Astro handles it without Rolldown's help (withastro/astro#18087), so exactly that warning
 * is dropped; every other log passes on.
 * @type {NonNullable<NonNullable<import('vite').BuildEnvironmentOptions['rolldownOptions']>['onLog']>}
 */
const dropHeadInjectDirectiveWarning = (level, log, handler) => {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
  handler(level, log);
};

const url = siteUrl();

/**
 * Tells the site which command is running (`dev`, `build`, …) as `import.meta.env.HUB_COMMAND`.
 * Unpublished pieces show in `astro dev` only; `import.meta.env.DEV` cannot decide that, because a
 * stray NODE_ENV=development or DEV=1 in the shell makes it true during `astro build` too.
 * @returns {import('astro').AstroIntegration}
 */
function astroCommand() {
  return {
    name: 'hub-command',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.HUB_COMMAND': JSON.stringify(command) } } });
      },
    },
  };
}

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  ...(url === undefined ? {} : { site: url }),
  trailingSlash: 'always',
  // Two routes for one URL fail the build. (Two content files with one slug are caught earlier, by
  // src/loaders/content-glob.ts: Astro's own check for that races when files load in parallel.)
  prerenderConflictBehavior: 'error',
  build: {
    format: 'directory',
    // One cached stylesheet file rather than CSS repeated inline in every page (and a strict CSP later).
    inlineStylesheets: 'never',
  },
  integrations: [
    astroCommand(),
    contentErrors(),
    mdx(),
    shareCards(),
    search(),
    sitemap({ filter: (page) => !/\/404\/?$/.test(page) }),
    // Last: replaces dist/ only when everything above has written its part.
    atomicDist(),
  ],
  markdown: {
    // Prism marks code up with classes (styled in global.css); Shiki's inline style attributes would
    // need 'unsafe-inline' in the Content-Security-Policy (public/_headers).
    syntaxHighlight: 'prism',
    // Sätteri, Astro's default processor, with one plugin: no script from a Markdown or MDX body reaches
    // a page or a feed (src/markdown/unsafe-markup-guard.ts; the loaders report it first, by line).
    processor: satteri({ hastPlugins: [unsafeMarkupGuard(root)] }),
  },
  devToolbar: { enabled: false },
  vite: {
    // Build-time code that reads project files (site settings, share-card fonts and cache) finds them here.
    define: { 'import.meta.env.HUB_ROOT': JSON.stringify(root) },
    build: {
      // Astro inlines small page scripts as <script type="module"> bodies, which a CSP without
      // 'unsafe-inline' blocks: keep every script a file (other assets keep Vite's default limit).
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: { onLog: dropHeadInjectDirectiveWarning },
    },
  },
});
