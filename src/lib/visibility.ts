/**
 * Which built pages are listed: linked from the navigation, in the sitemap and open to search engines.
 * An unlisted page is still built and reachable by its address (the person reads it and sends the link),
 * carries `noindex`, and is never indexed by the site's search (only `data-pagefind-body` pages are).
 */
import type { SiteSettings } from '../schemas/site.ts';
import { impactPath } from './urls.ts';

/** The site paths built but not listed, by `content/site.yaml`. */
export function unlistedPaths(settings: Pick<SiteSettings, 'impact'>): string[] {
  return settings.impact.visibility === 'unlisted' ? [impactPath()] : [];
}

/** Whether the page at `path` (site-relative, with its trailing slash) is listed. */
export function isListed(path: string, settings: Pick<SiteSettings, 'impact'>): boolean {
  return !unlistedPaths(settings).includes(path);
}

/**
 * Whether a page's absolute URL belongs in the sitemap: every listed page but the 404 page (served for
 * missing addresses, not a page of its own).
 */
export function inSitemap(pageUrl: string, settings: Pick<SiteSettings, 'impact'>): boolean {
  const path = new URL(pageUrl).pathname;
  return !/\/404\/?$/.test(path) && isListed(path, settings);
}
