import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { loadSiteSettings, SITE_SETTINGS_FILE } from '../lib/site-settings.ts';
import { loadReporting } from './problems.ts';

/** The id of the site settings' one entry. */
export const SITE_ENTRY_ID = 'site';

/**
 * `content/site.yaml` as a collection of one entry. astro.config.mjs reads the file too (for the site's
 * URL), but a mistake found there could only stop Astro with "Unable to load your Astro config" and a
 * stack trace; found here it is reported like every other content error: one line from a failed
 * build, the error page in `astro dev` (src/loaders/problems.ts).
 */
export function siteFileLoader(): Loader {
  return {
    name: 'hub-site-file',
    load: (context) =>
      loadReporting(context, async () => {
        const settings = loadSiteSettings(fileURLToPath(context.config.root));
        context.store.clear();
        context.store.set({ id: SITE_ENTRY_ID, data: settings, filePath: SITE_SETTINGS_FILE });
      }),
  };
}
