/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The feed is the contract the syndication
 * scripts read, so its `_syndication` extension carries everything a network post needs and the
 * scripts never re-read `content/`.
 */
import type { Network } from './networks.ts';
import type { PieceKind } from './urls.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** What the syndication scripts read for one item (JSON Feed extension, underscore-prefixed by the spec). */
export interface SyndicationExtension {
  /** Version of this extension's shape; raised when a field changes meaning. */
  version: 1;
  kind: PieceKind;
  /** The item's slug, stable across builds: the key of the syndication ledger. */
  slug: string;
  /** The plain-text body (notes) or the summary (essays, theories) to compose posts from. */
  text: string;
  /** Theory stage, when the item is a theory. */
  stage?: string;
  /** Absolute URL of the share card image for link previews. */
  card?: string;
  /** Networks the author said never to post this item to. */
  skip: Network[];
  /** Author-written text per network, used instead of the composed excerpt. */
  overrides: Partial<Record<Network, string>>;
  /**
   * The author marked the piece as reviewed against `content/policy.yaml` (front matter
   * `syndication.reviewed`); absent in feeds built before the field existed, which reads as `false`.
   */
  reviewed?: boolean;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  summary: string;
  content_html: string;
  date_published: string;
  date_modified: string;
  tags: string[];
  image?: string;
  _syndication: SyndicationExtension;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  icon?: string;
  authors: Array<{ name: string; url: string; avatar?: string }>;
  items: JsonFeedItem[];
}

/** Assembles the feed; items are sorted newest first by `date_published`. */
export function buildJsonFeed(feed: Omit<JsonFeed, 'version'>): JsonFeed {
  const items = [...feed.items].sort((a, b) => b.date_published.localeCompare(a.date_published) || a.id.localeCompare(b.id));
  return { version: JSON_FEED_VERSION, ...feed, items };
}
