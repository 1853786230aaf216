/** Threads: Meta's Graph API with a long-lived token. */
import { defineChannel } from '../channel.ts';
import { createThreadsAdapter, threadsConfig } from './adapter.ts';
import { createThreadsAnswerer } from './answer.ts';
import { composeThreads, THREADS_MAX_CHARACTERS, threadsLength } from './compose.ts';
import { threadsHandle } from './handle.ts';
import { threadsTokens } from './tokens.ts';

export default defineChannel({
  name: 'threads',
  secretEnv: ['THREADS_TOKEN'],
  limits: { max: THREADS_MAX_CHARACTERS, unit: 'characters' },
  uploadsThumbnail: false,
  config: threadsConfig,
  createAdapter: createThreadsAdapter,
  compose: composeThreads,
  tokens: threadsTokens,
  handle: threadsHandle,
  answer: { length: threadsLength, create: createThreadsAnswerer },
});
