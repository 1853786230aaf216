/**
 * The newsletter's composer: the whole piece as an email (render.ts), carried to the adapter on the
 * composed post. What a dry run shows as the length is the HTML's size against the size past which
 * Gmail clips a message behind "View entire message" (about 102 KB), since an email has no length
 * limit a reader would meet sooner.
 */
import { parseHTML } from 'linkedom';
import { PIECE_KINDS, type PieceKind } from '../../../src/contract/kinds.ts';
import { stageLabel } from '../../../src/lib/theories.ts';
import { flatten } from '../cut.ts';
import { ComposeError, linkCard, type ComposedPost, type SyndicationItem } from '../post.ts';
import type { Digest } from './digest.ts';
import type { OutgoingEmail } from './provider.ts';
import { renderDigest, renderEmail, type DigestEntry } from './render.ts';
import { NEWSLETTER } from './settings.ts';

/** Gmail clips an email whose HTML is larger than this (102 KB), hiding the end behind a link. */
export const GMAIL_CLIP_BYTES = 102_000;

/** A composed post carrying its email: `text` is the plain-text part, `length` the HTML's bytes. */
export interface NewsletterPost extends ComposedPost {
  email: OutgoingEmail;
}

export function isNewsletterPost(post: ComposedPost): post is NewsletterPost {
  return 'email' in post && typeof (post as NewsletterPost).email?.html === 'string';
}

/** Renders the piece as an email. Async, unlike the networks' composers: MJML 5 renders asynchronously. */
export async function composeNewsletter(item: SyndicationItem): Promise<NewsletterPost> {
  if (item.html === undefined || item.html.trim() === '')
    throw new ComposeError(`${item.key}: the feed has no content_html for it, and an email carries the whole piece; rebuild the site`);
  const subject = flatten(item.title);
  const rendered = await renderEmail({
    title: subject,
    summary: item.summary,
    url: item.url,
    datePublished: item.datePublished,
    html: item.html,
    author: item.author,
    language: item.language,
  });
  return {
    network: NEWSLETTER,
    itemKey: item.key,
    text: rendered.text,
    length: Buffer.byteLength(rendered.html, 'utf8'),
    limit: GMAIL_CLIP_BYTES,
    unit: 'bytes',
    link: linkCard(item),
    override: false,
    email: {
      subject,
      html: rendered.html,
      text: rendered.text,
      webUrl: item.url,
      canonicalUrl: item.url,
      marker: item.key,
      description: item.summary,
    },
  };
}

/** How a digest's subject names what it holds, in the site's order of kinds. */
const PLURALS: Record<PieceKind, string> = { essay: 'essays', note: 'notes', theory: 'theories' };

/** "Notes and theories", "Essays, notes and theories". */
function kindsNamed(items: SyndicationItem[]): string {
  const names = PIECE_KINDS.filter((kind) => items.some((item) => item.kind === kind)).map((kind) => PLURALS[kind]);
  const said = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}` : names[0]!;
  return said.charAt(0).toUpperCase() + said.slice(1);
}

/** The summary a digest shows for a piece: its own, or the first paragraph of its body where it has none. */
function summaryOf(item: SyndicationItem): string {
  if (item.summary.trim()) return flatten(item.summary);
  if (!item.html) return '';
  const { document } = parseHTML(`<!doctype html><html><body>${item.html}</body></html>`);
  return flatten(document.querySelector('p')?.textContent ?? '');
}

/** A date in the site's language, in UTC as the site shows dates: `long` gives "23 November 2026". */
function dateFormat(language: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
  }
}

/**
 * The week's digest as one email: each piece its title, date, stage (theories) and summary, linked,
 * in publication order. Its marker is the digest's id; it has no canonical URL (it is no one piece's
 * copy) and its web version is the site's home page.
 */
export async function composeDigest(digest: Digest): Promise<NewsletterPost> {
  const [first] = digest.items;
  if (!first) throw new ComposeError(`${digest.id}: a digest with no pieces is not sent`);
  const language = first.language ?? 'en';
  const format = dateFormat(language);
  const subject = `${kindsNamed(digest.items)} from the week of ${format.format(new Date(`${digest.week.monday}T00:00:00Z`))}`;
  const dateLine = format.formatRange(new Date(`${digest.week.monday}T00:00:00Z`), new Date(`${digest.week.sunday}T00:00:00Z`));
  const webUrl = first.homePage ?? new URL('/', first.url).href;
  const entries: DigestEntry[] = digest.items.map((item) => ({
    title: flatten(item.title),
    url: item.url,
    datePublished: item.datePublished,
    stage: item.stage ? stageLabel(item.stage) : undefined,
    summary: summaryOf(item),
  }));
  const rendered = await renderDigest({ title: subject, dateLine, webUrl, entries, author: first.author, language });
  const description = entries.map((entry) => entry.title).join(' · ');
  return {
    network: NEWSLETTER,
    itemKey: digest.id,
    text: rendered.text,
    length: Buffer.byteLength(rendered.html, 'utf8'),
    limit: GMAIL_CLIP_BYTES,
    unit: 'bytes',
    link: { url: webUrl, title: subject, description },
    override: false,
    email: { subject, html: rendered.html, text: rendered.text, webUrl, marker: digest.id, description },
  };
}
