/** Runs of whitespace (including line breaks) as one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A table cell's text on one line, with `|` escaped so it cannot end the cell. */
export function escapeTableCell(text: string): string {
  return collapseWhitespace(text).replace(/\\?\|/g, '\\|');
}

/**
 * `rows` as a Markdown (GFM) table: the first row is the header, short rows are padded with empty
 * cells, and cell text is escaped by {@link escapeTableCell}. Empty input gives an empty string.
 */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width === 0) {
    return '';
  }
  const line = (row: readonly string[]): string => {
    const cells = Array.from({ length: width }, (_, index) => escapeTableCell(row[index] ?? ''));
    return `| ${cells.join(' | ')} |`;
  };
  const [header = [], ...body] = rows;
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

/** `text` as a Markdown list item at nesting `depth` (0 = top), `marker` being `-` or `1.`. */
export function markdownListItem(text: string, marker: string, depth: number): string {
  const indent = '  '.repeat(depth * 2);
  const continuation = `${indent}${' '.repeat(marker.length + 1)}`;
  return `${indent}${marker} ${text.split('\n').join(`\n${continuation}`)}`;
}
