/**
 * Bluesky: 300 graphemes (and 3000 bytes), rich-text facets with UTF-8 byte offsets, and an
 * `app.bsky.embed.external` link card — Bluesky does not unfurl links in posts made through the API,
 * so the URL goes in the card, not the text.
 *
 * Facets found offline (`RichText.detectFacetsWithoutResolution()`) are links and tags only. Its
 * mention facets carry the handle where the lexicon requires a DID ("Will produce invalid facets!",
 * its own doc comment), and a PDS refuses such a record (`facets/0/features/0/did must be a valid
 * did`); a mention needs the network to resolve its handle, so the adapter adds it at publish time
 * (../networks/bluesky.ts, `mentionFacets`).
 * https://docs.bsky.app/docs/advanced-guides/post-richtext
 */
import { AppBskyRichtextFacet, RichText } from '@atproto/api';
import { composeText, linkCard, type ComposedPost, type SyndicationItem } from '../post.ts';

export const BLUESKY_MAX_GRAPHEMES = 300;
export const BLUESKY_MAX_BYTES = 3000;

function fits(text: string): boolean {
  const rich = new RichText({ text });
  return rich.graphemeLength <= BLUESKY_MAX_GRAPHEMES && rich.length <= BLUESKY_MAX_BYTES;
}

/** Link and tag facets of a text: everything the lexicon accepts without asking the network. */
export function offlineFacets(text: string): AppBskyRichtextFacet.Main[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).filter((facet) => !facet.features.some((feature) => AppBskyRichtextFacet.isMention(feature)));
}

export function composeBluesky(item: SyndicationItem): ComposedPost {
  const text = composeText(item, { network: 'bluesky', withUrl: false, withHashtags: true, fits });
  const rich = new RichText({ text });
  return {
    network: 'bluesky',
    itemKey: item.key,
    text,
    length: rich.graphemeLength,
    limit: BLUESKY_MAX_GRAPHEMES,
    unit: 'graphemes',
    link: linkCard(item),
    override: item.overrides.bluesky !== undefined,
    facets: offlineFacets(text),
  };
}
