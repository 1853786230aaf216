/**
 * X: 280 weighted characters by the twitter-text rules (most CJK and emoji count 2, every URL 23).
 * X unfurls the page's twitter: meta tags, so the URL goes in the text. No hashtags: they cost
 * characters and X no longer surfaces them the way Bluesky and Mastodon do.
 */
import twitterText from 'twitter-text';
import { composeText, linkCard, type ComposedPost, type SyndicationItem } from '../post.ts';

export const X_MAX_WEIGHTED = 280;

export function xLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

function fits(text: string): boolean {
  const parsed = twitterText.parseTweet(text);
  return parsed.valid && parsed.weightedLength <= X_MAX_WEIGHTED;
}

export function composeX(item: SyndicationItem): ComposedPost {
  const text = composeText(item, { network: 'x', withUrl: true, withHashtags: false, fits });
  return {
    network: 'x',
    itemKey: item.key,
    text,
    length: xLength(text),
    limit: X_MAX_WEIGHTED,
    unit: 'weighted characters',
    link: linkCard(item),
    override: item.overrides.x !== undefined,
  };
}
