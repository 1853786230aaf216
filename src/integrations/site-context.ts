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
import { palette, paletteCss } from '../lib/palette.ts';
import { loadSiteSettings, SITE_SETTINGS_FILE } from '../lib/site-settings.ts';
import { DEFAULT_ACCENT, type SiteSettings } from '../schemas/site.ts';
import { typePairing } from '../lib/type-pairing.ts';
import { fontsCss, preloadedFontFiles } from '../lib/web-fonts.ts';
import { ContentError } from '../lib/validation.ts';

export const SITE_CONTEXT_MODULE = 'virtual:hub/site-context';
const RESOLVED_ID = `\0${SITE_CONTEXT_MODULE}`;
/** The palette's stylesheet, imported by the layout before global.css; bundled with it into the one CSS file. */
export const PALETTE_CSS_MODULE = 'virtual:hub/palette.css';
// No `\0` prefix: Vite's CSS pipeline takes a module by its `.css` ending, and must take this one.
const RESOLVED_PALETTE_ID = '/@hub/palette.css';
/** The type pairing's @font-face rules and font variables (src/lib/web-fonts.ts), imported with the palette. */
export const FONTS_CSS_MODULE = 'virtual:hub/fonts.css';
const RESOLVED_FONTS_CSS_ID = '/@hub/fonts.css';
/** The URLs of the font files the layout preloads, as built (`fontPreloads`). */
export const FONT_PRELOADS_MODULE = 'virtual:hub/font-preloads';
const RESOLVED_FONT_PRELOADS_ID = `\0${FONT_PRELOADS_MODULE}`;
const VIRTUAL_IDS: Record<string, string> = {
  [SITE_CONTEXT_MODULE]: RESOLVED_ID,
  [PALETTE_CSS_MODULE]: RESOLVED_PALETTE_ID,
  [FONTS_CSS_MODULE]: RESOLVED_FONTS_CSS_ID,
  [FONT_PRELOADS_MODULE]: RESOLVED_FONT_PRELOADS_ID,
};

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

/** The settings, or undefined when site.yaml has a mistake (the `site` collection reports it). */
function readSettings(root: string): SiteSettings | undefined {
  try {
    return loadSiteSettings(root);
  } catch (error) {
    if (error instanceof ContentError) return undefined;
    throw error;
  }
}

/** The site's URL, or undefined when site.yaml has a mistake. */
function siteUrl(root: string): string | undefined {
  return readSettings(root)?.url;
}

/**
 * `root`, `command` and `settings` as constants. The command decides what `astro dev` previews:
 * `import.meta.env.DEV` cannot, because a stray NODE_ENV=development or DEV=1 in the shell makes it true
 * during `astro build` too. In `astro dev` the module is made again when site.yaml changes.
 */
function siteContextPlugin(root: string, command: string): Plugin {
  return {
    name: 'hub-site-context',
    resolveId: (id) => VIRTUAL_IDS[id],
    async load(id) {
      if (id === RESOLVED_FONTS_CSS_ID) {
        this.addWatchFile(join(root, SITE_SETTINGS_FILE));
        // Like the palette: a site.yaml with a mistake gives the default pairing.
        return fontsCss(root, typePairing(readSettings(root)?.theme.typePairing));
      }
      if (id === RESOLVED_FONT_PRELOADS_ID) {
        this.addWatchFile(join(root, SITE_SETTINGS_FILE));
        // `?url`: Vite copies each file into dist/_astro/ under its hashed name, the one the stylesheet's url() gets too.
        const files = preloadedFontFiles(typePairing(readSettings(root)?.theme.typePairing));
        const imports = files.map((file, index) => `import font${index} from ${JSON.stringify(`${file}?url`)};`);
        return `${imports.join('\n')}\nexport const fontPreloads = [${files.map((_, index) => `font${index}`).join(', ')}];\n`;
      }
      if (id === RESOLVED_PALETTE_ID) {
        this.addWatchFile(join(root, SITE_SETTINGS_FILE));
        // A site.yaml with a mistake gives the default palette: the `site` collection reports the mistake.
        return paletteCss(palette(readSettings(root)?.theme ?? { accent: DEFAULT_ACCENT }));
      }
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
