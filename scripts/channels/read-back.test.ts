import { describe, expect, test } from 'vitest';
import { replySchema } from '../../src/contract/snapshots.ts';
import { counts, isoInstant, oldestFirst, toReply } from './read-back.ts';

describe('counts', () => {
  test('keeps whole numbers of 0 or more and leaves out what was not reported', () => {
    expect(counts({ likes: 3, reposts: 0, replies: undefined, quotes: -1 })).toEqual({ likes: 3, reposts: 0 });
    expect(counts({ likes: 1.5, reposts: '2', replies: Number.NaN, quotes: null })).toEqual({});
  });
});

describe('isoInstant', () => {
  test('returns the first candidate that is a real instant, in ISO 8601 UTC', () => {
    expect(isoInstant('not a date', '2026-11-20T10:01:00+0000')).toBe('2026-11-20T10:01:00.000Z');
    expect(isoInstant(undefined, 1_763_632_860_000)).toBe('2025-11-20T10:01:00.000Z');
    expect(isoInstant('+275760-09-13T00:00:00.000Z', 'nope')).toBeUndefined();
  });
});

describe('toReply', () => {
  const base = {
    id: 'r1',
    url: 'https://example.social/@ada/1',
    author: { name: 'Ada', handle: '@ada@example.social', url: 'https://example.social/@ada' },
    text: 'Hi',
    publishedAt: ['2026-11-20T10:01:00Z'],
  };

  test('returns a reply the snapshot schema accepts', () => {
    const reply = toReply(base);
    expect(reply).toEqual({ ...base, publishedAt: '2026-11-20T10:01:00.000Z' });
    expect(replySchema.safeParse(reply).success).toBe(true);
  });

  test('keeps a URL as given (the site decides what to link) but drops one that is not a string or far too long', () => {
    expect(toReply({ ...base, url: 'javascript:alert(1)' })?.url).toBe('javascript:alert(1)');
    expect(toReply({ ...base, url: `https://example.com/${'a'.repeat(3000)}` })?.url).toBe('');
    expect(toReply({ ...base, author: { name: 'Ada', handle: '@ada', url: 42 } })?.author).toEqual({ name: 'Ada', handle: '@ada' });
  });

  test('returns undefined without an id or a usable date', () => {
    expect(toReply({ ...base, id: '' })).toBeUndefined();
    expect(toReply({ ...base, publishedAt: ['yesterday'] })).toBeUndefined();
  });
});

describe('oldestFirst', () => {
  test('sorts by date, then id, and drops repeats', () => {
    const reply = (id: string, minute: number) =>
      toReply({ id, url: '', author: {}, text: id, publishedAt: [Date.UTC(2026, 10, 20, 10, minute)] });
    expect(oldestFirst([reply('c', 2), reply('b', 1), undefined, reply('a', 1), reply('c', 2)]).map((item) => item.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
