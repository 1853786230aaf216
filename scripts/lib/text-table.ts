import { oneLine } from './terminal-text.ts';

/** Aligned columns for terminal output: every column padded to its widest cell (the last left ragged); a cell is one line. */
export function textTable(cells: readonly (readonly string[])[]): string {
  if (cells.length === 0) return '';
  const rows = cells.map((row) => row.map(oneLine));
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
