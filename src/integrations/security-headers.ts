/**
 * dist/_headers: public/_headers as Astro copied it, with the subscribe form's origin added to the
 * Content-Security-Policy's `form-action` when `follow.subscribeUrl` is set in content/site.yaml (the
 * follow block's form posts there, and `form-action 'self'` would make browsers refuse it). The policy
 * keeps one home, public/_headers; this adds the one origin the settings name (src/lib/security-headers.ts).
 *
 * Must come before atomicDist, which moves the finished build into place.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { allowFormAction, formOrigin } from '../lib/security-headers.ts';
import { loadSiteSettings } from '../lib/site-settings.ts';

export function securityHeaders(): AstroIntegration {
  let root: string | undefined;
  return {
    name: 'hub-security-headers',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The settings were read (and any mistake reported) before the pages were built.
        const { subscribeUrl } = loadSiteSettings(root!).follow;
        if (!subscribeUrl) return;
        const file = fileURLToPath(new URL('_headers', dir));
        const origin = formOrigin(subscribeUrl);
        await writeFile(file, allowFormAction(await readFile(file, 'utf8'), origin));
        logger.info(`_headers: form-action allows ${origin} (follow.subscribeUrl)`);
      },
    },
  };
}
