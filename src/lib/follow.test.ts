import { describe, expect, test } from 'vitest';
import { accountsOf, bridgedAddresses, fediverseCreator } from './follow.ts';

describe('bridgedAddresses', () => {
  test('a bridged site is @<domain>@web.brid.gy on the fediverse and <domain>.web.brid.gy on Bluesky', () => {
    expect(bridgedAddresses('https://ada.example.com')).toEqual({
      fediverse: '@ada.example.com@web.brid.gy',
      bluesky: 'ada.example.com.web.brid.gy',
    });
  });

  test('the domain is the host alone: no path, port or www., in lower case', () => {
    expect(bridgedAddresses('https://WWW.Ada.Example:8443/blog/')).toEqual({
      fediverse: '@ada.example@web.brid.gy',
      bluesky: 'ada.example.web.brid.gy',
    });
  });

  test('the site’s own fediverse address replaces Bridgy Fed’s; the Bluesky address stays', () => {
    expect(bridgedAddresses('https://ada.example', '@ada.example@ada.example')).toEqual({
      fediverse: '@ada.example@ada.example',
      bluesky: 'ada.example.web.brid.gy',
    });
  });
});

describe('accountsOf', () => {
  test('each public network’s handle, normalised, with its profile page, in the channel list’s order', () => {
    expect(
      accountsOf({ x: '@ada', threads: '@Ada', mastodon: 'ada@Mastodon.Social', bluesky: '@ada.bsky.social', linkedin: 'ada-lovelace' }),
    ).toEqual([
      { network: 'bluesky', label: 'Bluesky', handle: 'ada.bsky.social', url: 'https://bsky.app/profile/ada.bsky.social' },
      { network: 'mastodon', label: 'Mastodon', handle: '@ada@mastodon.social', url: 'https://mastodon.social/@ada' },
      { network: 'linkedin', label: 'LinkedIn', handle: 'ada-lovelace', url: 'https://www.linkedin.com/in/ada-lovelace' },
      { network: 'x', label: 'X', handle: 'ada', url: 'https://x.com/ada' },
      { network: 'threads', label: 'Threads', handle: 'ada', url: 'https://www.threads.com/@ada' },
    ]);
  });

  test('a handle the network’s rule cannot read is shown as written, without a link', () => {
    expect(accountsOf({ mastodon: 'ada at mastodon' })).toEqual([
      { network: 'mastodon', label: 'Mastodon', handle: 'ada at mastodon', url: undefined },
    ]);
  });

  test('no handles, no accounts; the newsletter is not an account', () => {
    expect(accountsOf({})).toEqual([]);
    expect(accountsOf({ newsletter: 'ada' })).toEqual([]);
  });
});

describe('fediverseCreator', () => {
  test('the Mastodon handle as @user@host', () => {
    expect(fediverseCreator({ mastodon: 'ada@Mastodon.Social' })).toBe('@ada@mastodon.social');
    expect(fediverseCreator({ mastodon: '@ada@mastodon.social', bluesky: 'ada.bsky.social' })).toBe('@ada@mastodon.social');
  });

  test('none without a Mastodon handle, or with one that is not user@host', () => {
    expect(fediverseCreator({ bluesky: 'ada.bsky.social' })).toBeUndefined();
    expect(fediverseCreator({ mastodon: '@ada' })).toBeUndefined();
  });
});
