import { describe, expect, it } from 'vitest';
import { citationsFor, citedNumbers, type RetrievedSource } from './chat-citations.ts';

function source(n: number, overrides: Partial<RetrievedSource> = {}): RetrievedSource {
  return {
    n,
    chunkId: `00000000-0000-8000-8000-00000000000${n}`,
    documentId: `10000000-0000-4000-8000-00000000000${n}`,
    documentTitle: `doc-${n}.md`,
    page: n,
    sheet: null,
    headingPath: ['Intro'],
    text: `The whole text of chunk ${n}.`,
    snippet: `Chunk ${n}`,
    ...overrides,
  };
}

describe('citedNumbers', () => {
  it('should read single, adjacent, listed and ranged markers in order of first appearance', () => {
    expect(citedNumbers('Merlin burns kerosene [2]. It is cooled [1][3], see [1, 4] and [5-6].')).toEqual([
      2, 1, 3, 4, 5, 6,
    ]);
  });

  it('should accept semicolons, spaces and en dashes', () => {
    expect(citedNumbers('A [ 7 ; 8 ] and B [9–10].')).toEqual([7, 8, 9, 10]);
  });

  it('should ignore index expressions, code, and text that is not a number list', () => {
    const text =
      'items[1] is first; `values[2]` too.\n```\nconst a = b[3];\n```\nSee [note] and [4a] but [5].';
    expect(citedNumbers(text)).toEqual([5]);
  });

  it('should ignore zero, reversed and very long ranges', () => {
    expect(citedNumbers('[0] [3-1] [1-200] [2]')).toEqual([2]);
  });

  it('should return nothing for text without markers', () => {
    expect(citedNumbers('No sources here.')).toEqual([]);
  });
});

describe('citationsFor', () => {
  const sources = [source(1), source(2), source(3)];

  it('should list the cited sources by number, without the chunk text', () => {
    const citations = citationsFor('Cooling [3] and burning [1]. Again [3].', sources);
    expect(citations.map((citation) => citation.n)).toEqual([1, 3]);
    expect(citations[0]).toEqual({
      n: 1,
      documentId: sources[0]?.documentId,
      documentTitle: 'doc-1.md',
      chunkId: sources[0]?.chunkId,
      page: 1,
      sheet: null,
      headingPath: ['Intro'],
      snippet: 'Chunk 1',
    });
    expect(citations[0]).not.toHaveProperty('text');
  });

  it('should ignore markers that name no source of the turn', () => {
    expect(citationsFor('See [4] and [2].', sources).map((citation) => citation.n)).toEqual([2]);
  });

  it('should list nothing when the answer cites nothing, even with sources', () => {
    expect(citationsFor('A plain answer.', sources)).toEqual([]);
  });

  it('should list nothing without sources, whatever the text says', () => {
    expect(citationsFor('As shown in [1].', [])).toEqual([]);
  });
});
