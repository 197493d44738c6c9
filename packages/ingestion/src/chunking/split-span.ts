import { countTokens, decodeTokens, encodeTokens } from './count-tokens.ts';
import { countWithin } from './long-runs.ts';
import type { Segmenter } from './text-segments.ts';
import { trimSpan, type CountedSpan, type Span } from './text-span.ts';

/** Characters looked at for one piece: more than any `budget` tokens can span (a token is at most ~64 characters). */
const charactersPerToken = 64;

/** The most whole code points of `text` within `budget` tokens (at least one), by binary search. */
function codePointPrefixLength(text: string, budget: number): number {
  const points = Array.from(text.slice(0, budget * charactersPerToken));
  let fitting = 1;
  let low = 2;
  let high = points.length;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    if (countTokens(points.slice(0, middle).join('')) <= budget) {
      fitting = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return points.slice(0, fitting).join('').length;
}

/**
 * The length of a prefix of `text` of at most `budget` tokens (at least one code point): the first
 * `budget` tokens when they end between characters (a few fewer when the cut falls inside a
 * multi-byte character), otherwise the most whole code points that fit (tokens straddling emoji or
 * CJK characters).
 */
function prefixLength(text: string, budget: number): number {
  const tokens = encodeTokens(text.slice(0, budget * charactersPerToken));
  const available = Math.min(budget, tokens.length);
  for (let count = available; count >= 1 && count > available - 4; count -= 1) {
    const piece = decodeTokens(tokens.slice(0, count));
    if (piece !== '' && text.startsWith(piece) && countTokens(piece) <= budget) {
      return piece.length;
    }
  }
  return codePointPrefixLength(text, budget);
}

/**
 * The last resort: cuts `span` into trimmed pieces of at most `budget` tokens at token boundaries
 * (or, where tokens straddle characters, at code points); a cut never falls inside a character,
 * and a single character wider than `budget` stays whole. `span` must hold no long run (see
 * `long-runs.ts`). The first piece of a `glued` span stays glued.
 */
export function splitByTokens(text: string, span: Span, budget: number): CountedSpan[] {
  const spans: CountedSpan[] = [];
  let start = span.start;
  for (;;) {
    // Pieces start at a non-space: a leading space can merge differently with what follows it.
    while (start < span.end && /\s/.test(text.charAt(start))) {
      start += 1;
    }
    if (start >= span.end) {
      return spans;
    }
    const measure = (cap: number): CountedSpan => {
      const end = start + prefixLength(text.slice(start, span.end), cap);
      const trimmed = trimSpan(text, { start, end }) ?? { start, end };
      return { ...trimmed, tokens: countTokens(text.slice(trimmed.start, trimmed.end)) };
    };
    let cap = Math.max(1, budget);
    let piece = measure(cap);
    // Dropping trailing whitespace can, rarely, change the count: then ask for fewer tokens.
    while (piece.tokens > budget && cap > 1) {
      cap = Math.max(1, cap - (piece.tokens - budget));
      piece = measure(cap);
    }
    spans.push(spans.length === 0 && span.glued ? { ...piece, glued: true } : piece);
    start = piece.end;
  }
}

/**
 * Splits `span` into pieces of at most `budget` tokens: unchanged when it fits, otherwise at the
 * boundaries of the first segmenter, each piece that is still too long at the next one, and at
 * token boundaries when no segmenter is left (the last segmenter must be `runWindows`, so no long
 * run reaches the tokenizer whole). Pieces are as fine as the level that made them fit (e.g.
 * single sentences), so a packer can recombine them. The first piece of a `glued` span stays glued.
 */
export function splitSpan(
  text: string,
  span: Span,
  budget: number,
  segmenters: readonly Segmenter[],
): CountedSpan[] {
  const tokens = countWithin(text.slice(span.start, span.end), budget);
  if (tokens !== undefined) {
    return [{ ...span, tokens }];
  }
  const [segmenter, ...rest] = segmenters;
  if (!segmenter) {
    return splitByTokens(text, span, budget);
  }
  const segments = segmenter(text, span);
  if (segments.length === 1 && segments[0]?.start === span.start && segments[0].end === span.end) {
    return splitSpan(text, span, budget, rest);
  }
  return segments.flatMap((segment, index) =>
    splitSpan(text, index === 0 && span.glued ? { ...segment, glued: true } : segment, budget, rest),
  );
}
