/**
 * dist/_headers: public/_headers as Astro copied it, with the origins content/site.yaml calls for added
 * to the Content-Security-Policy: the subscribe form's origin in `form-action` when
 * `follow.subscribeUrl` is set (the follow block's form posts there, and `form-action 'self'` would
 * make browsers refuse it), and the analytics counter's origin where the counter needs it when
 * `analytics` is set (src/lib/analytics.ts). The policy keeps one home, public/_headers; this adds the
 * origins the settings name (src/lib/security-headers.ts).
 *
 * Must come before atomicDist, which moves the finished build into place.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { analyticsAllowances } from '../lib/analytics.ts';
import { allowSource, formOrigin } from '../lib/security-headers.ts';
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
        const { follow, analytics } = loadSiteSettings(root!);
        const allowances = [
          ...(follow.subscribeUrl
            ? [{ directive: 'form-action', origin: formOrigin(follow.subscribeUrl), why: 'follow.subscribeUrl' }]
            : []),
          ...(analytics ? analyticsAllowances(analytics).map((allowance) => ({ ...allowance, why: 'analytics.site' })) : []),
        ];
        if (allowances.length === 0) return;
        const file = fileURLToPath(new URL('_headers', dir));
        let headers = await readFile(file, 'utf8');
        for (const { directive, origin } of allowances) headers = allowSource(headers, directive, origin);
        await writeFile(file, headers);
        for (const { directive, origin, why } of allowances) logger.info(`_headers: ${directive} allows ${origin} (${why})`);
      },
    },
  };
}
