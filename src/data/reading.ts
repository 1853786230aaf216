/**
 * Where a reader goes after a piece: the previous and next piece of its kind, and related pieces
 * (src/lib/related.ts). Both are computed once per build over every published piece, so a page asks a
 * map; a piece's page therefore depends on the titles, dates, tags and citations of the other pieces.
 */
import { neighboursByKind, type Neighbours } from '../lib/neighbours.ts';
import { pieceKey, relatedPieces } from '../lib/related.ts';
import { getPieces, type PublishedPiece } from './pieces.ts';

export interface ReadingLinks extends Neighbours<PublishedPiece> {
  related: PublishedPiece[];
}

let cache: Promise<(piece: PublishedPiece) => ReadingLinks> | undefined;

function getReadingMaps(): Promise<(piece: PublishedPiece) => ReadingLinks> {
  cache ??= getPieces().then((pieces) => {
    const neighbours = neighboursByKind(pieces);
    const related = relatedPieces(pieces);
    return (piece) => {
      const key = pieceKey(piece);
      return { ...neighbours.get(key), related: related.get(key) ?? [] };
    };
  });
  return cache;
}

/** The previous, next and related pieces of `piece` (a piece `./hub dev` shows unpublished has neighbours too). */
export async function getReadingLinks(piece: PublishedPiece): Promise<ReadingLinks> {
  return (await getReadingMaps())(piece);
}
