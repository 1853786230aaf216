/**
 * The site's JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), `dist/feed.json`: what readers
 * subscribe to, and the contract the syndication scripts read instead of `content/`. Its `_syndication`
 * extension (underscore-prefixed, as the spec asks of extensions) carries everything a network post
 * needs. The site validates what it emits with these schemas (src/pages/feed.json.ts) and the scripts
 * parse with them (scripts/syndicate/feed.ts), so the two sides cannot drift apart unnoticed.
 *
 * The defaults are for feeds built before a field existed (a deployed site can be older than the
 * scripts reading it): the hub always emits every field.
 */
import { z } from 'astro/zod';
import { NETWORKS } from './networks.ts';
import { THEORY_STAGES } from '../lib/theories.ts';
import { PIECE_KINDS } from './kinds.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

const network = z.enum(NETWORKS);
const absoluteUrl = z.url({ error: 'expected an absolute URL (https://…)' });

/** What the syndication scripts read for one item. */
export const syndicationExtensionSchema = z.object({
  /** Version of this extension's shape; raised when a field changes meaning. */
  version: z.literal(1, { error: 'expected version 1 of the _syndication extension; rebuild the site' }),
  kind: z.enum(PIECE_KINDS),
  /** The item's slug, stable across builds: with the kind, the key of the syndication ledger. */
  slug: z.string().min(1),
  /** The plain-text body (notes) or the summary (essays, theories) to compose posts from. */
  text: z.string(),
  /** Theory stage, when the item is a theory. */
  stage: z.enum(THEORY_STAGES).optional(),
  /** Absolute URL of the share card image for link previews. */
  card: absoluteUrl.optional(),
  /** Networks the author said never to post this item to. */
  skip: z.array(network).default([]),
  /** Author-written text per network, used instead of the composed excerpt. */
  overrides: z.partialRecord(network, z.string()).default({}),
  /**
   * The author marked the piece as reviewed against `content/policy.yaml` (front matter
   * `syndication.reviewed`); absent in feeds built before the field existed, which reads as `false`.
   */
  reviewed: z.boolean().default(false),
});

export const jsonFeedItemSchema = z.object({
  /** The item's URL on the site: unique and stable. */
  id: z.string().min(1),
  url: absoluteUrl,
  /** Where the piece was first published, when that was off-site. */
  external_url: absoluteUrl.optional(),
  title: z.string(),
  summary: z.string(),
  /**
   * The rendered body, which the policy guard reads as text; feeds built before bodies were carried
   * have none.
   */
  content_html: z.string().optional(),
  date_published: z.string(),
  date_modified: z.string(),
  tags: z.array(z.string()).default([]),
  /** Absolute URL of the preview image (the share card). */
  image: absoluteUrl.optional(),
  _syndication: syndicationExtensionSchema,
});

export const jsonFeedSchema = z.object({
  version: z.literal(JSON_FEED_VERSION),
  title: z.string(),
  home_page_url: absoluteUrl,
  feed_url: absoluteUrl,
  description: z.string(),
  language: z.string(),
  icon: absoluteUrl.optional(),
  authors: z.array(z.object({ name: z.string(), url: absoluteUrl, avatar: absoluteUrl.optional() })),
  items: z.array(jsonFeedItemSchema),
});

/** A feed as written: what the site may emit and what a test may hand the scripts. */
export type JsonFeedInput = z.input<typeof jsonFeedSchema>;
export type JsonFeedItemInput = z.input<typeof jsonFeedItemSchema>;
/** A feed as read, defaults filled in. */
export type JsonFeed = z.output<typeof jsonFeedSchema>;
export type JsonFeedItem = z.output<typeof jsonFeedItemSchema>;
export type SyndicationExtension = z.output<typeof syndicationExtensionSchema>;
