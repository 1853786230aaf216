/**
 * How many columns a grid of `count` equal cards gets, so that no card is left alone on the last row
 * (six figures on a wide screen: one row of six, not five and one). The page states the columns for
 * each width class as data attributes; src/styles/charts.css turns them into the grid.
 */

/** The most columns each width class of the page has room for (breakpoints in charts.css). */
export const GRID_WIDTHS = { narrow: 2, medium: 3, wide: 6 } as const;

export type GridWidth = keyof typeof GRID_WIDTHS;

/**
 * The columns for `count` cards with room for at most `most`: as few rows as fit, as evenly filled as
 * possible, and never one card alone on the last row (one column when nothing else avoids it).
 */
export function balancedColumns(count: number, most: number): number {
  if (count <= 1 || most <= 1) return 1;
  const rows = Math.ceil(count / most);
  for (let columns = Math.ceil(count / rows); columns > 1; columns--) {
    if (count % columns !== 1) return columns;
  }
  return 1;
}

/** `data-*` attributes naming the columns at each width class, for an element with class `balanced-grid`. */
export function balancedGridAttributes(count: number): Record<`data-columns-${GridWidth}`, number> {
  return {
    'data-columns-narrow': balancedColumns(count, GRID_WIDTHS.narrow),
    'data-columns-medium': balancedColumns(count, GRID_WIDTHS.medium),
    'data-columns-wide': balancedColumns(count, GRID_WIDTHS.wide),
  };
}
