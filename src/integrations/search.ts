import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { searchEnabled } from '../lib/hub-env.ts';

/**
 * Writes the search index into `dist/pagefind/` once the pages are built, with Pagefind's Node API
 * (its binary ships in the `@pagefind/<platform>` package, so nothing is downloaded). Only pages with a
 * `data-pagefind-body` element are indexed: essays, notes, theories and the stances page.
 * `HUB_SEARCH=off` skips it (the search page then says search is unavailable).
 */
export function search(): AstroIntegration {
  return {
    name: 'hub-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!searchEnabled(process.env)) {
          logger.info('search index skipped (HUB_SEARCH=off)');
          return;
        }
        const started = performance.now();
        const output = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: output });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${output}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(output, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`search index of ${added.page_count} pages written in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
