import { describe, expect, test } from 'vitest';
import { UsageError } from '../lib/cli.ts';
import { linkedinRemoteFromUrl } from '../channels/linkedin/adapter.ts';
import { describeHeld, parseResolution } from './resolve.ts';

describe('linkedinRemoteFromUrl', () => {
  test.each([
    ['the post’s page', 'https://www.linkedin.com/feed/update/urn:li:share:7270000000000000001/', 'urn:li:share:7270000000000000001'],
    [
      'without the trailing slash, with tracking',
      'https://www.linkedin.com/feed/update/urn:li:ugcPost:7322563857183313921?utm_source=share',
      'urn:li:ugcPost:7322563857183313921',
    ],
    ['percent-encoded', 'https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7270000000000000001/', 'urn:li:share:7270000000000000001'],
    [
      'Embed this post',
      'https://www.linkedin.com/embed/feed/update/urn:li:share:7334944262779723776?collapsed=1',
      'urn:li:share:7334944262779723776',
    ],
    [
      'Copy link to post',
      'https://www.linkedin.com/posts/morwenna-hale_community-energy-ugcPost-7322563857183313921-Ab_c?utm_medium=member_desktop',
      'urn:li:ugcPost:7322563857183313921',
    ],
    ['without www', 'https://linkedin.com/feed/update/urn:li:share:7270000000000000001/', 'urn:li:share:7270000000000000001'],
  ])('%s', (_name, address, urn) => {
    expect(linkedinRemoteFromUrl(address)).toEqual({ remoteId: urn, url: `https://www.linkedin.com/feed/update/${urn}/` });
  });

  test.each([
    ['http', 'http://www.linkedin.com/feed/update/urn:li:share:1/'],
    ['another host', 'https://www.linkedin.com.evil.example/feed/update/urn:li:share:1/'],
    ['credentials in it', 'https://someone@www.linkedin.com/feed/update/urn:li:share:1/'],
    ['a profile', 'https://www.linkedin.com/in/morwenna-hale/'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['not a URL', 'urn:li:share:1'],
    ['a broken escape', 'https://www.linkedin.com/feed/update/urn%E0%A4%A:li:share:1/'],
  ])('refuses %s, saying what it takes', (_name, address) => {
    expect(() => linkedinRemoteFromUrl(address)).toThrow(
      `expected the post’s https address on www.linkedin.com, such as https://www.linkedin.com/feed/update/urn:li:share:7…/; got ${JSON.stringify(address)}`,
    );
  });

  test('refuses an activity’s address, saying where the post’s own is', () => {
    for (const address of [
      'https://www.linkedin.com/feed/update/urn:li:activity:7270000000000000000/',
      'https://www.linkedin.com/posts/morwenna-hale_activity-7270000000000000000-bU0n',
    ]) {
      expect(() => linkedinRemoteFromUrl(address)).toThrow(
        /names the activity \(urn:li:activity:7270000000000000000\), not the post: on the post, open ··· → Embed this post/,
      );
    }
  });
});

describe('parseResolution', () => {
  test('a URL or not-posted', async () => {
    await expect(parseResolution('linkedin:essay/owning-the-wind=https://www.linkedin.com/feed/update/urn:li:share:7/')).resolves.toEqual({
      network: 'linkedin',
      key: 'essay/owning-the-wind',
      posted: { remoteId: 'urn:li:share:7', url: 'https://www.linkedin.com/feed/update/urn:li:share:7/' },
    });
    await expect(parseResolution('linkedin:note/2026-11-30-harvest=not-posted')).resolves.toEqual({
      network: 'linkedin',
      key: 'note/2026-11-30-harvest',
    });
  });

  test.each([
    [
      'essay/owning-the-wind',
      "--resolve essay/owning-the-wind: expected <network>:<kind>/<slug>=<the post's URL> or =not-posted, e.g. linkedin:essay/owning-the-wind=not-posted",
    ],
    ['myspace:essay/x=not-posted', '--resolve myspace:essay/x: unknown network "myspace": expected linkedin'],
    [
      'x:essay/x=not-posted',
      '--resolve x:essay/x: X looks for its own copies before posting again, so it never holds an item; only linkedin can be resolved',
    ],
    [
      'linkedin:owning-the-wind=not-posted',
      '--resolve linkedin:owning-the-wind: expected an item key like essay/<slug>, note/<slug> or theory/<slug>, as the held line names it',
    ],
    [
      'linkedin:essay/x=',
      '--resolve linkedin:essay/x: expected the post’s https address on www.linkedin.com, such as https://www.linkedin.com/feed/update/urn:li:share:7…/; got "", or not-posted',
    ],
  ])('%s is one usage line', async (argument, line) => {
    await expect(parseResolution(argument)).rejects.toThrow(UsageError);
    await expect(parseResolution(argument)).rejects.toThrow(line);
  });
});

test('describeHeld: what happened, where to look, and the two commands lined up', () => {
  expect(
    describeHeld({
      network: 'linkedin',
      key: 'essay/x',
      startedAt: '2026-11-20T09:00:05.123Z',
      why: 'LinkedIn would not say',
      lookAt: 'your LinkedIn activity',
    }),
  ).toBe(
    [
      'LinkedIn essay/x: an attempt on 2026-11-20 09:00 UTC may have posted it, and LinkedIn would not say. Look at your LinkedIn activity, then run one of:',
      '  ./hub run syndicate -- --resolve linkedin:essay/x="<the post\'s URL>"   (it is there)',
      '  ./hub run syndicate -- --resolve linkedin:essay/x=not-posted           (it is not: post it on the next run)',
    ].join('\n'),
  );
});
