import { describe, expect, it } from 'vitest';
import { isWellFormedText } from './chunk-test-helpers.ts';
import { countTokens } from './count-tokens.ts';
import { hasLongRun, runWindows } from './long-runs.ts';
import { splitByTokens, splitSpan } from './split-span.ts';
import { sentenceSpans, wordSpans } from './text-segments.ts';

const whole = (text: string) => ({ start: 0, end: text.length });

describe(splitByTokens.name, () => {
  it('should cut at token boundaries into pieces within the budget that rebuild the text', () => {
    const text = 'Übergrößenträger 東京都庁は新宿区にある 🙂🙂🙂 naïve café'.repeat(5);
    const pieces = splitByTokens(text, whole(text), 7);
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) {
      const slice = text.slice(piece.start, piece.end);
      expect(isWellFormedText(slice)).toBe(true);
      expect(piece.tokens).toBe(countTokens(slice));
      expect(piece.tokens).toBeLessThanOrEqual(7);
    }
    let covered = 0;
    for (const piece of pieces) {
      expect(text.slice(covered, piece.start).trim()).toBe('');
      covered = piece.end;
    }
    expect(covered).toBe(text.length);
  });
});

describe(splitSpan.name, () => {
  it('should return the span itself, counted, when it fits', () => {
    const text = 'One. Two.';
    expect(splitSpan(text, whole(text), 10, [sentenceSpans])).toEqual([{ ...whole(text), tokens: 4 }]);
  });

  it('should use the coarsest level that fits for each piece', () => {
    const text = `Short one. ${'Long '.repeat(30)}end. Last.`;
    const pieces = splitSpan(text, whole(text), 12, [sentenceSpans, wordSpans, runWindows]);
    const texts = pieces.map((piece) => text.slice(piece.start, piece.end));
    expect(texts[0]).toBe('Short one.');
    expect(texts.at(-1)).toBe('Last.');
    expect(texts.slice(1, -1).every((word) => /^(Long|end\.)$/.test(word))).toBe(true);
  });

  it('should cut long runs into glued windows before counting them', () => {
    const text = 'y'.repeat(3500);
    expect(hasLongRun(text)).toBe(true);
    const pieces = splitSpan(text, whole(text), 1000, [wordSpans, runWindows]);
    expect(pieces.map((piece) => [piece.end - piece.start, piece.glued ?? false])).toEqual([
      [1000, false],
      [1000, true],
      [1000, true],
      [500, true],
    ]);
  });
});
