import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getFeedItems } from '../data/feed-items.ts';
import { absolute, getProfile, getSiteTitle, settings, site } from '../data/site.ts';
import { KIND_LABELS, revisedAt } from '../lib/pieces.ts';
import { textToHtml } from '../lib/text.ts';

/**
 * RSS 2.0 with full content, every published kind, newest first. RSS has no "updated" element, so a
 * revised piece (an essay's `updated`, a theory's latest revision) carries `<atom:updated>`, which
 * feed readers that follow Atom show as a change.
 *
 * `<description>` is HTML to feed readers (RSS 2.0 allows entity-encoded HTML there, and readers render
 * it), so the plain-text summary and bio go in as HTML that shows the text (`textToHtml`), and the XML
 * writer escapes that again: `<` in a summary is `&amp;lt;` in the file. Titles, categories and the
 * author are plain text, as the RSS Best Practices Profile says, and are escaped once.
 */
export const GET: APIRoute = async () => {
  const [items, profile, title] = await Promise.all([getFeedItems(), getProfile(), getSiteTitle()]);
  return rss({
    title,
    description: textToHtml(profile.bio.short),
    site,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${settings.language}</language>`,
      `<atom:link href="${absolute('/rss.xml')}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: items.map(({ piece, url, html }) => ({
      title: piece.title,
      link: url,
      pubDate: piece.date,
      description: textToHtml(piece.summary),
      content: html,
      categories: [KIND_LABELS[piece.kind], ...piece.tags],
      author: `${profile.email} (${profile.name})`,
      ...revisedItem(piece),
    })),
  });
};

/** `<atom:updated>` for a piece revised after it was published; nothing for one that never was. */
function revisedItem(piece: Parameters<typeof revisedAt>[0]): { customData?: string } {
  const revised = revisedAt(piece);
  return revised ? { customData: `<atom:updated>${revised.toISOString()}</atom:updated>` } : {};
}
