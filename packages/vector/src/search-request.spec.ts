import { describe, expect, it } from 'vitest';
import { resolveSearch, validateChunks } from './search-request.ts';
import { VectorStoreError } from './vector-store-error.ts';

const access = { userId: '9b2f7c7e-8a43-4d5e-9d0c-3f1a2b4c5d6e', groupIds: [] };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return VectorStoreError.isInstance(error) ? error.code : 'OTHER';
  }
  return undefined;
}

describe('resolveSearch', () => {
  it('should default candidates to max(k * 4, 50) and rrfK to 60, and trim the text', () => {
    expect(resolveSearch({ text: '  otters ', vector: [1], access, k: 5, mode: 'hybrid' })).toEqual({
      k: 5,
      candidates: 50,
      rrfK: 60,
      vector: [1],
      text: 'otters',
    });
    expect(resolveSearch({ text: '', vector: [1], access, k: 40, mode: 'dense' }).candidates).toBe(160);
    expect(resolveSearch({ text: '', vector: [1], access, k: 400, mode: 'dense' }).candidates).toBe(1000);
    expect(
      resolveSearch({ text: '', vector: [1], access, k: 20, candidates: 5, mode: 'dense' }).candidates,
    ).toBe(20);
  });

  it('should not need a vector for a lexical search, and drop one given', () => {
    expect(
      resolveSearch({ text: 'x', vector: [1, 2], access, k: 1, mode: 'lexical' }).vector,
    ).toBeUndefined();
  });

  it('should reject bad k, candidates, rrfK and vectors with VECTOR_INVALID_REQUEST', () => {
    for (const request of [
      { text: '', vector: [1], access, k: 0, mode: 'dense' as const },
      { text: '', vector: [1], access, k: 1.5, mode: 'dense' as const },
      { text: '', vector: [1], access, k: 1001, mode: 'dense' as const },
      { text: '', vector: [1], access, k: 1, candidates: 0, mode: 'hybrid' as const },
      { text: '', vector: [1], access, k: 1, rrfK: -1, mode: 'hybrid' as const },
      { text: '', access, k: 1, mode: 'dense' as const },
      { text: '', vector: [], access, k: 1, mode: 'dense' as const },
      { text: '', vector: [Number.POSITIVE_INFINITY], access, k: 1, mode: 'hybrid' as const },
    ]) {
      expect(
        codeOf(() => resolveSearch(request)),
        JSON.stringify(request),
      ).toBe('VECTOR_INVALID_REQUEST');
    }
  });
});

describe('validateChunks', () => {
  const chunk = {
    id: '0b7e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d',
    ordinal: 0,
    text: 't',
    tokenCount: 1,
    headingPath: [],
    charStart: 0,
    charEnd: 1,
    embedding: [1, 0],
  };

  it('should accept well-formed chunks and reject bad ids, ordinals and dimensions', () => {
    expect(
      codeOf(() => {
        validateChunks([chunk], 2);
      }),
    ).toBeUndefined();
    expect(
      codeOf(() => {
        validateChunks([{ ...chunk, id: 'chunk-0' }], 2);
      }),
    ).toBe('VECTOR_INVALID_REQUEST');
    expect(
      codeOf(() => {
        validateChunks([chunk, { ...chunk, ordinal: 1 }], 2);
      }),
    ).toBe('VECTOR_INVALID_REQUEST');
    expect(
      codeOf(() => {
        validateChunks([chunk, { ...chunk, id: '1b7e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d' }], 2);
      }),
    ).toBe('VECTOR_INVALID_REQUEST');
    expect(
      codeOf(() => {
        validateChunks([{ ...chunk, ordinal: -1 }], 2);
      }),
    ).toBe('VECTOR_INVALID_REQUEST');
    expect(
      codeOf(() => {
        validateChunks([chunk], 3);
      }),
    ).toBe('VECTOR_DIMENSION_MISMATCH');
  });
});
