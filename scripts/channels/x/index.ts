/** X: OAuth 1.0a user tokens or an OAuth 2.0 token (renewed with its refresh token). */
import { defineChannel } from '../channel.ts';
import { createXAdapter, xConfig } from './adapter.ts';
import { createXAnswerer } from './answer.ts';
import { composeX, X_MAX_WEIGHTED, xLength } from './compose.ts';
import { xHandle } from './handle.ts';
import { xTokens } from './tokens.ts';

export default defineChannel({
  name: 'x',
  secretEnv: ['X_API_KEY', 'X_API_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_SECRET', 'X_OAUTH2_TOKEN', 'X_REFRESH_TOKEN', 'X_CLIENT_SECRET'],
  limits: { max: X_MAX_WEIGHTED, unit: 'weighted characters' },
  uploadsThumbnail: false,
  config: xConfig,
  createAdapter: createXAdapter,
  compose: composeX,
  tokens: xTokens,
  handle: xHandle,
  answer: { length: xLength, create: createXAnswerer },
});
