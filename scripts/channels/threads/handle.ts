/** A Threads handle is the Instagram username: `@ada`; threads.net addresses still count. */
import { firstPathPart, hostIs, type HandleRule } from '../handle.ts';

export const threadsHandle: HandleRule = {
  article: 'a',
  example: { handle: '@ada', url: 'https://www.threads.com/@ada' },
  fromUrl: (url) => (hostIs(url, 'threads.com', 'threads.net') ? firstPathPart(url).replace(/^@/, '') : undefined),
  fromText: (text) => {
    const handle = text.replace(/^@/, '').toLowerCase();
    return /^[\w.]{1,30}$/.test(handle) ? handle : undefined;
  },
  url: (handle) => `https://www.threads.com/@${handle}`,
};
