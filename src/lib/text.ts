/** Plain-text helpers for summaries, titles of untitled notes and word counts. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The readable text of a fragment of our own rendered HTML (not a sanitiser: never use on third-party HTML). */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      // Line breaks inside the source are soft wraps; only block ends separate lines of text.
      .replace(/\s+/g, ' ')
      .replace(/<\/(p|li|h[1-6]|blockquote|pre|div)>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, code: string) => {
        if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
        if (code.startsWith('#')) return String.fromCodePoint(Number.parseInt(code.slice(1), 10));
        return ENTITIES[code.toLowerCase()] ?? match;
      })
      .replace(/[ \t]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim()
  );
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Plain text as HTML that shows exactly that text: for fields that readers render as HTML, such as
 * RSS's `<description>`, where a summary holding `<img onerror=…>` or `&amp;` must stay those characters.
 */
export function textToHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Shortens text to at most `max` characters, cutting at a word boundary and adding an ellipsis.
 * Never cuts inside a word or a grapheme.
 */
export function truncateWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let end = 0;
  for (const { index, segment } of segmenter.segment(flat)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${flat.slice(0, end).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** The first sentence of a text (or the whole text when it has only one). */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const match = /^.+?[.!?…](?=\s|$)/u.exec(flat);
  return match ? match[0] : flat;
}

/** A title for a note, which has none of its own: its first sentence, shortened. */
export function noteTitle(text: string, max = 80): string {
  return truncateWords(firstSentence(text), max);
}

/** Words in a text, counted as an organiser counting a bio would. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Longest `<title>` kept whole: browser tabs and search results cut longer ones anyway. */
export const DOCUMENT_TITLE_MAX = 70;

/**
 * The `<title>` of a page: `Title · Site` when that fits in 70 characters, otherwise the title alone,
 * shortened at a word if it must be (the full title stays in the heading and in `og:title`).
 */
export function documentTitle(title: string, siteTitle?: string): string {
  const withSite = siteTitle ? `${title} · ${siteTitle}` : title;
  if (withSite.length <= DOCUMENT_TITLE_MAX) return withSite;
  return truncateWords(title, DOCUMENT_TITLE_MAX);
}
