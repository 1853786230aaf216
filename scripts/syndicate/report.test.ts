import { describe, expect, test } from 'vitest';
import { formatAnnotations, formatPlannedPost, formatStepSummary, formatSummary } from './report.ts';
import type { SyndicateResult } from './run.ts';

const result: SyndicateResult = {
  dryRun: false,
  feed: 'dist/feed.json',
  alreadyPosted: 4,
  failed: 1,
  planned: [],
  needsYou: [],
  rows: [
    { item: 'note/boycott', network: 'all', status: 'held', detail: 'mentions “boycott”' },
    { item: 'essay/owning-the-wind', network: 'bluesky', status: 'posted', url: 'https://bsky.app/profile/a/post/3m' },
    { item: 'essay/owning-the-wind', network: 'x', status: 'failed', detail: '[POST] https://api.x.com/2/tweets: 503' },
  ],
};

describe('formatSummary', () => {
  test('lists every row with its link or reason, then the totals', () => {
    expect(formatSummary(result)).toBe(
      [
        'dist/feed.json',
        'item                   network  status  link or reason',
        'note/boycott           all      held    mentions “boycott”',
        'essay/owning-the-wind  Bluesky  posted  https://bsky.app/profile/a/post/3m',
        'essay/owning-the-wind  X        failed  [POST] https://api.x.com/2/tweets: 503',
        '1 held, 1 posted, 1 failed, 4 already posted',
      ].join('\n'),
    );
  });

  test('ends with each item that needs the person, in full', () => {
    const message =
      'LinkedIn essay/a: an attempt on 2026-11-20 09:00 UTC may have posted it, and LinkedIn would not say. Look, then run one of:\n  one\n  two';
    const held = {
      ...result,
      rows: [{ item: 'essay/a', network: 'linkedin' as const, status: 'held' as const, detail: 'may already be posted: see “Needs you”' }],
      failed: 0,
    };
    expect(
      formatSummary({ ...held, needsYou: [{ item: 'essay/a', network: 'linkedin', startedAt: '2026-11-20T09:00:00.000Z', message }] }),
    ).toBe(
      [
        'dist/feed.json',
        'item     network   status  link or reason',
        'essay/a  LinkedIn  held    may already be posted: see “Needs you”',
        '1 held, 4 already posted',
        '',
        'Needs you',
        message,
      ].join('\n'),
    );
  });

  test('says so when there is nothing to do', () => {
    expect(formatSummary({ ...result, rows: [], failed: 0, dryRun: true })).toBe(
      'Dry run (nothing was posted): dist/feed.json\nNothing new to post.\n4 already posted',
    );
  });
});

describe('formatPlannedPost', () => {
  test('shows the counted length against the limit, the text as sent and the link card', () => {
    expect(
      formatPlannedPost({
        item: 'note/a',
        network: 'mastodon',
        text: 'Line one.\n\nhttps://a.example/notes/a/',
        length: 34,
        limit: 500,
        unit: 'characters',
        link: { url: 'https://a.example/notes/a/', title: 'Line one.', description: '' },
      }),
    ).toBe(
      [
        '── Mastodon · note/a · 34/500 characters',
        '   │ Line one.',
        '   │',
        '   │ https://a.example/notes/a/',
        '   link card: Line one. — https://a.example/notes/a/',
      ].join('\n'),
    );
  });
});

describe('on GitHub Actions', () => {
  const message =
    'LinkedIn essay/a: an attempt on 2026-11-20 09:00 UTC may have posted it, 100% unsure. Run one of:\n  ./hub run syndicate -- --resolve linkedin:essay/a=not-posted';
  const held: SyndicateResult = {
    ...result,
    needsYou: [{ item: 'essay/a', network: 'linkedin', startedAt: '2026-11-20T09:00:00.000Z', message }],
  };

  test('a warning annotation per held item, escaped as workflow commands need (one line each)', () => {
    expect(formatAnnotations(held)).toEqual([
      '::warning title=LinkedIn essay/a%3A needs you::LinkedIn essay/a: an attempt on 2026-11-20 09:00 UTC may have posted it, 100%25 unsure. Run one of:%0A  ./hub run syndicate -- --resolve linkedin:essay/a=not-posted',
    ]);
    expect(formatAnnotations(result)).toEqual([]);
  });

  test('a job summary section with the message as written', () => {
    expect(formatStepSummary(held)).toBe(`### Syndication: needs you\n\n\`\`\`text\n${message}\n\`\`\`\n`);
    expect(formatStepSummary(result)).toBe('');
  });
});
