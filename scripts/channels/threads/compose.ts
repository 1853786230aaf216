/**
 * Threads: "Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8
 * bytes." (https://developers.facebook.com/docs/threads/posts, Limitations): 👋 counts 4, 👩🏽‍🌾 (four
 * code points joined) counts 15. Everything else is counted here in UTF-16 code units, never fewer
 * than the characters Threads could mean. At most 5 links (more fail at container creation with
 * THREADS_API__LINK_LIMIT_EXCEEDED); the first URL in the text becomes the preview.
 */
import { composeText, findUrls, linkCard, type ComposedPost, type SyndicationItem } from '../post.ts';

export const THREADS_MAX_CHARACTERS = 500;
export const THREADS_MAX_LINKS = 5;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const utf8 = new TextEncoder();
/** A grapheme that is (or contains) an emoji: a pictograph, a flag's regional indicators, a keycap, an emoji presentation selector. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3|\uFE0F/u;

/** The length Threads counts: each emoji as its UTF-8 bytes, the rest one per UTF-16 code unit. */
export function threadsLength(text: string): number {
  let length = 0;
  for (const { segment } of graphemes.segment(text)) length += EMOJI.test(segment) ? utf8.encode(segment).length : segment.length;
  return length;
}

function fits(text: string): boolean {
  return threadsLength(text) <= THREADS_MAX_CHARACTERS && findUrls(text).length <= THREADS_MAX_LINKS;
}

export function composeThreads(item: SyndicationItem): ComposedPost {
  const text = composeText(item, { network: 'threads', withUrl: true, withHashtags: false, fits });
  return {
    network: 'threads',
    itemKey: item.key,
    text,
    length: threadsLength(text),
    limit: THREADS_MAX_CHARACTERS,
    unit: 'characters',
    link: linkCard(item),
    override: item.overrides.threads !== undefined,
  };
}
