import { countTokens } from './count-tokens.ts';
import type { Segmenter } from './text-segments.ts';
import type { Span } from './text-span.ts';

/**
 * Byte-pair encoding is quadratic in the length of one pre-token (a run of letters, of
 * punctuation or of whitespace): 20,000 `x` take ~1.3 s to count. Runs longer than this are never
 * counted whole: they are cut into windows of this many characters first, and a chunk never joins
 * two windows or spans such a gap.
 */
export const longRunLength = 1000;

const runPattern = /\p{L}+|[^\s\p{L}\p{N}]+|\s+/gu;

/** Whether `text` holds a run of letters, punctuation or whitespace longer than {@link longRunLength}. */
export function hasLongRun(text: string): boolean {
  if (text.length <= longRunLength) {
    return false;
  }
  for (const match of text.matchAll(runPattern)) {
    if (match[0].length > longRunLength) {
      return true;
    }
  }
  return false;
}

/** The token count of `text` when it is at most `budget`, else undefined; never counts a long run whole. */
export function countWithin(text: string, budget: number): number | undefined {
  if (hasLongRun(text)) {
    return undefined;
  }
  const tokens = countTokens(text);
  return tokens <= budget ? tokens : undefined;
}

/**
 * Windows of at most {@link longRunLength} characters (never splitting a surrogate pair); every
 * window after the first is `glued` to the one before it.
 */
export const runWindows: Segmenter = (text, span) => {
  const windows: Span[] = [];
  let start = span.start;
  while (start < span.end) {
    let end = Math.min(span.end, start + longRunLength);
    const code = text.charCodeAt(end - 1);
    if (end < span.end && code >= 0xd800 && code <= 0xdbff) {
      end -= 1;
    }
    windows.push(start === span.start ? { start, end } : { start, end, glued: true });
    start = end;
  }
  return windows;
};
