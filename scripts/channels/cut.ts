/**
 * Cutting text to fit a network: whole text if it fits, else whole sentences, else whole words with
 * an ellipsis. Segments come from `Intl.Segmenter`, so a cut never falls inside a word or a grapheme
 * (an emoji with its skin tone, a letter with its combining accent).
 */

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Runs of white space become one space (line breaks inside a summary are soft wraps). */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** User-perceived characters: what Bluesky and Mastodon count. */
export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) count += 1;
  return count;
}

/**
 * The longest leading excerpt of `text` that `fits`: the whole text, else as many whole sentences
 * as fit, else as many whole words as fit followed by "…". Undefined when not even one word fits.
 */
export function fitExcerpt(text: string, fits: (excerpt: string) => boolean): string | undefined {
  const flat = flatten(text);
  if (flat === '' || fits(flat)) return flat === '' ? undefined : flat;
  const sentenceEnds = [...sentenceSegmenter.segment(flat)].map(({ index, segment }) => index + segment.length);
  for (let i = sentenceEnds.length - 2; i >= 0; i -= 1) {
    const candidate = flat.slice(0, sentenceEnds[i]).trim();
    if (fits(candidate)) return candidate;
  }
  const wordEnds = [...wordSegmenter.segment(flat)].filter((word) => word.isWordLike).map(({ index, segment }) => index + segment.length);
  for (let i = wordEnds.length - 1; i >= 0; i -= 1) {
    const candidate = `${flat.slice(0, wordEnds[i]).replace(/[\s,;:.–—-]+$/u, '')}…`;
    if (fits(candidate)) return candidate;
  }
  return undefined;
}
