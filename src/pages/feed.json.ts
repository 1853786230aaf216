import type { APIRoute } from 'astro';
import { pieceImage } from '../data/cards.ts';
import { getFeedItems, type FeedItem } from '../data/feed-items.ts';
import { absolute, getPortrait, getProfile, getSiteTitle, settings, type Profile } from '../data/site.ts';
import type { JsonFeedItemInput } from '../contract/feed.ts';
import { buildJsonFeed } from '../lib/json-feed.ts';

async function toJsonFeedItem({ piece, url, html, modified }: FeedItem, profile: Profile): Promise<JsonFeedItemInput> {
  // The preview image doubles as the link-card thumbnail the syndication scripts upload.
  const image = absolute((await pieceImage(piece, profile)).src);
  return {
    id: url,
    url,
    ...(piece.canonical ? { external_url: piece.canonical } : {}),
    title: piece.title,
    summary: piece.summary,
    content_html: html,
    date_published: piece.date.toISOString(),
    date_modified: modified.toISOString(),
    tags: piece.tags,
    image,
    _syndication: {
      version: 1,
      kind: piece.kind,
      slug: piece.slug,
      text: piece.summary,
      ...(piece.stage ? { stage: piece.stage } : {}),
      card: image,
      skip: piece.syndication.skip,
      overrides: piece.syndication.text,
      reviewed: piece.syndication.reviewed,
    },
  };
}

/** JSON Feed 1.1: what readers subscribe to and what the syndication scripts read; an item the contract refuses fails the build. */
export const GET: APIRoute = async () => {
  const [items, profile, title, portrait] = await Promise.all([getFeedItems(), getProfile(), getSiteTitle(), getPortrait()]);
  const avatar = absolute(portrait.src);
  const feed = buildJsonFeed({
    title,
    home_page_url: absolute('/'),
    feed_url: absolute('/feed.json'),
    description: profile.bio.short,
    language: settings.language,
    icon: avatar,
    authors: [{ name: profile.name, url: absolute('/about/'), avatar }],
    items: await Promise.all(items.map((item) => toJsonFeedItem(item, profile))),
  });
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
