/**
 * The pages a piece links to that may hear of it: every `<a href>` in its body (the feed's
 * `content_html`) that is an http(s) address on another site. Links within the site are its own
 * business; a fragment is dropped (a receiver ignores it, and one page is told once).
 */
import { parseHTML } from 'linkedom';
import { httpUrl } from './discover.ts';

export function externalLinks(html: string | undefined, pieceUrl: string): string[] {
  if (!html) return [];
  const origin = new URL(pieceUrl).origin;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found = new Set<string>();
  for (const anchor of document.querySelectorAll('a[href]')) {
    const url = httpUrl(anchor.getAttribute('href') ?? '', pieceUrl);
    if (!url) continue;
    const parsed = new URL(url);
    if (parsed.origin === origin) continue;
    parsed.hash = '';
    found.add(parsed.href);
  }
  return [...found];
}
