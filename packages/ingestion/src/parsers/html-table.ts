import type { DomElement } from './dom-types.ts';
import { tagOf } from './html-inline.ts';

const MAX_SPAN = 1000;

/** The `<tr>` rows of `table` itself (directly or in thead/tbody/tfoot), not of nested tables. */
export function tableRows(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  for (const child of table.children) {
    const tag = tagOf(child);
    if (tag === 'tr') {
      rows.push(child);
    } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      rows.push(...[...child.children].filter((row) => tagOf(row) === 'tr'));
    }
  }
  return rows;
}

function span(cell: DomElement, name: string): number {
  const value = Number.parseInt(cell.getAttribute(name) ?? '1', 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, MAX_SPAN) : 1;
}

/**
 * The cells of `table` as a rectangular grid, the text of a cell spanning several rows or columns
 * repeated in each (so every row reads on its own). `cellText` renders one cell.
 */
export function tableGrid(table: DomElement, cellText: (cell: DomElement) => string): string[][] {
  const rows = tableRows(table);
  const grid: (string | undefined)[][] = rows.map(() => []);
  // Cells whose row span continues into the next row, by row.
  const continuing: Set<number>[] = rows.map(() => new Set());
  rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const cell of row.children) {
      const tag = tagOf(cell);
      if (tag !== 'td' && tag !== 'th') {
        continue;
      }
      const current = grid[rowIndex] ?? [];
      while (current[column] !== undefined) {
        column += 1;
      }
      const text = cellText(cell);
      const rowSpan = Math.min(span(cell, 'rowspan'), rows.length - rowIndex);
      const colSpan = span(cell, 'colspan');
      for (let r = rowIndex; r < rowIndex + rowSpan; r += 1) {
        const target = grid[r] ?? [];
        for (let c = column; c < column + colSpan; c += 1) {
          target[c] = text;
          if (r < rowIndex + rowSpan - 1) {
            continuing[r]?.add(c);
          }
        }
      }
      column += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid
    .map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''))
    .filter((row, rowIndex) => {
      const filled = row.flatMap((cell, column) => (cell.trim() === '' ? [] : [column]));
      // A row holding only the start of row-spanning headers (a pivot table's group row) repeats in the next.
      const spanOnly = filled.length < width && filled.every((column) => continuing[rowIndex]?.has(column));
      return filled.length > 0 && !spanOnly;
    });
}
