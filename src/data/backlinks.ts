/**
 * Links between ideas, computed once per build: what each piece and stance cites, and for each piece
 * the published pieces and stances citing it. Only published entries appear on either side.
 */
import { collectBacklinks, refKey, type EntryRef } from '../lib/backlinks.ts';
import { KIND_LABELS, pieceRef } from '../lib/pieces.ts';
import { getPieces } from './pieces.ts';
import { getStances } from './stances.ts';

/** A published piece or stance as a link: what it is, its title and where it lives. */
export interface LinkedEntry {
  /** "Essay", "Note", "Theory" or "Stance". */
  label: string;
  title: string;
  path: string;
}

export interface CitationGraph {
  /** The published pieces and stances citing `ref`, newest pieces first, then stances. */
  citedBy(ref: EntryRef): LinkedEntry[];
  /** The published entries among `refs`, in the order given (unpublished ones are left out). */
  resolve(refs: readonly EntryRef[]): LinkedEntry[];
}

let cache: Promise<CitationGraph> | undefined;

export function getCitationGraph(): Promise<CitationGraph> {
  cache ??= (async () => {
    const [pieces, stances] = await Promise.all([getPieces(), getStances()]);
    const citers = [
      ...pieces.map((piece) => ({
        ref: pieceRef(piece),
        cites: piece.cites,
        item: { label: KIND_LABELS[piece.kind], title: piece.title, path: piece.path },
      })),
      ...stances.map((stance) => ({
        ref: { collection: 'stances', id: stance.slug },
        cites: stance.cites,
        item: { label: 'Stance', title: stance.title, path: stance.path },
      })),
    ];
    const published = new Map(citers.map((citer) => [refKey(citer.ref), citer.item]));
    const backlinks = collectBacklinks(citers);
    return {
      citedBy: (ref) => backlinks.get(refKey(ref)) ?? [],
      resolve: (refs) => refs.flatMap((ref) => published.get(refKey(ref)) ?? []),
    };
  })();
  return cache;
}
