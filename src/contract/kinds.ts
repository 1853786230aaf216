/**
 * The kinds of piece the hub publishes, syndicates and collects evidence for: the one list the site,
 * the feed, the ledger and the scripts all derive theirs from. A fourth kind is added here and the
 * type checker names every place that has to learn about it.
 */

export const PIECE_KINDS = ['essay', 'note', 'theory'] as const;

export type PieceKind = (typeof PIECE_KINDS)[number];

/**
 * The collection each kind is loaded from, which is also its folder under `content/`, the first
 * segment of its pages' paths (`/essays/<slug>/`) and the name `reference()` and `cites:` use.
 */
export const KIND_COLLECTIONS = { essay: 'essays', note: 'notes', theory: 'theories' } as const satisfies Record<PieceKind, string>;

export type PieceCollection = (typeof KIND_COLLECTIONS)[PieceKind];

/** Narrows text read from outside (a ledger key, a command-line argument) to a kind. */
export function isPieceKind(value: string): value is PieceKind {
  return (PIECE_KINDS as readonly string[]).includes(value);
}
