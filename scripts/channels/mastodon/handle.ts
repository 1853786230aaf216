/** A Mastodon handle names the user and their server: `@ada@mastodon.social`. */
import { HANDLE_SPELLINGS } from '../../../src/contract/handles.ts';
import { firstPathPart, type HandleRule } from '../handle.ts';

export const mastodonHandle: HandleRule = {
  article: 'a',
  example: { handle: '@ada@mastodon.social', url: 'https://mastodon.social/@ada' },
  fromUrl: (url) => {
    const user = /^@([\w.]+)$/.exec(firstPathPart(url))?.[1];
    return user ? `@${user}@${url.hostname.toLowerCase()}` : undefined;
  },
  ...HANDLE_SPELLINGS.mastodon,
};
