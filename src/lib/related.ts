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
 *
 * Linear in practice, since it runs over every piece on every build: a piece meets only the pieces that
 * share a tag with it (an index from tag to pieces) or a citation, and keeps its best few as it goes
 * rather than sorting them all. Comparing every piece with every other was 25 million comparisons at
 * 5,000 pieces.
 */
export function relatedPieces<T extends Relatable>(pieces: readonly T[], limit = RELATED_LIMIT): Map<string, T[]> {
  const keys = pieces.map(pieceKey);
  const indexOf = new Map(keys.map((key, index) => [key, index]));
  // Citations both ways: A cites B makes B related to A and A related to B.
  const cited = pieces.map(() => new Set<number>());
  pieces.forEach((piece, self) => {
    for (const key of piece.cites.map(refKey)) {
      const other = indexOf.get(key);
      if (other === undefined || other === self) continue;
      cited[self]!.add(other);
      cited[other]!.add(self);
    }
  });
  const byTag = new Map<string, number[]>();
  pieces.forEach((piece, index) => {
    for (const tag of new Set(piece.tags)) {
      const group = byTag.get(tag);
      if (group) group.push(index);
      else byTag.set(tag, [index]);
    }
  });
  const related = new Map<string, T[]>();
  pieces.forEach((piece, self) => {
    const links = cited[self]!;
    const shared = new Map<number, number>([...links].map((other) => [other, 0]));
    for (const tag of new Set(piece.tags)) {
      for (const other of byTag.get(tag)!) if (other !== self) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const rank = (a: number, b: number): number =>
      Number(links.has(b)) - Number(links.has(a)) ||
      shared.get(b)! - shared.get(a)! ||
      byNewest(pieces[a]!, pieces[b]!) ||
      pieces[a]!.kind.localeCompare(pieces[b]!.kind) ||
      a - b;
    // The citation-linked come first and `limit` more after them, so a page that lists citations under
    // their own headings ("Builds on", "Cited by") can leave those out and still show `limit`.
    related.set(
      keys[self]!,
      best(shared.keys(), limit + links.size, rank).map((index) => pieces[index]!),
    );
  });
  return related;
}

/** The `count` first of `items` in the order of `compare`, without sorting them all (`count` is small). */
function best<T>(items: Iterable<T>, count: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (count <= 0) return kept;
  for (const item of items) {
    if (kept.length === count && compare(item, kept[count - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && compare(item, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}
