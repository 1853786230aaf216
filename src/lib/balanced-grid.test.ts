import { describe, expect, test } from 'vitest';
import { balancedColumns, balancedGridAttributes, GRID_WIDTHS } from './balanced-grid.ts';

/** How many cards each row holds, for `count` cards in `columns` columns. */
function rows(count: number, columns: number): number[] {
  const out: number[] = [];
  for (let left = count; left > 0; left -= columns) out.push(Math.min(columns, left));
  return out;
}

describe('balancedColumns', () => {
  test('puts up to `most` cards on one row', () => {
    expect(balancedColumns(6, 6)).toBe(6);
    expect(balancedColumns(4, 6)).toBe(4);
    expect(balancedColumns(1, 6)).toBe(1);
  });

  test('fills the rows evenly rather than leaving a short last row', () => {
    expect(rows(6, balancedColumns(6, 3))).toEqual([3, 3]);
    expect(rows(4, balancedColumns(4, 3))).toEqual([2, 2]);
    expect(rows(7, balancedColumns(7, 6))).toEqual([4, 3]);
    expect(rows(8, balancedColumns(8, 6))).toEqual([4, 4]);
  });

  test('never leaves one card alone on a row, for any count and width', () => {
    for (const most of Object.values(GRID_WIDTHS)) {
      for (let count = 2; count <= 24; count++) {
        const columns = balancedColumns(count, most);
        expect(columns, `${count} cards, ${most} at most`).toBeLessThanOrEqual(most);
        if (columns > 1) expect(rows(count, columns).at(-1), `${count} cards, ${most} at most`).toBeGreaterThan(1);
      }
    }
  });

  test('falls back to one column when every other choice leaves an orphan', () => {
    expect(balancedColumns(5, 2)).toBe(1);
  });
});

describe('balancedGridAttributes', () => {
  test('names the columns for each width class', () => {
    expect(balancedGridAttributes(6)).toEqual({ 'data-columns-narrow': 2, 'data-columns-medium': 3, 'data-columns-wide': 6 });
    expect(balancedGridAttributes(5)).toEqual({ 'data-columns-narrow': 1, 'data-columns-medium': 3, 'data-columns-wide': 5 });
  });
});
