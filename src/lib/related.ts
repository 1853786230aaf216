/**
 * "Related" pieces at the foot of a piece: first the pieces linked to it by a citation (it cites them,
 * or they cite it), then the pieces that share the most tags with it; ties go to the newer piece. A pure
 * function over every published piece, run once per build (src/data/reading.ts), so a page looks its
 * list up instead of scanning every collection.
 */
import { refKey } from './backlinks.ts';
import { byNewest, pieceRef, type Piece } from './pieces.ts';

/** How many related pieces a page shows. */
export const RELATED_LIMIT = 3;

type Relatable = Pick<Piece, 'kind' | 'slug' | 'date' | 'tags' | 'cites'>;

/** The map key of a piece, as citations name it: `essays/owning-the-wind`. */
export function pieceKey(piece: Pick<Piece, 'kind' | 'slug'>): string {
  return refKey(pieceRef(piece));
}

/**
 * For each piece (by `pieceKey`), up to `limit` others beyond its citation links: citation links first, then by the number of
 * shared tags, then newest first (then by slug, so the order is the same from build to build). A piece
 * that shares neither a citation nor a tag is never "related".
 */
export function relatedPieces<T extends Relatable>(pieces: readonly T[], limit = RELATED_LIMIT): Map<string, T[]> {
  const byKey = new Map(pieces.map((piece) => [pieceKey(piece), piece]));
  // Citations both ways: A cites B makes B related to A and A related to B.
  const cited = new Map<string, Set<string>>(pieces.map((piece) => [pieceKey(piece), new Set<string>()]));
  for (const piece of pieces) {
    const self = pieceKey(piece);
    for (const key of piece.cites.map(refKey)) {
      if (key === self || !byKey.has(key)) continue;
      cited.get(self)!.add(key);
      cited.get(key)!.add(self);
    }
  }
  const related = new Map<string, T[]>();
  for (const piece of pieces) {
    const self = pieceKey(piece);
    const links = cited.get(self)!;
    const tags = new Set(piece.tags);
    const candidates = pieces
      .filter((other) => pieceKey(other) !== self)
      .map((other) => ({ other, linked: links.has(pieceKey(other)), shared: other.tags.filter((tag) => tags.has(tag)).length }))
      .filter(({ linked, shared }) => linked || shared > 0)
      .sort(
        (a, b) =>
          Number(b.linked) - Number(a.linked) ||
          b.shared - a.shared ||
          byNewest(a.other, b.other) ||
          a.other.kind.localeCompare(b.other.kind),
      );
    // The citation-linked come first and `limit` more after them, so a page that lists citations under
    // their own headings ("Builds on", "Cited by") can leave those out and still show `limit`.
    related.set(
      self,
      candidates.slice(0, limit + links.size).map(({ other }) => other),
    );
  }
  return related;
}
