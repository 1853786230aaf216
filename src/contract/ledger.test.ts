import { describe, expect, test } from 'vitest';
import { emptyLedger, ledgerKey, parseLedger, postedCopies } from './ledger.ts';

const ledger = {
  version: 1,
  items: {
    'essay/owning-the-wind': {
      url: 'https://ada.example/essays/owning-the-wind/',
      networks: {
        mastodon: { status: 'posted', remoteId: '1109', url: 'https://mastodon.example/@ada/1109', postedAt: '2026-11-25T10:00:00.000Z' },
        bluesky: {
          status: 'posted',
          remoteId: 'at://did:plc:abc/app.bsky.feed.post/3lx',
          url: 'https://bsky.app/profile/ada.example/post/3lx',
          postedAt: '2026-11-25T10:00:01Z',
        },
        x: { status: 'in-flight', startedAt: '2026-11-25T10:00:02.000Z' },
      },
    },
  },
};

describe('parseLedger', () => {
  test('reads a valid ledger', () => {
    expect(parseLedger(JSON.stringify(ledger)).items['essay/owning-the-wind']?.networks.x?.status).toBe('in-flight');
  });

  test('names the file and the field when an entry is broken', () => {
    const broken = structuredClone(ledger);
    (broken.items['essay/owning-the-wind'].networks.mastodon as Record<string, unknown>)['url'] = 'not a url';
    expect(() => parseLedger(JSON.stringify(broken), 'content/evidence/syndication.json')).toThrow(
      'content/evidence/syndication.json: items.essay/owning-the-wind.networks.mastodon.url: is "not a url" — use the public URL of the post',
    );
  });

  test('refuses a javascript: address for a post or a piece', () => {
    const broken = structuredClone(ledger);
    (broken.items['essay/owning-the-wind'].networks.mastodon as Record<string, unknown>)['url'] = 'javascript:alert(1)';
    broken.items['essay/owning-the-wind'].url = 'javascript:alert(2)';
    expect(() => parseLedger(JSON.stringify(broken), 'content/evidence/syndication.json')).toThrow(
      [
        'content/evidence/syndication.json: items.essay/owning-the-wind.url: is "javascript:alert(2)" — use the piece’s address on the site, an absolute http(s) URL',
        'content/evidence/syndication.json: items.essay/owning-the-wind.networks.mastodon.url: is "javascript:alert(1)" — use the public URL of the post',
      ].join('\n'),
    );
  });

  test('names the file when it is not JSON', () => {
    expect(() => parseLedger('{ "version": 1,', 'x.json')).toThrow(/^x\.json: \(whole file\): is not valid JSON \(.+\) — /);
  });
});

describe('postedCopies', () => {
  test('lists posted copies in network order and leaves out in-flight ones', () => {
    expect(postedCopies(parseLedger(JSON.stringify(ledger)), 'essay', 'owning-the-wind')).toEqual([
      { network: 'bluesky', url: 'https://bsky.app/profile/ada.example/post/3lx' },
      { network: 'mastodon', url: 'https://mastodon.example/@ada/1109' },
    ]);
  });

  test('is empty for a piece never syndicated', () => {
    expect(postedCopies(emptyLedger(), 'note', 'x')).toEqual([]);
    expect(ledgerKey('note', 'x')).toBe('note/x');
  });
});
