/**
 * Threads: 500 characters (counted here as Unicode code points, which is never fewer than what
 * Threads counts), at most 5 links, and the first URL in the text becomes the preview.
 */
import { composeText, findUrls, linkCard, type ComposedPost, type SyndicationItem } from './post.ts';

export const THREADS_MAX_CHARACTERS = 500;
export const THREADS_MAX_LINKS = 5;

export function threadsLength(text: string): number {
  return [...text].length;
}

function fits(text: string): boolean {
  return threadsLength(text) <= THREADS_MAX_CHARACTERS && findUrls(text).length <= THREADS_MAX_LINKS;
}

export function composeThreads(item: SyndicationItem): ComposedPost {
  const text = composeText(item, { network: 'threads', withUrl: true, withHashtags: false, fits });
  return {
    network: 'threads', itemKey: item.key, text, length: threadsLength(text), limit: THREADS_MAX_CHARACTERS, unit: 'characters',
    link: linkCard(item), override: item.overrides.threads !== undefined,
  };
}
