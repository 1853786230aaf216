import { describe, expect, test } from 'vitest';
import { emptyAnswers, type Answers } from '../../src/contract/answers.ts';
import type { Reply, Snapshot } from '../../src/contract/snapshots.ts';
import { gatherConversations, newestSnapshot } from './gather.ts';

const A = 'https://ada.example/essays/a/';
const B = 'https://ada.example/essays/b/';

const reply = (id: string, publishedAt: string, handle = '@reader.example', text = `Reply ${id}`): Reply => ({
  id,
  url: `https://bsky.app/profile/reader.example/post/${id}`,
  author: { name: 'Reader', handle },
  text,
  publishedAt,
});

function snapshot(collectedAt: string, items: Snapshot['items'], webmentions?: Snapshot['webmentions']): Snapshot {
  return { version: 1, collectedAt, networks: {}, items, ...(webmentions ? { webmentions } : {}) };
}

const copy = (extra: Partial<Snapshot['items'][string]['networks']['bluesky']> = {}) => ({
  remoteId: 'at://did:plc:ada/app.bsky.feed.post/1',
  url: 'https://bsky.app/profile/ada.example/post/1',
  metrics: {},
  ...extra,
});

const FIRST = snapshot('2026-11-20T10:00:00.000Z', {
  'essay/a': { url: A, networks: { bluesky: copy({ newReplies: [reply('r1', '2026-11-20T09:00:00.000Z')] }) } },
  'essay/b': { url: B, networks: { bluesky: copy({ newReplies: [reply('r2', '2026-11-19T09:00:00.000Z')] }) } },
});
const SECOND = snapshot(
  '2026-11-21T10:00:00.000Z',
  {
    'essay/a': {
      url: A,
      networks: {
        bluesky: copy({
          newReplies: [reply('r3', '2026-11-21T08:00:00.000Z'), reply('own', '2026-11-21T09:00:00.000Z', '@Ada.example', 'Thanks!')],
          newQuotes: [reply('q1', '2026-11-21T07:00:00.000Z', '@critic.example', 'Wrong, and here is why')],
        }),
      },
    },
  },
  [
    {
      id: 'w1',
      type: 'reply',
      target: B,
      url: 'https://blog.example/re',
      author: { name: 'Blogger', handle: '' },
      text: 'On my site',
      publishedAt: '2026-11-21T06:00:00.000Z',
    },
    { id: 'w2', type: 'like', target: B, url: 'https://blog.example/like', author: { name: 'Liker', handle: '' } },
  ],
);
const TITLES = new Map([
  ['essay/a', 'Essay A'],
  ['essay/b', 'Essay B'],
]);
const HANDLES = { bluesky: 'ada.example' };

const look = (snapshots: Snapshot[], after?: string, answers: Answers = emptyAnswers()) =>
  gatherConversations({ snapshots, answers, handles: HANDLES, titles: TITLES, after });

describe('gatherConversations', () => {
  test('groups by piece, newest first within a piece and across pieces; leaves out the person’s own replies and likes', () => {
    const pieces = look([FIRST, SECOND]);
    expect(pieces.map((piece) => [piece.title, piece.conversations.map((c) => c.id)])).toEqual([
      ['Essay A', ['bluesky:r3', 'bluesky:q1', 'bluesky:r1']],
      ['Essay B', ['web:w1', 'bluesky:r2']],
    ]);
    const [a, b] = pieces;
    expect(a!.conversations.find((c) => c.id === 'bluesky:q1')).toMatchObject({
      kind: 'quote',
      network: 'bluesky',
      text: 'Wrong, and here is why',
    });
    expect(b!.conversations[0]).toMatchObject({
      kind: 'webmention-reply',
      network: 'web',
      author: { name: 'Blogger' },
      url: 'https://blog.example/re',
    });
  });

  test('after the last look: only what later snapshots recorded', () => {
    const pieces = look([FIRST, SECOND], FIRST.collectedAt);
    expect(pieces.map((piece) => [piece.item, piece.conversations.map((c) => c.id)])).toEqual([
      ['essay/a', ['bluesky:r3', 'bluesky:q1']],
      ['essay/b', ['web:w1']],
    ]);
    expect(look([FIRST, SECOND], SECOND.collectedAt)).toEqual([]);
  });

  test('answered: by the answers ledger, or by a later reply of the person’s own handle on the same copy', () => {
    const answers: Answers = {
      version: 1,
      answers: {
        'bluesky:q1': {
          item: 'essay/a',
          text: 'Fair, but see table 2.',
          status: 'posted',
          remoteId: 'at://did:plc:ada/app.bsky.feed.post/2',
          url: 'https://bsky.app/profile/ada.example/post/2',
          postedAt: '2026-11-21T11:00:00.000Z',
        },
        'bluesky:r2': { item: 'essay/b', text: 'Sending…', status: 'in-flight', startedAt: '2026-11-21T11:00:00.000Z' },
      },
    };
    const answered = Object.fromEntries(
      look([FIRST, SECOND], undefined, answers).flatMap((piece) => piece.conversations.map((c) => [c.id, [c.answered, c.answerUrl]])),
    );
    expect(answered).toEqual({
      // Ada replied at 09:00 on the same copy, after both.
      'bluesky:r1': [true, undefined],
      'bluesky:r3': [true, undefined],
      'bluesky:q1': [true, 'https://bsky.app/profile/ada.example/post/2'],
      // In flight is not answered (yet).
      'bluesky:r2': [false, undefined],
      'web:w1': [false, undefined],
    });
  });

  test('a reply removed on its network is no longer listed', () => {
    const third = snapshot('2026-11-22T10:00:00.000Z', {
      'essay/a': { url: A, networks: { bluesky: copy({ removedReplies: ['r3'], removedQuotes: ['q1'] }) } },
    });
    const pieceA = look([FIRST, SECOND, third]).find((piece) => piece.item === 'essay/a');
    expect(pieceA!.conversations.map((c) => c.id)).toEqual(['bluesky:r1']);
  });

  test('a piece not in content/ is named by its item key; no snapshot means nothing seen yet', () => {
    const pieces = gatherConversations({ snapshots: [FIRST], answers: emptyAnswers(), handles: {}, titles: new Map() });
    expect(pieces.map((piece) => piece.title)).toEqual(['essay/a', 'essay/b']);
    expect(newestSnapshot([])).toBeUndefined();
    expect(newestSnapshot([SECOND, FIRST])).toBe(SECOND.collectedAt);
  });
});
