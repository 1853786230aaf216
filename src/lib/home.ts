/**
 * What the home page shows, and in what order: the one home of those rules, so the page only renders.
 *
 * - **Start here**: the pieces whose front matter says `featured`. A number places a piece (`featured: 1`
 *   first, then 2, …); `featured: true` pieces follow the numbered ones, newest first. At most
 *   `START_HERE_LIMIT`. None featured: no "Start here" at all (the section is left out, never filled
 *   with a guess).
 * - **Latest writing**: essays and notes, newest first, at most `LATEST_LIMIT`.
 * - **Theories in motion**: theories that are not retired (a retired idea is no longer moving), most
 *   recently tended first, at most `THEORIES_LIMIT`.
 *
 * A piece is shown once: a featured piece is left out of the sections after "Start here".
 */
import { byNewest, type Piece } from './pieces.ts';
import { byRecentlyTended } from './theories.ts';

/** A reader's first choice is between a few pieces, not a list: three fit one row of cards. */
export const START_HERE_LIMIT = 3;
export const LATEST_LIMIT = 5;
export const THEORIES_LIMIT = 3;

/** What `featured` may be in front matter: `true`, `false` or a position (1, 2, …). */
export type Featured = boolean | number;

type Selectable = Pick<Piece, 'kind' | 'slug' | 'date' | 'updated' | 'stage'> & { featured: Featured };

export interface HomeSelection<T> {
  startHere: T[];
  latest: T[];
  theories: T[];
}

/** Numbered first (1, 2, …; a tie goes to the newer piece), then `featured: true`, newest first. */
function byFeaturedOrder(a: Selectable, b: Selectable): number {
  const position = (piece: Selectable) => (typeof piece.featured === 'number' ? piece.featured : Number.POSITIVE_INFINITY);
  return position(a) - position(b) || byNewest(a, b);
}

/** The featured pieces in the order "Start here" shows them, at most `limit`. */
export function featuredPieces<T extends Selectable>(pieces: readonly T[], limit = START_HERE_LIMIT): T[] {
  return (
    pieces
      // Only `true` or a number features a piece: an entry cached before the field existed has none.
      .filter((piece) => piece.featured === true || typeof piece.featured === 'number')
      .sort(byFeaturedOrder)
      .slice(0, limit)
  );
}

/** The home page's three lists of pieces, from every published piece. */
export function homeSelection<T extends Selectable>(pieces: readonly T[]): HomeSelection<T> {
  const startHere = featuredPieces(pieces);
  const shown = new Set(startHere);
  const rest = pieces.filter((piece) => !shown.has(piece));
  return {
    startHere,
    latest: rest
      .filter((piece) => piece.kind === 'essay' || piece.kind === 'note')
      .sort(byNewest)
      .slice(0, LATEST_LIMIT),
    theories: rest
      .filter((piece) => piece.kind === 'theory' && piece.stage !== 'retired')
      .sort(byRecentlyTended)
      .slice(0, THEORIES_LIMIT),
  };
}
