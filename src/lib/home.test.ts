import { describe, expect, test } from 'vitest';
import { featuredPieces, homeSelection, LATEST_LIMIT, START_HERE_LIMIT, THEORIES_LIMIT, type Featured } from './home.ts';
import type { Piece } from './pieces.ts';
import type { TheoryStage } from './theories.ts';

interface Options {
  featured?: Featured;
  updated?: string;
  stage?: TheoryStage;
}

const piece = (kind: Piece['kind'], slug: string, date: string, options: Options = {}) => ({
  kind,
  slug,
  date: new Date(date),
  updated: options.updated ? new Date(options.updated) : undefined,
  stage: options.stage ?? (kind === 'theory' ? ('hunch' as const) : undefined),
  featured: options.featured ?? false,
});

const slugs = (pieces: ReadonlyArray<{ slug: string }>) => pieces.map((p) => p.slug);

describe('featuredPieces', () => {
  test('puts numbered pieces first in their order, then `featured: true` newest first', () => {
    const pieces = [
      piece('essay', 'old-true', '2026-01-01', { featured: true }),
      piece('essay', 'second', '2026-02-01', { featured: 2 }),
      piece('theory', 'new-true', '2026-06-01', { featured: true }),
      piece('note', 'first', '2025-01-01', { featured: 1 }),
    ];
    expect(slugs(featuredPieces(pieces, 10))).toEqual(['first', 'second', 'new-true', 'old-true']);
  });

  test('a tie between two numbers goes to the newer piece', () => {
    const pieces = [piece('essay', 'older', '2026-01-01', { featured: 1 }), piece('essay', 'newer', '2026-03-01', { featured: 1 })];
    expect(slugs(featuredPieces(pieces))).toEqual(['newer', 'older']);
  });

  test(`shows at most ${START_HERE_LIMIT}, and nothing when no piece is featured`, () => {
    const many = Array.from({ length: 5 }, (_, i) => piece('essay', `e${i}`, `2026-0${i + 1}-01`, { featured: i + 1 }));
    expect(slugs(featuredPieces(many))).toEqual(['e0', 'e1', 'e2']);
    expect(featuredPieces([piece('essay', 'plain', '2026-01-01'), piece('essay', 'off', '2026-01-02', { featured: false })])).toEqual([]);
  });
});

describe('homeSelection', () => {
  const pieces = [
    piece('essay', 'featured-essay', '2026-11-20', { featured: 1 }),
    piece('essay', 'essay-a', '2026-11-10'),
    piece('note', 'note-a', '2026-11-15'),
    piece('essay', 'essay-b', '2026-09-01'),
    piece('theory', 'featured-theory', '2026-05-01', { featured: true }),
    piece('theory', 'tended', '2026-03-01', { updated: '2026-11-01', stage: 'working-theory' }),
    piece('theory', 'fresh', '2026-10-01'),
    piece('theory', 'retired', '2026-11-24', { stage: 'retired' }),
  ];
  const selection = homeSelection(pieces);

  test('“Start here” is the featured pieces', () => {
    expect(slugs(selection.startHere)).toEqual(['featured-essay', 'featured-theory']);
  });

  test('latest writing is essays and notes newest first, without the featured ones', () => {
    expect(slugs(selection.latest)).toEqual(['note-a', 'essay-a', 'essay-b']);
  });

  test('theories in motion leave out retired and featured theories, most recently tended first', () => {
    expect(slugs(selection.theories)).toEqual(['tended', 'fresh']);
  });

  test(`caps latest writing at ${LATEST_LIMIT} and theories at ${THEORIES_LIMIT}`, () => {
    const lots = Array.from({ length: 8 }, (_, i) => [
      piece('essay', `e${i}`, `2026-01-0${i + 1}`),
      piece('theory', `t${i}`, `2026-01-0${i + 1}`),
    ]).flat();
    const { startHere, latest, theories } = homeSelection(lots);
    expect(startHere).toEqual([]);
    expect(slugs(latest)).toEqual(['e7', 'e6', 'e5', 'e4', 'e3']);
    expect(slugs(theories)).toEqual(['t7', 't6', 't5']);
  });

  test('without pieces every list is empty, so the page leaves each section out', () => {
    expect(homeSelection([])).toEqual({ startHere: [], latest: [], theories: [] });
  });
});
