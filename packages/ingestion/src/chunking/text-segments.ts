import { spansBetween, type Span } from './text-span.ts';

/** Splits `span` of `text` into smaller trimmed, non-empty spans, in order. */
export type Segmenter = (text: string, span: Span) => Span[];

// A fixed locale keeps sentence boundaries the same whatever the host's default locale is.
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const listMarker = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Sentences (Unicode sentence boundaries, English rules). */
export const sentenceSpans: Segmenter = (text, span) => {
  const cuts: number[] = [];
  for (const segment of sentenceSegmenter.segment(text.slice(span.start, span.end))) {
    cuts.push(span.start + segment.index);
  }
  return spansBetween(text, span, cuts);
};

/** Runs of non-whitespace characters. */
export const wordSpans: Segmenter = (text, span) => {
  const spans: Span[] = [];
  for (const match of text.slice(span.start, span.end).matchAll(/\S+/g)) {
    const start = span.start + match.index;
    spans.push({ start, end: start + match[0].length });
  }
  return spans;
};

function lineStarts(text: string, span: Span, keep: (line: string) => boolean): number[] {
  const cuts: number[] = [];
  let start = span.start;
  while (start < span.end) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline >= span.end ? span.end : newline;
    if (keep(text.slice(start, end))) {
      cuts.push(start);
    }
    start = end + 1;
  }
  return cuts;
}

/** Non-blank lines. */
export const lineSpans: Segmenter = (text, span) =>
  spansBetween(
    text,
    span,
    lineStarts(text, span, () => true),
  );

/** List items: a line with a list marker (`-`, `*`, `+`, `1.`, `1)`) starts an item; other lines continue it. */
export const listItemSpans: Segmenter = (text, span) =>
  spansBetween(
    text,
    span,
    lineStarts(text, span, (line) => listMarker.test(line)),
  );
