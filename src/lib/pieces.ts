import { KIND_COLLECTIONS, type PieceKind } from '../contract/kinds.ts';
import type { TheoryStage } from './theories.ts';
import type { EntryRef } from './backlinks.ts';
import type { Network } from '../contract/networks.ts';
import { pushTo } from './multimap.ts';

/**
 * One published piece of any kind, as plain data: what listings, tag pages and feeds need.
 * Built once per build from the collections (src/data/pieces.ts) and handed to pages.
 */
export interface Piece {
  kind: PieceKind;
  /** The slug: the file name without extension. */
  slug: string;
  /** Site-relative path, from `piecePath`. */
  path: string;
  title: string;
  summary: string;
  date: Date;
  updated?: Date | undefined;
  tags: string[];
  /** Drafts only ever reach a list in `npm run dev`, where they are marked. */
  draft: boolean;
  /** Stage of a theory, for its label. */
  stage?: TheoryStage | undefined;
  /** What a theory's latest revision changed, for "recently tended" lists. */
  lastChange?: string | undefined;
  /** What the piece cites (theories, essays, notes), in the order written. */
  cites: EntryRef[];
  syndication: { skip: Network[]; text: Partial<Record<Network, string>>; reviewed: boolean };
  /** Canonical URL elsewhere, when the piece was first published off-site. */
  canonical?: string | undefined;
  /** Front matter `featured`: on the home page's "Start here" (`true`, or a position). Rules: src/lib/home.ts. */
  featured: boolean | number;
}

export const KIND_LABELS: Record<PieceKind, string> = { essay: 'Essay', note: 'Note', theory: 'Theory' };

/** The piece as a reference: `{ collection: 'theories', id: 'trust-before-turbines' }`. */
export function pieceRef(piece: Pick<Piece, 'kind' | 'slug'>): EntryRef {
  return { collection: KIND_COLLECTIONS[piece.kind], id: piece.slug };
}

/**
 * When a piece was revised after it was published (its `updated`, or a theory's latest revision), or
 * undefined if it never was. Feeds mark these so followers see an idea move.
 */
export function revisedAt(piece: Pick<Piece, 'date' | 'updated'>): Date | undefined {
  return piece.updated && piece.updated > piece.date ? piece.updated : undefined;
}

/** The later of `date` and `updated`: when the piece last changed. */
export function lastModified(piece: Pick<Piece, 'date' | 'updated'>): Date {
  return piece.updated && piece.updated > piece.date ? piece.updated : piece.date;
}

/** Newest first; ties broken by slug so the order is stable from build to build. */
export function byNewest(a: Pick<Piece, 'date' | 'slug'>, b: Pick<Piece, 'date' | 'slug'>): number {
  return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}

/** Pieces grouped by tag, each group newest first; tags sorted alphabetically. One pass over all pieces. */
export function groupByTag<T extends Pick<Piece, 'tags' | 'date' | 'slug'>>(pieces: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const piece of pieces) {
    for (const tag of piece.tags) pushTo(groups, tag, piece);
  }
  for (const group of groups.values()) group.sort(byNewest);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Pieces grouped by calendar year (UTC), newest year first. */
export function groupByYear<T extends Pick<Piece, 'date' | 'slug'>>(pieces: readonly T[]): Array<[number, T[]]> {
  const groups = new Map<number, T[]>();
  for (const piece of [...pieces].sort(byNewest)) {
    pushTo(groups, piece.date.getUTCFullYear(), piece);
  }
  return [...groups.entries()].sort(([a], [b]) => b - a);
}
