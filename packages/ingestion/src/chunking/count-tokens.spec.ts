import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens.ts';

describe(countTokens.name, () => {
  it('should count cl100k_base tokens', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('The quick brown fox jumps over the lazy dog.')).toBe(10);
  });

  it('should count special-token text as plain text instead of throwing', () => {
    expect(countTokens('a <|endoftext|> b')).toBeGreaterThan(3);
  });

  it('should give the same answer for memoised short strings', () => {
    expect(countTokens('memo')).toBe(countTokens('memo'));
    expect(countTokens('x'.repeat(33))).toBe(countTokens('x'.repeat(33)));
  });
});
