import { describe, expect, it } from 'vitest';
import { parseSnapshot, snapshotFileName, snapshotSchema, type Snapshot } from '../contract/snapshots.ts';
import { engagementOf, withoutUnsafeUrls } from './evidence.ts';

describe('snapshots', () => {
  it('names files by time, sortable and without colons, with a suffix for a second one in the same instant', () => {
    expect(snapshotFileName('2026-11-25T10:00:00Z')).toBe('2026-11-25T10-00-00.000Z.json');
    expect(snapshotFileName('2026-11-25T10:00:00Z', 1)).toBe('2026-11-25T10-00-00.000Z-2.json');
  });

  it('names the file and each bad field', () => {
    const bad = JSON.stringify({
      version: 1,
      collectedAt: '25/11/2026',
      networks: {},
      items: {
        'essay/a': {
          url: 'https://a.example/',
          networks: { bluesky: { remoteId: 'r', url: 'https://bsky.app/profile/a/post/r', metrics: { likes: -1 } } },
        },
      },
    });
    expect(() => parseSnapshot(bad, 'content/evidence/engagement/x.json')).toThrow(
      /^content\/evidence\/engagement\/x\.json: collectedAt: is "25\/11\/2026" — use an ISO 8601 .*\ncontent\/evidence\/engagement\/x\.json: items\.essay\/a\.networks\.bluesky\.metrics\.likes: is -1 — use a count/,
    );
    expect(() => parseSnapshot('{', 'x.json')).toThrow(/^x\.json: \(whole file\): is not valid JSON \(.+\) — /);
  });

  it('adds every reported count; unreported counts are nothing', () => {
    expect(engagementOf({ likes: 3, reposts: 2, replies: 1, quotes: 4 })).toBe(10);
    expect(engagementOf({})).toBe(0);
  });
});

/** A snapshot in which every address a network or a stranger gave is `javascript:`. */
function hostileSnapshot(): Snapshot {
  const author = { name: 'Mallory', handle: '@mallory', url: 'javascript:alert("author")' };
  return {
    version: 1,
    collectedAt: '2026-11-25T10:00:00.000Z',
    networks: { mastodon: { status: 'read', copies: 1 } },
    items: {
      'essay/a': {
        url: 'https://ada.example/essays/a/',
        networks: {
          mastodon: {
            remoteId: '1',
            url: 'https://mastodon.example/@ada/1',
            metrics: { likes: 1 },
            newReplies: [{ id: '2', url: 'javascript:alert("reply")', author, text: 'Hi', publishedAt: '2026-11-25T09:00:00.000Z' }],
          },
        },
      },
    },
    webmentions: [{ id: '3', type: 'reply', target: 'https://ada.example/essays/a/', url: 'vbscript:x', author, text: 'Hi' }],
  };
}

describe('URLs from outside', () => {
  it('refuses a snapshot whose copy of a piece has a javascript: address, naming the file, the field and the fix', () => {
    const snapshot = hostileSnapshot();
    snapshot.items['essay/a']!.networks.mastodon!.url = 'javascript:alert(1)';
    expect(() => parseSnapshot(JSON.stringify(withoutUnsafeUrls(snapshot)), 'content/evidence/engagement/x.json')).toThrow(
      'content/evidence/engagement/x.json: items.essay/a.networks.mastodon.url: is "javascript:alert(1)" — use the address of the copy on the network, an absolute http(s) URL',
    );
  });

  it('refuses a javascript: address anywhere a stranger wrote one, one line per field', () => {
    const lines = (() => {
      try {
        parseSnapshot(JSON.stringify(hostileSnapshot()), 'x.json');
        return [];
      } catch (error) {
        return (error as Error).message.split('\n');
      }
    })();
    expect(lines).toEqual([
      'x.json: items.essay/a.networks.mastodon.newReplies.0.url: is "javascript:alert(\\"reply\\")" — use the address of the reply, an absolute http(s) URL (or "" when the network gave none)',
      'x.json: items.essay/a.networks.mastodon.newReplies.0.author.url: is "javascript:alert(\\"author\\")" — use the address of the person’s profile, an absolute http(s) URL (or leave it out)',
      'x.json: webmentions.0.url: is "vbscript:x" — use the address of the page that mentions the piece, an absolute http(s) URL (or "" when none was given)',
      'x.json: webmentions.0.author.url: is "javascript:alert(\\"author\\")" — use the address of the person’s profile, an absolute http(s) URL (or leave it out)',
    ]);
  });

  it('drops what strangers and networks give that is not http(s) before a snapshot is written, keeping the rest', () => {
    const clean = snapshotSchema.parse(withoutUnsafeUrls(hostileSnapshot()));
    const reply = clean.items['essay/a']!.networks.mastodon!.newReplies![0]!;
    expect(reply.url).toBe('');
    expect(reply.author).toEqual({ name: 'Mallory', handle: '@mallory' });
    expect(reply.text).toBe('Hi');
    expect(clean.webmentions![0]!.url).toBe('');
    expect(clean.webmentions![0]!.author).toEqual({ name: 'Mallory', handle: '@mallory' });
  });
});
