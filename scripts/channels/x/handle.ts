/** An X handle: `@ada`, up to 15 letters, digits or underscores; twitter.com addresses still count. */
import { HANDLE_SPELLINGS } from '../../../src/contract/handles.ts';
import { firstPathPart, hostIs, type HandleRule } from '../handle.ts';

export const xHandle: HandleRule = {
  // "an X handle": the letter is said "ex".
  article: 'an',
  example: { handle: '@ada', url: 'https://x.com/ada' },
  fromUrl: (url) => (hostIs(url, 'x.com', 'twitter.com') ? firstPathPart(url) : undefined),
  ...HANDLE_SPELLINGS.x,
};
