/** A Mastodon handle names the user and their server: `@ada@mastodon.social`. */
import { DOMAIN, firstPathPart, type HandleRule } from '../handle.ts';

export const mastodonHandle: HandleRule = {
  article: 'a',
  example: { handle: '@ada@mastodon.social', url: 'https://mastodon.social/@ada' },
  fromUrl: (url) => {
    const user = /^@([\w.]+)$/.exec(firstPathPart(url))?.[1];
    return user ? `@${user}@${url.hostname.toLowerCase()}` : undefined;
  },
  fromText: (text) => {
    const match = /^@?([\w.]+)@([^@\s]+)$/.exec(text);
    return match && DOMAIN.test(match[2]!) ? `@${match[1]}@${match[2]!.toLowerCase()}` : undefined;
  },
  url: (handle) => {
    const [, user, server] = /^@([^@]+)@(.+)$/.exec(handle)!;
    return `https://${server}/@${user}`;
  },
};
