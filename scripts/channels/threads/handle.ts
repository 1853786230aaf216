/** A Threads handle is the Instagram username: `@ada`; threads.net addresses still count. */
import { HANDLE_SPELLINGS } from '../../../src/contract/handles.ts';
import { firstPathPart, hostIs, type HandleRule } from '../handle.ts';

export const threadsHandle: HandleRule = {
  article: 'a',
  example: { handle: '@ada', url: 'https://www.threads.com/@ada' },
  fromUrl: (url) => (hostIs(url, 'threads.com', 'threads.net') ? firstPathPart(url).replace(/^@/, '') : undefined),
  ...HANDLE_SPELLINGS.threads,
};
