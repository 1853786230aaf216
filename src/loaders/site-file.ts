import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { loadSiteSettings, SITE_SETTINGS_FILE } from '../lib/site-settings.ts';
import { loadReporting } from './problems.ts';

/** The id of the site settings' one entry. */
export const SITE_ENTRY_ID = 'site';

/**
 * `content/site.yaml` as a collection of one entry: where a mistake in it is reported, like every other
 * content error, one line from a failed build, the error page in `astro dev` (src/loaders/problems.ts).
 * The site-context integration read the file already (for the site's URL and the pages' settings) and
 * leaves mistakes to this loader; `loadSiteSettings` parses the file again only when it has changed.
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
