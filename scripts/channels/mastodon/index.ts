/** Mastodon: posts and reads with one token on the person's instance, whose limits the composer follows. */
import { defineChannel } from '../channel.ts';
import { createMastodonAdapter, mastodonConfig } from './adapter.ts';
import { createMastodonAnswerer } from './answer.ts';
import { composeMastodon, MASTODON_DEFAULT_LIMITS, mastodonLength } from './compose.ts';
import { mastodonHandle } from './handle.ts';
import { mastodonTokens } from './tokens.ts';

export default defineChannel({
  name: 'mastodon',
  secretEnv: ['MASTODON_TOKEN'],
  limits: { max: MASTODON_DEFAULT_LIMITS.maxCharacters, unit: 'characters' },
  uploadsThumbnail: false,
  config: mastodonConfig,
  createAdapter: createMastodonAdapter,
  compose: composeMastodon,
  tokens: mastodonTokens,
  handle: mastodonHandle,
  // Checked against Mastodon's default 500 (the channel's limits): every server takes that much.
  answer: { length: (text) => mastodonLength(text), create: createMastodonAnswerer },
});
