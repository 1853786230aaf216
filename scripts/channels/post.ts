/**
 * What every network's composer shares: the item as the feed gives it, the composed post, and the
 * shape of a message per kind of piece (notes whole, essays as a hook, theories as an open question).
 */
import type { Network } from '../../src/contract/networks.ts';
import type { PieceKind } from '../../src/contract/kinds.ts';
import { stageLabel, type TheoryStage } from '../../src/lib/theories.ts';
import { truncateWords } from '../../src/lib/text.ts';
import { fitExcerpt, flatten } from './cut.ts';

/** One feed item, as the syndication scripts read it from `_syndication` and the item itself. */
export interface SyndicationItem {
  /** Ledger key, `essay/<slug>`. */
  key: string;
  url: string;
  title: string;
  summary: string;
  tags: string[];
  datePublished: string;
  /** The feed's `date_modified`: the version of the piece a Webmention is sent for (scripts/webmentions/). */
  dateModified?: string | undefined;
  kind: PieceKind;
  slug: string;
  /** The note itself, or the essay's description, or the theory's summary. */
  text: string;
  stage?: TheoryStage | undefined;
  /** Absolute URL of the share card. */
  card?: string | undefined;
  skip: Network[];
  overrides: Partial<Record<Network, string>>;
  reviewed: boolean;
  /** The piece's body as plain text (the feed's `content_html`), read by the policy guard only. */
  body?: string | undefined;
  /** The piece's body as the site rendered it (the feed's `content_html`), for channels that carry it whole (the newsletter). */
  html?: string | undefined;
  /** The person, from the feed's `authors[0]`: whose name and photo an email is signed with. */
  author?: FeedAuthor | undefined;
  /** The site's language (the feed's `language`, a BCP 47 tag). */
  language?: string | undefined;
  /** The site's home page (the feed's `home_page_url`): the web version of what is no one piece's (the newsletter's digest). */
  homePage?: string | undefined;
}

/** The person as the feed names them; `avatar` is an absolute URL. */
export interface FeedAuthor {
  name: string;
  url?: string | undefined;
  avatar?: string | undefined;
}

/** `http(s)://…` links in a text, without trailing punctuation, as UTF-16 index ranges. */
export function findUrls(text: string): Array<{ url: string; start: number; end: number }> {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/gu)].map((match) => {
    const url = match[0].replace(/[.,;:!?'")\]]+$/u, '');
    return { url, start: match.index, end: match.index + url.length };
  });
}

/** The link a post carries: Bluesky's external embed, LinkedIn's article, the URL others unfurl. */
export interface LinkCard {
  url: string;
  title: string;
  description: string;
  /** The share card to upload as the thumbnail (Bluesky, LinkedIn). */
  image?: string | undefined;
}

/** A post ready for one network: exactly the text that is sent, and how the network counts it. */
export interface ComposedPost {
  network: Network;
  itemKey: string;
  text: string;
  /** The text's length as the network counts it. */
  length: number;
  limit: number;
  /** What `length` counts. */
  unit: 'graphemes' | 'weighted characters' | 'characters' | 'bytes';
  link: LinkCard;
  /** Whether the text is the author's own (`syndication.text.<network>`). */
  override: boolean;
  /** Bluesky rich-text facets (links, hashtags) with UTF-8 byte offsets. */
  facets?: unknown[];
}

/** The author's override or the composed text does not fit; names the item and the field. */
export class ComposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeError';
  }
}

/** Closing line of a theory: it is posted to be argued with. */
export const THEORY_INVITATION = 'Where is this wrong? Tell me.';

/** `community energy` → `#CommunityEnergy`: hashtags cannot hold spaces or dashes. */
export function hashtag(tag: string): string {
  const words = tag.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return `#${words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')}`;
}

export interface Shape {
  /** Whether the item's URL goes into the text (networks that unfurl the first link). */
  withUrl: boolean;
  /** Up to three of the item's tags as hashtags, when they fit. */
  withHashtags: boolean;
  fits: (text: string) => boolean;
  network: Network;
}

function join(parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => Boolean(part)).join('\n\n');
}

/**
 * The text of a post: the author's override when there is one (never cut: too long is an error), or
 * a note whole, an essay's hook, a theory as an open question — cut at a sentence or word boundary
 * to fit, the link (and hashtags, if they fit) after it.
 */
export function composeText(item: SyndicationItem, shape: Shape): string {
  const url = shape.withUrl ? item.url : undefined;
  const override = item.overrides[shape.network];
  if (override !== undefined) {
    const text = url && !override.includes(item.url) ? join([override, url]) : override;
    if (!shape.fits(text))
      throw new ComposeError(
        `${item.key}: syndication.text.${shape.network} is too long for ${shape.network} once the link is added; shorten it`,
      );
    return text;
  }
  const tags = shape.withHashtags && item.tags.length > 0 ? item.tags.slice(0, 3).map(hashtag).join(' ') : undefined;
  const lead = (title: string): string => `${item.stage ? stageLabel(item.stage) : 'Theory'}: ${title}`;
  const prefix = item.kind === 'theory' ? lead(flatten(item.title)) : undefined;
  const suffix = item.kind === 'theory' ? THEORY_INVITATION : undefined;
  const body = item.kind === 'note' ? item.text : item.summary;
  const whole = (excerpt: string | undefined, withTags: boolean): string =>
    join([prefix, excerpt, suffix, url, withTags ? tags : undefined]);

  if (tags && shape.fits(whole(flatten(body), true))) return whole(flatten(body), true);
  const excerpt = fitExcerpt(body, (candidate) => shape.fits(whole(candidate, false)));
  if (excerpt !== undefined) return whole(excerpt, false);
  // A theory whose title alone fills the post: the title, cut, still asks the question.
  if (prefix !== undefined) {
    const title = fitExcerpt(item.title, (candidate) => shape.fits(join([lead(candidate), suffix, url])));
    if (title !== undefined) return join([lead(title), suffix, url]);
  }
  throw new ComposeError(`${item.key}: nothing of the text fits in a ${shape.network} post`);
}

/** The link card: the piece's title, its summary shortened, its share card. */
export function linkCard(item: SyndicationItem): LinkCard {
  return { url: item.url, title: flatten(item.title), description: truncateWords(item.summary, 300), image: item.card };
}
