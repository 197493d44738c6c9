import { describe, expect, it } from 'vitest';
import { parseVectorText, toVectorText } from './vector-text.ts';

describe('pgvector text form', () => {
  it('should round-trip floats, including exponents', () => {
    const vector = [0.1, -2.5, 1e-7, 3];
    expect(toVectorText(vector)).toBe('[0.1,-2.5,1e-7,3]');
    expect(parseVectorText('[0.1,-2.5,1e-07,3]')).toEqual(vector);
  });

  it('should parse an empty vector and reject malformed text', () => {
    expect(parseVectorText('[]')).toEqual([]);
    expect(() => parseVectorText('1,2')).toThrow(/Not a pgvector value/);
    expect(() => parseVectorText('[1,,2]')).toThrow(/Not a pgvector component/);
    expect(() => parseVectorText('[1,NaN]')).toThrow(/Not a pgvector component/);
  });
});
