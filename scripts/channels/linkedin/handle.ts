/** A LinkedIn handle is the public profile's name: `ada-lovelace` in linkedin.com/in/ada-lovelace. */
import { HANDLE_SPELLINGS } from '../../../src/contract/handles.ts';
import { hostIs, type HandleRule } from '../handle.ts';

export const linkedinHandle: HandleRule = {
  article: 'a',
  example: { handle: 'ada-lovelace', url: 'https://www.linkedin.com/in/ada-lovelace' },
  fromUrl: (url) =>
    hostIs(url, 'linkedin.com') && url.pathname.startsWith('/in/') ? decodeURIComponent(url.pathname.split('/')[2] ?? '') : undefined,
  ...HANDLE_SPELLINGS.linkedin,
};
