import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getFeedItems } from '../data/feed-items.ts';
import { getProfile, getSiteTitle, settings } from '../data/site.ts';
import { KIND_LABELS } from '../lib/pieces.ts';

/** RSS 2.0 with full content, every published kind, newest first. */
export const GET: APIRoute = async () => {
  const [items, profile, title] = await Promise.all([getFeedItems(), getProfile(), getSiteTitle()]);
  return rss({
    title,
    description: profile.bio.short,
    site: settings.url,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${settings.language}</language>`,
      `<atom:link href="${new URL('/rss.xml', settings.url).href}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: items.map(({ piece, url, html }) => ({
      title: piece.title,
      link: url,
      pubDate: piece.date,
      description: piece.summary,
      content: html,
      categories: [KIND_LABELS[piece.kind], ...piece.tags],
      author: `${profile.email} (${profile.name})`,
    })),
  });
};
