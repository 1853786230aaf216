/** A Bluesky handle is a domain name: `ada.bsky.social`, or the person's own. */
import { DOMAIN, hostIs, type HandleRule } from '../handle.ts';

export const blueskyHandle: HandleRule = {
  article: 'a',
  example: { handle: 'ada.bsky.social', url: 'https://bsky.app/profile/ada.bsky.social' },
  fromUrl: (url) => (hostIs(url, 'bsky.app') && url.pathname.startsWith('/profile/') ? url.pathname.split('/')[2] : undefined),
  fromText: (text) => {
    const handle = text.replace(/^@/, '').toLowerCase();
    return DOMAIN.test(handle) ? handle : undefined;
  },
  url: (handle) => `https://bsky.app/profile/${handle}`,
};
