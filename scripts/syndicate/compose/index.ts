/** One composer per network; `composePost` picks the network's. */
import type { Network } from '../../../src/lib/networks.ts';
import { composeBluesky } from './bluesky.ts';
import { composeLinkedIn } from './linkedin.ts';
import { composeMastodon, MASTODON_DEFAULT_LIMITS, type MastodonLimits } from './mastodon.ts';
import type { ComposedPost, SyndicationItem } from './post.ts';
import { composeThreads } from './threads.ts';
import { composeX } from './x.ts';

export interface ComposeSettings {
  /** The Mastodon instance's limits (from its /api/v2/instance). */
  mastodon?: MastodonLimits;
}

export function composePost(network: Network, item: SyndicationItem, settings: ComposeSettings = {}): ComposedPost {
  switch (network) {
    case 'bluesky':
      return composeBluesky(item);
    case 'mastodon':
      return composeMastodon(item, settings.mastodon ?? MASTODON_DEFAULT_LIMITS);
    case 'linkedin':
      return composeLinkedIn(item);
    case 'x':
      return composeX(item);
    case 'threads':
      return composeThreads(item);
  }
}

export { ComposeError, type ComposedPost, type LinkCard, type SyndicationItem } from './post.ts';
