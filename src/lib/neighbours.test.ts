import { describe, expect, test } from 'vitest';
import type { PieceKind } from '../contract/kinds.ts';
import { neighboursByKind } from './neighbours.ts';
import { pieceKey } from './related.ts';

const piece = (kind: PieceKind, slug: string, date: string) => ({ kind, slug, date: new Date(date) });

describe('neighboursByKind', () => {
  const first = piece('essay', 'first', '2026-01-01');
  const middle = piece('essay', 'middle', '2026-03-01');
  const last = piece('essay', 'last', '2026-06-01');
  const note = piece('note', 'between', '2026-02-01');
  // Newest first, as src/data/pieces.ts gives them.
  const neighbours = neighboursByKind([last, middle, note, first]);
  const slugsOf = (of: typeof first) => {
    const found = neighbours.get(pieceKey(of))!;
    return { previous: found.previous?.slug, next: found.next?.slug };
  };

  test('links each piece to the older and the newer piece of its own kind', () => {
    expect(slugsOf(middle)).toEqual({ previous: 'first', next: 'last' });
  });

  test('the oldest has no previous and the newest no next', () => {
    expect(slugsOf(first)).toEqual({ previous: undefined, next: 'middle' });
    expect(slugsOf(last)).toEqual({ previous: 'middle', next: undefined });
  });

  test('a kind with one piece has neither', () => {
    expect(slugsOf(note)).toEqual({ previous: undefined, next: undefined });
  });
});
