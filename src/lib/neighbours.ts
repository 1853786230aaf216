/**
 * Next and previous within one kind: an essay leads to the essay published before it and the one
 * after it, by date. A pure function over the published pieces, run once per build (src/data/reading.ts).
 */
import { byNewest, type Piece } from './pieces.ts';
import { pieceKey } from './related.ts';
import { pushTo } from './multimap.ts';

export interface Neighbours<T> {
  /** The piece of the same kind published just before (older); undefined for the first. */
  previous?: T | undefined;
  /** The piece of the same kind published just after (newer); undefined for the latest. */
  next?: T | undefined;
}

/** For each piece (by `pieceKey`), its older and newer neighbour of the same kind. */
export function neighboursByKind<T extends Pick<Piece, 'kind' | 'slug' | 'date'>>(pieces: readonly T[]): Map<string, Neighbours<T>> {
  const kinds = new Map<string, T[]>();
  for (const piece of pieces) {
    pushTo(kinds, piece.kind, piece);
  }
  const neighbours = new Map<string, Neighbours<T>>();
  for (const list of kinds.values()) {
    // Oldest first: the same order as newest first, reversed, so ties fall the same way in every list.
    const ordered = [...list].sort(byNewest).reverse();
    ordered.forEach((piece, index) => {
      neighbours.set(pieceKey(piece), { previous: ordered[index - 1], next: ordered[index + 1] });
    });
  }
  return neighbours;
}
