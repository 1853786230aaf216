/**
 * Bluesky: 300 graphemes (and 3000 bytes), rich-text facets with UTF-8 byte offsets found offline by
 * `RichText.detectFacetsWithoutResolution()`, and an `app.bsky.embed.external` link card — Bluesky
 * does not unfurl links in posts made through the API, so the URL goes in the card, not the text.
 */
import { RichText } from '@atproto/api';
import { composeText, linkCard, type ComposedPost, type SyndicationItem } from './post.ts';

export const BLUESKY_MAX_GRAPHEMES = 300;
export const BLUESKY_MAX_BYTES = 3000;

function fits(text: string): boolean {
  const rich = new RichText({ text });
  return rich.graphemeLength <= BLUESKY_MAX_GRAPHEMES && rich.length <= BLUESKY_MAX_BYTES;
}

export function composeBluesky(item: SyndicationItem): ComposedPost {
  const text = composeText(item, { network: 'bluesky', withUrl: false, withHashtags: true, fits });
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return {
    network: 'bluesky', itemKey: item.key, text, length: rich.graphemeLength, limit: BLUESKY_MAX_GRAPHEMES, unit: 'graphemes',
    link: linkCard(item), override: item.overrides.bluesky !== undefined, facets: rich.facets ?? [],
  };
}
