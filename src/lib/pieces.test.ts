import { describe, expect, test } from 'vitest';
import { byNewest, groupByTag, groupByYear, lastModified, pieceRef, revisedAt } from './pieces.ts';

const piece = (slug: string, date: string, tags: string[] = []) => ({ slug, date: new Date(date), tags });

describe('byNewest', () => {
  test('sorts newest first and breaks ties by slug', () => {
    const sorted = [piece('b', '2026-01-01'), piece('c', '2026-05-01'), piece('a', '2026-01-01')].sort(byNewest);
    expect(sorted.map((p) => p.slug)).toEqual(['c', 'a', 'b']);
  });
});

describe('groupByTag', () => {
  test('groups every piece under each of its tags, newest first, tags in order', () => {
    const groups = groupByTag([piece('old', '2025-01-01', ['energy', 'values']), piece('new', '2026-01-01', ['energy'])]);
    expect([...groups.keys()]).toEqual(['energy', 'values']);
    expect(groups.get('energy')!.map((p) => p.slug)).toEqual(['new', 'old']);
    expect(groups.get('values')!.map((p) => p.slug)).toEqual(['old']);
  });

  test('returns no groups for untagged pieces', () => {
    expect(groupByTag([piece('x', '2026-01-01')]).size).toBe(0);
  });
});

describe('groupByYear', () => {
  test('groups by UTC year, newest year first', () => {
    const years = groupByYear([piece('a', '2024-12-31T23:00:00Z'), piece('b', '2026-01-01'), piece('c', '2026-06-01')]);
    expect(years.map(([year, list]) => [year, list.map((p) => p.slug)])).toEqual([
      [2026, ['c', 'b']],
      [2024, ['a']],
    ]);
  });
});

describe('lastModified', () => {
  test('is the updated date when later than the date', () => {
    expect(lastModified({ date: new Date('2026-01-01'), updated: new Date('2026-02-01') }).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(lastModified({ date: new Date('2026-01-01') }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('revisedAt', () => {
  test('returns the updated date when it is after publication', () => {
    expect(revisedAt({ date: new Date('2026-01-01'), updated: new Date('2026-02-01') })).toEqual(new Date('2026-02-01'));
  });

  test('returns undefined when never revised, or updated on the day it was published', () => {
    expect(revisedAt({ date: new Date('2026-01-01') })).toBeUndefined();
    expect(revisedAt({ date: new Date('2026-01-01'), updated: new Date('2026-01-01') })).toBeUndefined();
  });
});

describe('pieceRef', () => {
  test('returns the collection and id that cites: and reference() use', () => {
    expect(pieceRef({ kind: 'theory', slug: 'trust' })).toEqual({ collection: 'theories', id: 'trust' });
  });
});
