/** Stable codes of vector store failures other than {@link EmbeddingModelMismatchError}. */
export type VectorStoreErrorCode =
  /** `ensureIndex` has not recorded an embedding model yet, so nothing can be indexed. */
  | 'VECTOR_INDEX_NOT_READY'
  /** An embedding's length differs from the index dimension. */
  | 'VECTOR_DIMENSION_MISMATCH'
  /** A malformed request: missing query vector, non-finite numbers, bad `k`, non-uuid ids. */
  | 'VECTOR_INVALID_REQUEST'
  /** `indexDocument` named a document that has no `documents` row (pgvector). */
  | 'VECTOR_DOCUMENT_NOT_FOUND'
  /** The backend answered with something the store cannot read (e.g. a Qdrant point without chunk payload). */
  | 'VECTOR_BACKEND_RESPONSE_INVALID';

const marker = Symbol.for('youworker.error.vector-store');

/** A vector store operation refused or failed for a reason the caller can act on. */
export class VectorStoreError extends Error {
  private readonly [marker] = true;

  constructor(
    readonly code: VectorStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'VectorStoreError';
  }

  /** Works across duplicated package copies, where `instanceof` fails. */
  static isInstance(error: unknown): error is VectorStoreError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
