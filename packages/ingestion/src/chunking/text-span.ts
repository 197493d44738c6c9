/** A half-open range `[start, end)` of character offsets into a string. */
export interface Span {
  start: number;
  end: number;
  /** Set on a piece cut out of the middle of a long run (see `long-runs.ts`): it continues the previous piece with no gap. */
  glued?: boolean;
}

/** A span with its token count. */
export interface CountedSpan extends Span {
  tokens: number;
}

/** `span` without leading and trailing whitespace of `text`; undefined when nothing is left. */
export function trimSpan(text: string, span: Span): Span | undefined {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) {
    start += 1;
  }
  while (end > start && /\s/.test(text.charAt(end - 1))) {
    end -= 1;
  }
  return start < end ? { start, end } : undefined;
}

/** The trimmed, non-empty spans of `text` between the offsets in `cuts` (each cut starts a piece). */
export function spansBetween(text: string, span: Span, cuts: readonly number[]): Span[] {
  const spans: Span[] = [];
  const bounds = [span.start, ...cuts.filter((cut) => cut > span.start && cut < span.end), span.end];
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const piece = trimSpan(text, { start: bounds[index] ?? span.start, end: bounds[index + 1] ?? span.end });
    if (piece) {
      spans.push(piece);
    }
  }
  return spans;
}
