/**
 * Counting readers privately (`analytics:` in content/site.yaml, docs/analytics.md): what a page adds
 * to count its view, and what the Content-Security-Policy must allow for it. GoatCounter's documented
 * no-script counter is a GET of `<site>/count?p=<path>&t=<title>` answering a 1×1 GIF
 * (https://www.goatcounter.com/help/pixel); its script, where the person opts in, is count.js with
 * `data-goatcounter="<site>/count"`, loaded from the same site so that one origin is all the policy names.
 */
import type { SiteSettings } from '../schemas/site.ts';

export type AnalyticsSettings = NonNullable<SiteSettings['analytics']>;

/** What a page adds to count its view: the pixel, or the provider's script. */
export type ReadCounter = { kind: 'pixel'; src: string } | { kind: 'script'; src: string; endpoint: string };

/** The counter for the page at `path` titled `title`. */
export function readCounter(analytics: AnalyticsSettings, page: { path: string; title: string }): ReadCounter {
  const endpoint = `${analytics.site}/count`;
  if (analytics.script) return { kind: 'script', src: `${analytics.site}/count.js`, endpoint };
  const query = new URLSearchParams({ p: page.path, t: page.title });
  return { kind: 'pixel', src: `${endpoint}?${query.toString()}` };
}

/** A source one CSP directive must allow. */
export interface CspAllowance {
  directive: 'img-src' | 'script-src' | 'connect-src';
  origin: string;
}

/**
 * The sources the counter needs, exactly the provider's origin: `img-src` for the pixel; `script-src`
 * to load count.js and `connect-src` for the beacon it sends.
 */
export function analyticsAllowances(analytics: AnalyticsSettings): CspAllowance[] {
  const origin = new URL(analytics.site).origin;
  return analytics.script
    ? [
        { directive: 'script-src', origin },
        { directive: 'connect-src', origin },
      ]
    : [{ directive: 'img-src', origin }];
}
