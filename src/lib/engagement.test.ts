import { describe, expect, it } from 'vitest';
import {
  engagementSeries,
  engagementSince,
  foldSnapshots,
  pieceEngagement,
  repliesByMonth,
  responsesFor,
  topPieces,
} from './engagement.ts';
import type { Metrics, Reply, Snapshot, SnapshotCopy } from '../contract/snapshots.ts';

const reply = (id: string, publishedAt: string, text = `reply ${id}`): Reply => ({
  id,
  url: `https://bsky.app/profile/a/post/${id}`,
  text,
  publishedAt,
  author: { name: 'Ada', handle: '@ada.example' },
});

function snap(collectedAt: string, items: Snapshot['items'], extra: Partial<Snapshot> = {}): Snapshot {
  return { version: 1, collectedAt, networks: {}, items, ...extra };
}

const URL_A = 'https://hub.example/essays/a/';
const copy = (metrics: Metrics, more: Partial<SnapshotCopy> = {}): SnapshotCopy => ({
  remoteId: 'r',
  url: 'https://bsky.app/x',
  metrics,
  ...more,
});

describe('folding snapshots', () => {
  it('is empty with no snapshots', () => {
    const state = foldSnapshots([]);
    expect(state.snapshots).toBe(0);
    expect(state.collectedAt).toBeUndefined();
    expect(engagementSeries([])).toEqual([]);
    expect(engagementSince([])).toEqual({ byNetwork: {}, total: 0, newReplies: 0 });
    expect(repliesByMonth(state)).toEqual([]);
  });

  it('keeps a copy’s last counts through a snapshot that left it out, and drops a copy that is gone', () => {
    const snapshots = [
      snap('2026-11-01T00:00:00Z', {
        'essay/a': { url: URL_A, networks: { bluesky: copy({ likes: 3, reposts: 1 }), x: copy({ likes: 10, quotes: 2 }) } },
      }),
      // X skipped that day: its 12 still count.
      snap('2026-11-02T00:00:00Z', { 'essay/a': { url: URL_A, networks: { bluesky: copy({ likes: 5, reposts: 1, replies: 1 }) } } }),
      snap('2026-11-03T00:00:00Z', { 'essay/a': { url: URL_A, networks: { x: copy({}, { gone: true }) } } }),
    ];
    expect(engagementSeries(snapshots).map((point) => [point.total, point.byNetwork])).toEqual([
      [16, { bluesky: 4, x: 12 }],
      [19, { bluesky: 7, x: 12 }],
      [7, { bluesky: 7, x: 0 }],
    ]);
    expect(engagementSince(snapshots)).toMatchObject({
      from: '2026-11-02T00:00:00Z',
      to: '2026-11-03T00:00:00Z',
      total: -12,
      byNetwork: { bluesky: 0, x: -12 },
    });
    const responses = responsesFor(foldSnapshots(snapshots), 'essay/a', URL_A);
    expect(responses.copies.map((c) => c.network)).toEqual(['bluesky']);
  });

  it('adds new replies, removes the ones reported removed, and lists them newest first', () => {
    const snapshots = [
      snap('2026-10-30T00:00:00Z', {
        'essay/a': {
          url: URL_A,
          networks: {
            bluesky: copy({ replies: 2 }, { newReplies: [reply('1', '2026-10-29T10:00:00Z'), reply('2', '2026-10-30T09:00:00Z')] }),
          },
        },
      }),
      snap('2026-12-02T00:00:00Z', {
        'essay/a': {
          url: URL_A,
          networks: { bluesky: copy({ replies: 2 }, { newReplies: [reply('3', '2026-12-01T08:00:00Z')], removedReplies: ['1'] }) },
        },
      }),
    ];
    const state = foldSnapshots(snapshots);
    expect(responsesFor(state, 'essay/a', URL_A).replies.map((r) => r.id)).toEqual(['3', '2']);
    expect(engagementSince(snapshots).newReplies).toBe(1);
    // Empty months between are kept, so a chart shows the quiet month.
    expect(repliesByMonth(state)).toEqual([
      { month: '2026-10', replies: 1 },
      { month: '2026-11', replies: 0 },
      { month: '2026-12', replies: 1 },
    ]);
  });

  it('keeps quote-posts apart from the replies, as a log of their own: added, removed, newest first', () => {
    const snapshots = [
      snap('2026-11-01T00:00:00Z', {
        'essay/a': {
          url: URL_A,
          networks: {
            bluesky: copy({ quotes: 2 }, { newQuotes: [reply('q1', '2026-10-31T10:00:00Z'), reply('q2', '2026-11-01T09:00:00Z')] }),
          },
        },
      }),
      // Written before quotes were collected: no quote fields at all, and nothing changes.
      snap('2026-11-02T00:00:00Z', { 'essay/a': { url: URL_A, networks: { bluesky: copy({ quotes: 2 }) } } }),
      snap('2026-11-03T00:00:00Z', {
        'essay/a': { url: URL_A, networks: { x: copy({ quotes: 1 }, { newQuotes: [reply('q3', '2026-11-02T08:00:00Z')] }) } },
      }),
      snap('2026-11-04T00:00:00Z', { 'essay/a': { url: URL_A, networks: { bluesky: copy({ quotes: 1 }, { removedQuotes: ['q1'] }) } } }),
    ];
    const state = foldSnapshots(snapshots);
    const responses = responsesFor(state, 'essay/a', URL_A);
    expect(responses.quotes.map((q) => [q.network, q.id])).toEqual([
      ['x', 'q3'],
      ['bluesky', 'q2'],
    ]);
    expect(responses.replies).toEqual([]);
    // Quotes are not replies: the replies per month and the "most replies" ranking leave them out.
    expect(repliesByMonth(state)).toEqual([]);
    expect(pieceEngagement(state)[0]!.replies).toBe(0);
  });

  it('ranks pieces by engagement and by replies, ties by key, zeros left out', () => {
    const state = foldSnapshots([
      snap(
        '2026-11-01T00:00:00Z',
        {
          'essay/a': { url: URL_A, networks: { bluesky: copy({ likes: 5 }) } },
          'essay/b': {
            url: 'https://hub.example/essays/b/',
            networks: { bluesky: copy({ likes: 5 }, { newReplies: [reply('9', '2026-11-01T00:00:00Z')] }) },
          },
          'note/c': { url: 'https://hub.example/notes/c/', networks: { bluesky: copy({}) } },
        },
        {
          webmentions: [
            {
              id: 'w1',
              type: 'reply',
              target: URL_A,
              url: 'https://blog.example/re',
              author: { name: 'Bo', handle: '' },
              text: 'No.',
              publishedAt: '2026-11-01T00:00:00Z',
            },
          ],
        },
      ),
    ]);
    const pieces = pieceEngagement(state);
    expect(topPieces(pieces, 'engagement', 5).map((p) => p.key)).toEqual(['essay/a', 'essay/b']);
    expect(topPieces(pieces, 'replies', 5).map((p) => [p.key, p.replies])).toEqual([
      ['essay/a', 1],
      ['essay/b', 1],
    ]);
    expect(responsesFor(state, 'essay/a', URL_A).webmentions.map((w) => w.id)).toEqual(['w1']);
  });

  it('computes a long series in one pass with the same totals as folding', () => {
    const snapshots = Array.from({ length: 1000 }, (_, i) =>
      snap(new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString(), {
        'essay/a': { url: URL_A, networks: { bluesky: copy({ likes: i, reposts: 1 }), mastodon: copy({ likes: 2 * i }) } },
      }),
    );
    const series = engagementSeries(snapshots);
    expect(series).toHaveLength(1000);
    expect(series.at(-1)!.total).toBe(999 + 1 + 1998);
    expect(pieceEngagement(foldSnapshots(snapshots))[0]!.engagement).toBe(series.at(-1)!.total);
  });
});
