/**
 * The newsletter's composer: the whole piece as an email (render.ts), carried to the adapter on the
 * composed post. What a dry run shows as the length is the HTML's size against the size past which
 * Gmail clips a message behind "View entire message" (about 102 KB), since an email has no length
 * limit a reader would meet sooner.
 */
import { flatten } from '../cut.ts';
import { ComposeError, linkCard, type ComposedPost, type SyndicationItem } from '../post.ts';
import type { OutgoingEmail } from './provider.ts';
import { renderEmail } from './render.ts';
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
      canonicalUrl: item.url,
      marker: item.key,
      description: item.summary,
    },
  };
}
