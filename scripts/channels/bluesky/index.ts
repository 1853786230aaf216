/** Bluesky: posts with an app password on the account's PDS; reads from an AppView without one. */
import { defineChannel } from '../channel.ts';
import { createBlueskyAnswerer } from './answer.ts';
import { blueskyConfig, blueskyReaderConfig, createBlueskyAdapter, createBlueskyReader } from './adapter.ts';
import { BLUESKY_MAX_GRAPHEMES, composeBluesky } from './compose.ts';
import { graphemeCount } from '../cut.ts';
import { blueskyHandle } from './handle.ts';
import { blueskyTokens } from './tokens.ts';

export default defineChannel({
  name: 'bluesky',
  secretEnv: ['BLUESKY_APP_PASSWORD'],
  limits: { max: BLUESKY_MAX_GRAPHEMES, unit: 'graphemes' },
  uploadsThumbnail: true,
  config: blueskyConfig,
  createAdapter: createBlueskyAdapter,
  // Counts and replies are public: the AppView (BLUESKY_APPVIEW, default the public one) needs no credentials.
  reader: (env, deps) => createBlueskyReader(blueskyReaderConfig(env), deps),
  compose: composeBluesky,
  tokens: blueskyTokens,
  handle: blueskyHandle,
  answer: { length: graphemeCount, create: createBlueskyAnswerer },
});
