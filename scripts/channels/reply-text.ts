/**
 * Text written by strangers, made safe to keep: a network's HTML turned into plain text (Mastodon's
 * `content`), and every text normalised and capped before it goes into a snapshot. What comes out is
 * only ever text — no markup survives as markup; markup a person typed (`<script>` written as a
 * word) stays as those characters, for the site to escape like any other text.
 */
import { compile } from 'html-to-text';

/** The longest reply text kept, in UTF-16 code units; longer ones are cut at a grapheme and end in `…`. */
export const MAX_REPLY_TEXT = 5000;
/** The longest display name or handle kept (networks allow far less; this only bounds a hostile one). */
export const MAX_NAME_TEXT = 200;

const toText = compile({
  // One paragraph per line pair, one `<br>` per line break, no wrapping: the site wraps.
  wordwrap: false,
  limits: { maxInputLength: 200_000 },
  selectors: [
    // A link is its text (Mastodon writes mentions, hashtags and URLs as links whose text is what was typed).
    { selector: 'a', options: { ignoreHref: true } },
    // Images are dropped rather than turned into "[src]"; Mastodon sends custom emoji as :shortcode: text.
    { selector: 'img', format: 'skip' },
    // Never sent by a well-behaved server; if one does, their content is code, not what someone wrote.
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
});

// C0 and C1 control characters other than tab and line feed: invisible, and some break terminals or parsers.
// eslint-disable-next-line no-control-regex -- control characters are what this strips
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Normalises third-party text: CRLF and CR become LF, control characters and unpaired surrogates go,
 * runs of three or more line breaks become two, surrounding white space is trimmed, and text longer
 * than `max` is cut at a grapheme boundary (never inside an emoji or a combining sequence) with `…`.
 */
export function plainText(text: string, max = MAX_REPLY_TEXT): string {
  const clean = text
    .toWellFormed()
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (clean.length <= max) return clean;
  let cut = '';
  for (const { segment } of graphemes.segment(clean)) {
    if (cut.length + segment.length > max - 1) break;
    cut += segment;
  }
  return `${cut.trimEnd()}…`;
}

/** A display name or handle: one line of plain text. */
export function plainName(text: string): string {
  return plainText(text.replace(/\s+/g, ' '), MAX_NAME_TEXT);
}

/**
 * HTML (a Mastodon status's `content`) as plain text: links become their text, paragraphs are
 * separated by a blank line, `<br>` is a line break, entities are decoded (`&lt;b&gt;` is the text
 * "<b>"), tags and scripts are gone. Broken HTML is read the way a browser would read it.
 */
export function htmlToPlainText(html: string, max = MAX_REPLY_TEXT): string {
  return plainText(toText(html), max);
}

/**
 * X's `text` field escapes `&`, `<` and `>` as HTML entities (and only those); this undoes it in one
 * pass, so `&amp;lt;` (someone typing "&lt;") stays "&lt;".
 */
export function decodeXEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}
