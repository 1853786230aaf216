/**
 * What the whole site needs to know about the build, given to it once: the settings in
 * `content/site.yaml`, the project root and the Astro command. The settings are read here, in
 * `astro:config:setup`, for the config's `site` (the sitemap, `Astro.site`), and handed to the pages as
 * the virtual module `virtual:hub/site-context` (imported by src/data/site.ts only).
 *
 * A mistake in site.yaml is not thrown from here: it would stop Astro with "Unable to load your Astro
 * config" and a stack trace, and `astro dev` would not start. The `site` collection
 * (src/loaders/site-file.ts) reports it like every content error, one line from a failed build or the
 * dev server's error page.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { loadSiteSettings, SITE_SETTINGS_FILE } from '../lib/site-settings.ts';
import { ContentError } from '../lib/validation.ts';

export const SITE_CONTEXT_MODULE = 'virtual:hub/site-context';
const RESOLVED_ID = `\0${SITE_CONTEXT_MODULE}`;

export function siteContext(): AstroIntegration {
  return {
    name: 'hub-site-context',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const url = siteUrl(root);
        updateConfig({ ...(url === undefined ? {} : { site: url }), vite: { plugins: [siteContextPlugin(root, command)] } });
      },
    },
  };
}

/** The site's URL, or undefined when site.yaml has a mistake (the `site` collection reports it). */
function siteUrl(root: string): string | undefined {
  try {
    return loadSiteSettings(root).url;
  } catch (error) {
    if (error instanceof ContentError) return undefined;
    throw error;
  }
}

/**
 * `root`, `command` and `settings` as constants. The command decides what `astro dev` previews:
 * `import.meta.env.DEV` cannot, because a stray NODE_ENV=development or DEV=1 in the shell makes it true
 * during `astro build` too. In `astro dev` the module is made again when site.yaml changes.
 */
function siteContextPlugin(root: string, command: string): Plugin {
  return {
    name: 'hub-site-context',
    resolveId: (id) => (id === SITE_CONTEXT_MODULE ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(join(root, SITE_SETTINGS_FILE));
      const constants = `export const root = ${JSON.stringify(root)};\nexport const command = ${JSON.stringify(command)};\n`;
      try {
        return `${constants}export const settings = ${JSON.stringify(loadSiteSettings(root))};\n`;
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        // No page renders meanwhile: the build stops at the content layer, `astro dev` shows its error page.
        return `${constants}throw new Error(${JSON.stringify(error.message)});\n`;
      }
    },
  };
}
