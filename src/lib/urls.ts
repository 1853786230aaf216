/** Every path the site links to is built here: one helper per kind of page, none by hand in templates. */

export type PieceKind = 'essay' | 'note' | 'theory';

const KIND_FOLDERS: Record<PieceKind, string> = { essay: 'essays', note: 'notes', theory: 'theories' };

/** `/essays/`, `/notes/`, `/theories/`. */
export function kindIndexPath(kind: PieceKind): string {
  return `/${KIND_FOLDERS[kind]}/`;
}

/** `/essays/<slug>/` and likewise for notes and theories. */
export function piecePath(kind: PieceKind, slug: string): string {
  return `${kindIndexPath(kind)}${encodeURIComponent(slug)}/`;
}

/** The share card of a piece: `/cards/essays/<slug>.png`. */
export function cardPath(kind: PieceKind, slug: string): string {
  return `/cards/${KIND_FOLDERS[kind]}/${encodeURIComponent(slug)}.png`;
}

/** The share card for pages that are not a piece (home, lists, about). */
export const SITE_CARD_PATH = '/cards/site.png';

/** Tag slugs are the tag, lower-cased, spaces as dashes, percent-encoded where needed. */
export function tagSlug(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, '-');
}

/** `/tags/<tag>/`. */
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
