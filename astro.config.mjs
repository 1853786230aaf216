// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { atomicDist } from './src/integrations/atomic-dist.ts';
import { contentErrors } from './src/integrations/content-errors.ts';
import { search } from './src/integrations/search.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { siteContext } from './src/integrations/site-context.ts';
import { unsafeMarkupGuard } from './src/markdown/unsafe-markup-guard.ts';
import { loadSiteSettings } from './src/lib/site-settings.ts';
import { inSitemap } from './src/lib/visibility.ts';

// The project root, whatever the working directory (the benchmark builds other folders in-process).
const root = fileURLToPath(new URL('.', import.meta.url));

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

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
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
    // First: the site's URL (from content/site.yaml) and what the pages know about the build.
    siteContext(),
    contentErrors(),
    mdx(),
    shareCards(),
    search(),
    // Which pages are listed is content/site.yaml's to say, read as the site-context integration reads it
    // (by then the build has checked the file: a mistake in it stopped the build before the sitemap).
    sitemap({ filter: (page) => inSitemap(page, loadSiteSettings(root)) }),
    // dist/_headers: public/_headers, with the subscribe form's origin in form-action when there is one.
    securityHeaders(),
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
  // A page whose module graph and `cacheKey` (src/data/cache-keys.ts) are unchanged since the last build
  // is copied from Astro's cache instead of rendered again. Pages without a key (those with no
  // getStaticPaths) always render. `astro build --force` renders every page.
  experimental: { incrementalBuild: true },
  // Astro's cache (the content data store, optimised images, the incremental build's pages) beside the
  // card cache rather than in node_modules/, which `./hub` replaces whenever it reinstalls: the publish
  // workflow keeps .cache/astro/ between runs (.github/actions/setup-hub).
  cacheDir: './.cache/astro',
  vite: {
    build: {
      // Astro inlines small page scripts as <script type="module"> bodies, which a CSP without
      // 'unsafe-inline' blocks: keep every script a file (other assets keep Vite's default limit).
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: { onLog: dropHeadInjectDirectiveWarning },
    },
  },
});
