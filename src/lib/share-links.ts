/**
 * Share links that need no script: each network's own "compose" (intent) address with the piece's
 * title and address filled in, and an email. Every value is escaped here, in one place, and a page
 * address that is not http(s) gets no links at all (src/lib/safe-urls.ts).
 *
 * Mastodon has no single compose address: each reader's own server has one (`https://<server>/share`),
 * and asking for the server without script would need a form submitting to a host we cannot know
 * (the policy allows forms to the site itself only, `form-action 'self'` in public/_headers). So the
 * Mastodon link goes to Share₂Fedi, an open-source (AGPL), instance-agnostic share page that asks the
 * reader for their server, remembers it on their device, and hands the text over to it; it also
 * serves Misskey, Pleroma, Friendica and other fediverse servers. See docs/site.md, "Share links".
 */
import { safeHttpUrl } from './safe-urls.ts';
import { mailtoUrl } from './urls.ts';

/** The share page the Mastodon link opens (https://github.com/kytta/share2fedi); it asks for the server. */
export const FEDIVERSE_SHARE_PAGE = 'https://s2f.kytta.dev/';

export type ShareTarget = 'bluesky' | 'mastodon' | 'linkedin' | 'x' | 'email';

export interface ShareLink {
  target: ShareTarget;
  /** What the link says: "Bluesky", "Email". */
  label: string;
  href: string;
}

const query = (fields: Record<string, string>): string => new URLSearchParams(fields).toString().replace(/\+/g, '%20');

/**
 * The share links for a page titled `title` at the absolute address `url`, in the order shown; empty
 * when `url` is not an absolute http(s) address.
 */
export function shareLinks(piece: { title: string; url: string }): ShareLink[] {
  const url = safeHttpUrl(piece.url);
  if (!url) return [];
  const post = `${piece.title} ${url}`;
  return [
    { target: 'bluesky', label: 'Bluesky', href: `https://bsky.app/intent/compose?${query({ text: post })}` },
    { target: 'mastodon', label: 'Mastodon', href: `${FEDIVERSE_SHARE_PAGE}?${query({ text: post })}` },
    { target: 'linkedin', label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}` },
    { target: 'x', label: 'X', href: `https://x.com/intent/post?${query({ text: piece.title, url })}` },
    { target: 'email', label: 'Email', href: mailtoUrl('', { subject: piece.title, body: `${piece.title}\n${url}` }) },
  ];
}
