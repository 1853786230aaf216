/**
 * Mastodon: the instance's `configuration.statuses.max_characters` (500 by default), counted in
 * graphemes with every URL counting as `characters_reserved_per_url` (23) whatever its length.
 * Mastodon's StatusLengthValidator only gives that concession to URLs with a scheme, on any domain
 * (twitter-text's list of known TLDs would miss `.example` or a new gTLD), so `findUrls` is used.
 * The server unfurls the first link.
 */
import { graphemeCount } from '../cut.ts';
import { composeText, findUrls, linkCard, type ComposedPost, type SyndicationItem } from '../post.ts';

export interface MastodonLimits {
  maxCharacters: number;
  charactersReservedPerUrl: number;
}

export const MASTODON_DEFAULT_LIMITS: MastodonLimits = { maxCharacters: 500, charactersReservedPerUrl: 23 };

/** The length Mastodon's StatusLengthValidator counts. */
export function mastodonLength(text: string, limits: MastodonLimits = MASTODON_DEFAULT_LIMITS): number {
  let length = 0;
  let last = 0;
  for (const { start, end } of findUrls(text)) {
    length += graphemeCount(text.slice(last, start)) + limits.charactersReservedPerUrl;
    last = end;
  }
  return length + graphemeCount(text.slice(last));
}

export function composeMastodon(item: SyndicationItem, limits: MastodonLimits = MASTODON_DEFAULT_LIMITS): ComposedPost {
  const fits = (text: string): boolean => mastodonLength(text, limits) <= limits.maxCharacters;
  const text = composeText(item, { network: 'mastodon', withUrl: true, withHashtags: true, fits });
  return {
    network: 'mastodon',
    itemKey: item.key,
    text,
    length: mastodonLength(text, limits),
    limit: limits.maxCharacters,
    unit: 'characters',
    link: linkCard(item),
    override: item.overrides.mastodon !== undefined,
  };
}
