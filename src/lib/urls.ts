/** Every path the site links to is built here: one helper per kind of page, none by hand in templates. */
import { KIND_COLLECTIONS, type PieceKind } from '../contract/kinds.ts';

/** `/essays/`, `/notes/`, `/theories/`. */
export function kindIndexPath(kind: PieceKind): string {
  return `/${KIND_COLLECTIONS[kind]}/`;
}

/** `/essays/<slug>/` and likewise for notes and theories. */
export function piecePath(kind: PieceKind, slug: string): string {
  return `${kindIndexPath(kind)}${encodeURIComponent(slug)}/`;
}

/** The share card of a piece: `/cards/essays/<slug>.png`. */
export function cardPath(kind: PieceKind, slug: string): string {
  return `/cards/${KIND_COLLECTIONS[kind]}/${encodeURIComponent(slug)}.png`;
}

/** The share card of a talk: `/cards/talks/<slug>.png`. */
export function talkCardPath(slug: string): string {
  return `/cards/talks/${encodeURIComponent(slug)}.png`;
}

/** The share card for pages that are not a piece (home, lists, about). */
export const SITE_CARD_PATH = '/cards/site.png';

/**
 * A tag's slug: one path segment made of its letters and digits (any script), lower-cased, every run of
 * anything else (spaces, `/`, `.`, `%`, `#`, `?`) a single dash: `AI/ML` → `ai-ml`, `../x` → `x`. A tag
 * is free text, but its page's address must never hold a `/` (Astro cannot build a route parameter with
 * one) or a `..`. Empty for a tag with no letters or digits, which the schema refuses
 * (src/schemas/fields.ts); two tags with one slug are refused too (src/lib/tags.ts).
 */
export function tagSlug(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `/tags/<slug>/`. */
export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tagSlug(tag))}/`;
}

/** Joins a site-relative path onto the site's origin: `absoluteUrl('/essays/x/', 'https://a.b')`. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}

/**
 * Makes root-relative `src` and `href` attributes in rendered HTML absolute, so feed readers (which
 * show content away from the site) load images and follow links.
 */
export function absolutizeHtml(html: string, site: string | URL): string {
  return html.replace(/\b(src|href|poster)="(\/(?!\/)[^"]*)"/g, (_match, attribute: string, path: string) => {
    return `${attribute}="${absoluteUrl(path, site)}"`;
  });
}

/** `/speaking/`: the page organisers bookmark. */
export function speakingPath(): string {
  return '/speaking/';
}

/** `/speaking/<slug>/`: one talk. */
export function talkPath(slug: string): string {
  return `${speakingPath()}${encodeURIComponent(slug)}/`;
}

/** `/press/`: press quotes, media contact and press photos. */
export function pressPath(): string {
  return '/press/';
}

/** `/press/#<slug>`: one press quote on the press page. */
export function pressItemPath(slug: string): string {
  return `${pressPath()}#${encodeURIComponent(slug)}`;
}

/** `/talks.ics`: the iCalendar feed of talks. */
export function talksCalendarPath(): string {
  return '/talks.ics';
}

/** An absolute address with `webcal:`, which calendar apps open as a subscription rather than a download. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:/, 'webcal:');
}

/**
 * A `mailto:` link with a subject and body (RFC 6068): both percent-encoded, line breaks as CRLF, so
 * every mail program fills them in the same way.
 */
export function mailtoUrl(address: string, fields: { subject?: string | undefined; body?: string | undefined } = {}): string {
  const query = Object.entries(fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0)
    .map(([name, value]) => `${name}=${encodeURIComponent(value.replace(/\r?\n/g, '\r\n'))}`)
    .join('&');
  return `mailto:${address}${query ? `?${query}` : ''}`;
}

/** `/speaking/#topic-<slug>`: a talk topic, listed on the speaking page. */
export function topicPath(slug: string): string {
  return `${speakingPath()}#topic-${encodeURIComponent(slug)}`;
}

/** `/stances/`: where the author stands. */
export function stancesPath(): string {
  return '/stances/';
}

/** `/stances/#<slug>`: one stance on the stances page. */
export function stancePath(slug: string): string {
  return `${stancesPath()}#${encodeURIComponent(slug)}`;
}

/** `/search/`, optionally with a query filled in: `/search/?q=fracking`. */
export function searchPath(query?: string): string {
  return query ? `/search/?${new URLSearchParams({ q: query })}` : '/search/';
}

/** `/impact/`: whether it is working — engagement, conversations, talks, press, presence. */
export function impactPath(): string {
  return '/impact/';
}
