/**
 * "Related" pieces at the foot of a piece: first the pieces linked to it by a citation (it cites them,
 * or they cite it), then the pieces that share the most tags with it; ties go to the newer piece. A pure
 * function over every published piece, run once per build (src/data/reading.ts), so a page looks its
 * list up instead of scanning every collection.
 */
import { refKey } from './backlinks.ts';
import { byNewest, pieceRef, type Piece } from './pieces.ts';
import { pushTo } from './multimap.ts';

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
 * Near-linear, since it runs over every piece on every build. Pieces with the same set of tags share
 * the same number of tags with any other piece, so they are grouped by tag set, each group in the order
 * ties are broken (newest first); a piece then looks at the few first of each group that shares a tag
 * with it, not at every piece. (Scoring every other piece for every piece took 33 s at 5,000 pieces
 * with 8 tags; an index from tag to pieces alone still took 5 s, since a common tag is on most pieces.)
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
  // How ties are broken whatever the shared tags: newest first, then by slug, kind, and place in the list.
  const tieBreak = (a: number, b: number): number =>
    byNewest(pieces[a]!, pieces[b]!) || pieces[a]!.kind.localeCompare(pieces[b]!.kind) || a - b;
  const tagSets = pieces.map((piece) => new Set(piece.tags));
  const groups = groupByTagSet(tagSets, tieBreak);
  const groupsWithTag = new Map<string, TagSetGroup[]>();
  for (const group of groups) {
    for (const tag of group.tags) pushTo(groupsWithTag, tag, group);
  }
  const related = new Map<string, T[]>();
  pieces.forEach((_, self) => {
    const links = cited[self]!;
    const tags = tagSets[self]!;
    const shared = new Map<number, number>();
    const sharing = new Set([...tags].flatMap((tag) => groupsWithTag.get(tag)!));
    for (const group of sharing) {
      const count = [...group.tags].filter((tag) => tags.has(tag)).length;
      // Within a group every piece shares `count` tags, so only its first `limit` others can make the cut.
      let taken = 0;
      for (const other of group.members) {
        if (taken === limit) break;
        if (other === self || links.has(other)) continue;
        shared.set(other, count);
        taken++;
      }
    }
    const sharedWith = (other: number): number => shared.get(other) ?? [...tagSets[other]!].filter((tag) => tags.has(tag)).length;
    const rank = (a: number, b: number): number =>
      Number(links.has(b)) - Number(links.has(a)) || sharedWith(b) - sharedWith(a) || tieBreak(a, b);
    // The citation-linked come first and `limit` more after them, so a page that lists citations under
    // their own headings ("Builds on", "Cited by") can leave those out and still show `limit`.
    related.set(
      keys[self]!,
      best([...links, ...shared.keys()], limit + links.size, rank).map((index) => pieces[index]!),
    );
  });
  return related;
}

interface TagSetGroup {
  tags: ReadonlySet<string>;
  /** Indexes of the pieces with exactly these tags, in `order`. */
  members: number[];
}

/** Pieces (by index) grouped by their set of tags, each group sorted by `order`; pieces without tags in none. */
function groupByTagSet(tagSets: ReadonlyArray<ReadonlySet<string>>, order: (a: number, b: number) => number): TagSetGroup[] {
  const groups = new Map<string, TagSetGroup>();
  tagSets.forEach((tags, index) => {
    if (tags.size === 0) return;
    const name = JSON.stringify([...tags].sort());
    const group = groups.get(name);
    if (group) group.members.push(index);
    else groups.set(name, { tags, members: [index] });
  });
  for (const group of groups.values()) group.members.sort(order);
  return [...groups.values()];
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
