import { countTokens } from './count-tokens.ts';
import { countWithin, hasLongRun, runWindows } from './long-runs.ts';
import { splitSpan } from './split-span.ts';
import { lineSpans, wordSpans } from './text-segments.ts';
import type { CountedSpan, Span } from './text-span.ts';

/** A piece of a table too long for one chunk. */
export interface TablePiece {
  span: CountedSpan;
  /** The header to repeat when a chunk starts with this piece. */
  tableHeader?: string;
}

const delimiterRow = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Splits a Markdown table into row pieces of at most `budget` tokens: the first piece holds the
 * header and delimiter lines with the first row; later rows carry the header, to be repeated in
 * front of a chunk that starts with them, unless the header takes more than half the budget. A row
 * longer than the budget is cut at words (then tokens). A table without a delimiter row is split
 * by lines and repeats nothing.
 */
export function splitTable(text: string, span: Span, budget: number): TablePiece[] {
  const lines = lineSpans(text, span);
  const [first, second] = lines;
  if (!first || !second || !delimiterRow.test(text.slice(second.start, second.end))) {
    return lines.flatMap((line) =>
      splitSpan(text, line, budget, [wordSpans, runWindows]).map((piece) => ({ span: piece })),
    );
  }
  const header: Span = { start: first.start, end: second.end };
  const headerText = text.slice(header.start, header.end);
  const headerTokens = hasLongRun(headerText) ? budget : countTokens(`${headerText}\n`);
  const repeat = headerTokens <= Math.floor(budget / 2);
  const rowBudget = repeat ? budget - headerTokens : budget;
  const rows = lines.slice(2);
  const pieces: TablePiece[] = [];
  const firstRow = rows[0];
  const firstTokens = firstRow && countWithin(text.slice(header.start, firstRow.end), budget);
  if (firstRow && firstTokens !== undefined) {
    pieces.push({ span: { start: header.start, end: firstRow.end, tokens: firstTokens } });
    rows.shift();
  } else {
    pieces.push(
      ...splitSpan(text, header, budget, [lineSpans, wordSpans, runWindows]).map((piece) => ({
        span: piece,
      })),
    );
  }
  for (const row of rows) {
    for (const piece of splitSpan(text, row, rowBudget, [wordSpans, runWindows])) {
      pieces.push(repeat ? { span: piece, tableHeader: headerText } : { span: piece });
    }
  }
  return pieces;
}
