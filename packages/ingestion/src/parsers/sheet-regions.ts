/** One non-empty spreadsheet cell (1-based row and column). */
export interface SheetCell {
  row: number;
  column: number;
  text: string;
}

/** A rectangular block of cells that touch each other, as rows of text. */
export interface SheetRegion {
  top: number;
  left: number;
  rows: string[][];
}

const MAX_COLUMNS = 16_384;
const MAX_REGION_AREA = 1_000_000;
const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
];

function key(row: number, column: number): number {
  return row * (MAX_COLUMNS + 2) + column;
}

function renderRegion(members: readonly SheetCell[]): SheetRegion {
  const rows = [...new Set(members.map((cell) => cell.row))].sort((a, b) => a - b);
  const columns = [...new Set(members.map((cell) => cell.column))].sort((a, b) => a - b);
  const top = rows[0] ?? 0;
  const left = columns[0] ?? 0;
  if (rows.length * columns.length > MAX_REGION_AREA) {
    // A pathological shape (e.g. a long diagonal): keep the values, row by row, without the grid.
    const byRow = new Map<number, string[]>();
    for (const cell of members) {
      byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell.text]);
    }
    return { top, left, rows: rows.map((row) => byRow.get(row) ?? []) };
  }
  const rowIndex = new Map(rows.map((row, index) => [row, index]));
  const columnIndex = new Map(columns.map((column, index) => [column, index]));
  const grid = rows.map(() => columns.map(() => ''));
  for (const cell of members) {
    const target = grid[rowIndex.get(cell.row) ?? 0];
    if (target !== undefined) {
      target[columnIndex.get(cell.column) ?? 0] = cell.text;
    }
  }
  return { top, left, rows: grid };
}

/**
 * The tables of a sheet: groups of non-empty cells connected through their four edge neighbours,
 * each as the grid of its rows and columns (a sheet with a title cell, a gap and a table gives two regions),
 * in reading order (top, then left). Memory is proportional to the non-empty cells, never to the
 * sheet's declared dimension.
 */
export function sheetRegions(cells: readonly SheetCell[]): SheetRegion[] {
  const byKey = new Map<number, SheetCell>();
  for (const cell of cells) {
    if (cell.text.trim() !== '') {
      byKey.set(key(cell.row, cell.column), cell);
    }
  }
  const seen = new Set<number>();
  const regions: SheetRegion[] = [];
  for (const [start, first] of byKey) {
    if (seen.has(start)) {
      continue;
    }
    seen.add(start);
    const members: SheetCell[] = [];
    const queue: SheetCell[] = [first];
    while (queue.length > 0) {
      const cell = queue.pop() as SheetCell;
      members.push(cell);
      for (const [dr, dc] of NEIGHBOURS) {
        const neighbour = key(cell.row + dr, cell.column + dc);
        const found = byKey.get(neighbour);
        if (found !== undefined && !seen.has(neighbour)) {
          seen.add(neighbour);
          queue.push(found);
        }
      }
    }
    regions.push(renderRegion(members));
  }
  return regions.sort((a, b) => a.top - b.top || a.left - b.left);
}
