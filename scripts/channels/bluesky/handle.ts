/** A Bluesky handle is a domain name: `ada.bsky.social`, or the person's own. */
import { HANDLE_SPELLINGS } from '../../../src/contract/handles.ts';
import { hostIs, type HandleRule } from '../handle.ts';

export const blueskyHandle: HandleRule = {
  article: 'a',
  example: { handle: 'ada.bsky.social', url: 'https://bsky.app/profile/ada.bsky.social' },
  fromUrl: (url) => (hostIs(url, 'bsky.app') && url.pathname.startsWith('/profile/') ? url.pathname.split('/')[2] : undefined),
  ...HANDLE_SPELLINGS.bluesky,
};
