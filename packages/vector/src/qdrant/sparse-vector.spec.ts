import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BM25,
  documentSparseVector,
  hashTerm,
  querySparseVector,
  tokenize,
} from './sparse-vector.ts';

describe('sparse lexical vectors', () => {
  it('should hash terms to stable unsigned 32-bit indices (FNV-1a)', () => {
    expect(hashTerm('')).toBe(0x811c9dc5);
    expect(hashTerm('a')).toBe(0xe40c292c);
    expect(hashTerm('foobar')).toBe(0xbf9cf968);
    expect(hashTerm('zürich')).toBe(hashTerm('zürich'));
    expect(hashTerm('zürich')).not.toBe(hashTerm('zurich'));
    for (const term of ['quantum', 'entanglement', '42', 'ü']) {
      const index = hashTerm(term);
      expect(Number.isInteger(index) && index >= 0 && index <= 0xffffffff).toBe(true);
    }
  });

  it('should tokenise into lower-cased words without stop words or punctuation', () => {
    expect(tokenize('The Quick, brown fox — and THE dog! Ｆｕｌｌ-width 2024')).toEqual([
      'quick',
      'brown',
      'fox',
      'dog',
      'full',
      'width',
      '2024',
    ]);
    expect(tokenize('the and of')).toEqual([]);
  });

  it('should give document terms BM25-saturated frequencies with sorted unique indices', () => {
    const vector = documentSparseVector('otter otter otter river');
    expect(vector.indices).toEqual([...vector.indices].sort((left, right) => left - right));
    expect(new Set(vector.indices).size).toBe(vector.indices.length);
    const value = (term: string) => vector.values[vector.indices.indexOf(hashTerm(term))] ?? 0;
    const { k1, b, averageLength } = DEFAULT_BM25;
    const norm = k1 * (1 - b + (b * 4) / averageLength);
    expect(value('otter')).toBeCloseTo((3 * (k1 + 1)) / (3 + norm), 10);
    expect(value('river')).toBeCloseTo((1 * (k1 + 1)) / (1 + norm), 10);
    expect(value('otter')).toBeLessThan(k1 + 1);
    expect(value('otter')).toBeLessThan(3 * value('river'));
  });

  it('should count heading terms double', () => {
    const withHeading = documentSparseVector('policy text', ['Retention']);
    const inBody = documentSparseVector('policy text retention');
    const at = (vector: { indices: number[]; values: number[] }) =>
      vector.values[vector.indices.indexOf(hashTerm('retention'))] ?? 0;
    expect(at(withHeading)).toBeGreaterThan(at(inBody));
  });

  it('should give a query each distinct term once, and nothing for stop words', () => {
    const query = querySparseVector('Quantum quantum entanglement');
    expect(query.values).toEqual([1, 1]);
    expect(query.indices.sort()).toEqual([hashTerm('quantum'), hashTerm('entanglement')].sort());
    expect(querySparseVector('the and of')).toEqual({ indices: [], values: [] });
    expect(documentSparseVector('')).toEqual({ indices: [], values: [] });
  });
});
