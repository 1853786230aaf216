import { describe, expect, test } from 'vitest';
import type { EntryRef } from './backlinks.ts';
import type { PieceKind } from '../contract/kinds.ts';
import { pieceKey, relatedPieces } from './related.ts';

interface Sample {
  kind: PieceKind;
  slug: string;
  date: Date;
  tags: string[];
  cites: EntryRef[];
}

const piece = (kind: PieceKind, slug: string, date: string, tags: string[] = [], cites: EntryRef[] = []): Sample => ({
  kind,
  slug,
  date: new Date(date),
  tags,
  cites,
});
const ref = (collection: string, id: string): EntryRef => ({ collection, id });
const slugs = (map: Map<string, Sample[]>, of: Sample): string[] => (map.get(pieceKey(of)) ?? []).map((other) => other.slug);

describe('relatedPieces', () => {
  const subject = piece('essay', 'subject', '2026-05-01', ['energy', 'ownership'], [ref('theories', 'cited')]);
  const cited = piece('theory', 'cited', '2026-01-01');
  const citer = piece('note', 'citer', '2026-02-01', [], [ref('essays', 'subject')]);
  const twoTags = piece('essay', 'two-tags', '2026-03-01', ['energy', 'ownership']);
  const oneTagNew = piece('essay', 'one-tag-new', '2026-09-01', ['energy']);
  const oneTagOld = piece('note', 'one-tag-old', '2026-04-01', ['ownership']);
  const unrelated = piece('essay', 'unrelated', '2026-10-01', ['cooking']);

  test('puts pieces linked by a citation (either way) before pieces that share tags, newest first among them', () => {
    const related = relatedPieces([subject, cited, citer, twoTags, oneTagNew, unrelated], 5);
    expect(slugs(related, subject)).toEqual(['citer', 'cited', 'two-tags', 'one-tag-new']);
  });

  test('ranks more shared tags first, then the newer piece', () => {
    const related = relatedPieces([subject, oneTagOld, oneTagNew, twoTags]);
    expect(slugs(related, subject)).toEqual(['two-tags', 'one-tag-new', 'one-tag-old']);
  });

  test('keeps three by default beyond its citation links, and never the piece itself or one sharing nothing', () => {
    const related = relatedPieces([subject, cited, citer, twoTags, oneTagNew, oneTagOld, unrelated]);
    // Two citation links, then three more: a page listing citations elsewhere still has three to show.
    expect(slugs(related, subject)).toEqual(['citer', 'cited', 'two-tags', 'one-tag-new', 'one-tag-old']);
    expect(slugs(related, twoTags)).toEqual(['subject', 'one-tag-new', 'one-tag-old']);
    expect(slugs(related, unrelated)).toEqual([]);
  });

  test('a citation makes both pieces related, and a citation of an unpublished piece counts for nothing', () => {
    const lonely = piece('essay', 'lonely', '2026-01-01', [], [ref('theories', 'gone'), ref('essays', 'lonely')]);
    const related = relatedPieces([subject, cited, lonely]);
    expect(slugs(related, cited)).toEqual(['subject']);
    expect(slugs(related, lonely)).toEqual([]);
  });

  test('breaks a tie of date by slug, so the order is the same from build to build', () => {
    const b = piece('essay', 'b', '2026-06-01', ['energy']);
    const a = piece('note', 'a', '2026-06-01', ['energy']);
    expect(slugs(relatedPieces([subject, b, a]), subject)).toEqual(['a', 'b']);
  });

  test('ranks as a plain sort of every other piece would, on a random library with shared tags, repeated tags and citations (300 pieces)', () => {
    // A small deterministic generator (mulberry32), so a failure can be replayed.
    let seed = 19;
    const next = (below: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % below;
    };
    const kinds: PieceKind[] = ['essay', 'note', 'theory'];
    const collections = { essay: 'essays', note: 'notes', theory: 'theories' } as const;
    const library = Array.from({ length: 300 }, (_, index) =>
      piece(
        kinds[next(3)]!,
        `piece-${next(40)}-${index}`,
        `2026-0${1 + next(9)}-1${next(9)}`,
        Array.from({ length: next(4) }, () => `tag-${next(6)}`),
        [],
      ),
    );
    for (const sample of library) {
      for (let n = next(3); n > 0; n--) {
        const target = library[next(library.length)]!;
        sample.cites.push(ref(collections[target.kind], target.slug));
      }
    }
    // What relatedPieces must agree with: every other piece scored, the whole list sorted.
    const expected = (of: Sample, limit: number): string[] => {
      const links = new Set(
        library
          .filter((other) => other !== of)
          .filter(
            (other) =>
              of.cites.some((cite) => cite.id === other.slug && cite.collection === collections[other.kind]) ||
              other.cites.some((cite) => cite.id === of.slug && cite.collection === collections[of.kind]),
          ),
      );
      const tags = new Set(of.tags);
      return library
        .map((other, index) => ({
          other,
          index,
          linked: links.has(other),
          shared: [...new Set(other.tags)].filter((tag) => tags.has(tag)).length,
        }))
        .filter(({ other, linked, shared }) => other !== of && (linked || shared > 0))
        .sort(
          (a, b) =>
            Number(b.linked) - Number(a.linked) ||
            b.shared - a.shared ||
            b.other.date.getTime() - a.other.date.getTime() ||
            a.other.slug.localeCompare(b.other.slug) ||
            a.other.kind.localeCompare(b.other.kind) ||
            a.index - b.index,
        )
        .slice(0, limit + links.size)
        .map(({ other }) => other.slug);
    };
    for (const limit of [0, 1, 3, 6]) {
      const related = relatedPieces(library, limit);
      for (const sample of library) expect(slugs(related, sample), sample.slug).toEqual(expected(sample, limit));
    }
  });
});
