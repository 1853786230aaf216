import { beforeAll, describe, expect, test } from 'vitest';
import type { PublicNetwork } from '../../src/contract/networks.ts';
import type { Channel } from '../channels/channel.ts';
import { handleRules, parseHandle as parseWithRule, type HandleRules } from './handles.ts';

let rules: HandleRules;
beforeAll(async () => {
  rules = await handleRules();
});

/** parseHandle with the network's rule from the registry, as init takes it. */
const parseHandle = (network: PublicNetwork, input: string) => parseWithRule(network, rules.get(network)!, input);

describe('parseHandle', () => {
  test('takes a handle as people type it, or their profile’s address, and gives the handle and the profile link', () => {
    const cases: Array<[Parameters<typeof parseHandle>[0], string, string, string]> = [
      ['bluesky', '@Ada.bsky.social', 'ada.bsky.social', 'https://bsky.app/profile/ada.bsky.social'],
      ['bluesky', 'https://bsky.app/profile/ada.example.com', 'ada.example.com', 'https://bsky.app/profile/ada.example.com'],
      ['mastodon', 'ada@Mastodon.Social', '@ada@mastodon.social', 'https://mastodon.social/@ada'],
      ['mastodon', 'https://hachyderm.io/@ada', '@ada@hachyderm.io', 'https://hachyderm.io/@ada'],
      ['linkedin', 'https://www.linkedin.com/in/ada-lovelace/', 'ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace'],
      ['x', '@ada_l', 'ada_l', 'https://x.com/ada_l'],
      ['x', 'https://twitter.com/ada_l', 'ada_l', 'https://x.com/ada_l'],
      ['threads', 'https://www.threads.net/@ada.l', 'ada.l', 'https://www.threads.com/@ada.l'],
    ];
    for (const [network, input, handle, url] of cases) expect(parseHandle(network, input), input).toEqual({ network, handle, url });
  });

  test('refuses what cannot be a handle there, saying what one looks like', () => {
    expect(() => parseHandle('mastodon', 'ada')).toThrow(
      'expected a Mastodon handle like @ada@mastodon.social (or https://mastodon.social/@ada), got "ada"',
    );
    expect(() => parseHandle('x', 'a handle with spaces')).toThrow(/^expected an X handle like @ada/);
    expect(() => parseHandle('bluesky', 'https://example.com/profile/ada.bsky.social')).toThrow(/^expected a Bluesky handle/);
    expect(() => parseHandle('linkedin', 'javascript:alert(1)')).toThrow(/^expected a LinkedIn handle/);
  });

  test('a public channel without a handle rule is named, with the fix', async () => {
    // Only the name counts here: a channel that declares nothing else.
    await expect(handleRules([{ name: 'threads' } as Channel])).rejects.toThrow(
      'scripts/channels/threads/index.ts: handle is missing, but src/contract/networks.ts lists "threads" as public: declare how its handles are written (scripts/channels/handle.ts)',
    );
    expect([...(await handleRules([{ name: 'newsletter' } as Channel])).keys()]).toEqual([]);
  });
});
