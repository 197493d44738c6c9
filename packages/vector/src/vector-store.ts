/**
 * One interface over the vector + lexical index (pgvector in the platform database, or Qdrant).
 * Access control lives inside every query: `search` and `getChunks` take an {@link AccessFilter}
 * and the backend applies it in the store query itself, never to results afterwards.
 */

/**
 * Who is asking: a chunk is visible when its document is owned by `userId`, or belongs to one of
 * `groupIds` (the caller's live memberships) and is not private.
 */
export interface AccessFilter {
  userId: string;
  groupIds: readonly string[];
}

/** The access-relevant facts of a document, copied into the index where the backend needs them (Qdrant payload). */
export interface DocumentAccess {
  ownerId: string;
  groupId: string | null;
  /** Readable by the owner only, even inside its group. */
  isPrivate: boolean;
  tags: readonly string[];
  mimeType: string | null;
  createdAt: Date;
}

/** A chunk ready to index. `id` is deterministic (derived from document id and ordinal). */
export interface IndexedChunk {
  id: string;
  ordinal: number;
  text: string;
  tokenCount: number;
  page?: number;
  sheet?: string;
  headingPath: readonly string[];
  charStart: number;
  charEnd: number;
  embedding: readonly number[];
}

/**
 * Narrows a search (always on top of the {@link AccessFilter}). Every filter is applied inside the
 * store query. An omitted or empty list means "no restriction".
 */
export interface SearchFilters {
  /** The document carries at least one of these tags (overlap, not containment). */
  tags?: readonly string[];
  /** The chunk belongs to one of these documents. */
  documentIds?: readonly string[];
  /** The document has one of these MIME types (exact match). */
  mimeTypes?: readonly string[];
  /** The document's `group_id` is this group (private or not; access still applies). */
  groupId?: string;
  /** The document was created strictly after this instant. */
  createdAfter?: Date;
  /** The document was created strictly before this instant. */
  createdBefore?: Date;
}

/** `dense`: nearest embeddings; `lexical`: full-text match; `hybrid`: both, fused by reciprocal rank. */
export type SearchMode = 'hybrid' | 'dense' | 'lexical';

/**
 * One search. A blank `text`, or one made only of stop words, makes `hybrid` behave as `dense` and
 * `lexical` return nothing; neither is an error.
 */
export interface SearchRequest {
  text: string;
  /** The query embedding (required unless `mode` is `lexical`). */
  vector?: readonly number[];
  access: AccessFilter;
  filters?: SearchFilters;
  k: number;
  mode: SearchMode;
  /**
   * Candidates taken from each side before fusion (default max(k * 4, 50)). Under a restrictive access
   * filter the dense side walks the HNSW graph until it has found this many visible chunks, so hybrid
   * latency grows with it.
   */
  candidates?: number;
  /** Reciprocal rank fusion constant (default 60). */
  rrfK?: number;
  /** Return each hit's embedding (for MMR). */
  withEmbeddings?: boolean;
}

/** One chunk returned by `search` or `getChunks`. */
export interface ChunkHit {
  chunkId: string;
  documentId: string;
  ordinal: number;
  text: string;
  page: number | null;
  sheet: string | null;
  headingPath: string[];
  /**
   * Fused score (hybrid: RRF; dense: cosine similarity; lexical: ts_rank-like). Higher is better.
   * `getChunks` returns 0.
   */
  score: number;
  /** 1-based rank on the dense side of a hybrid search (pgvector only; Qdrant fuses server-side). */
  denseRank?: number;
  /** 1-based rank on the lexical side of a hybrid search (pgvector only). */
  lexicalRank?: number;
  /** The stored embedding, when `withEmbeddings` was asked for. */
  embedding?: number[];
}

/** The embedding model (and its dimension) an index was built with. */
export interface EmbeddingIndexInfo {
  model: string;
  dimension: number;
}

const mismatchMarker = Symbol.for('youworker.error.embedding-model-mismatch');

/** The index holds vectors of another embedding model (or dimension) than the configured one. */
export class EmbeddingModelMismatchError extends Error {
  private readonly [mismatchMarker] = true;
  readonly code = 'EMBEDDING_MODEL_MISMATCH';
  constructor(
    readonly indexed: EmbeddingIndexInfo,
    readonly configured: EmbeddingIndexInfo,
  ) {
    super(
      `The index was built with ${indexed.model} (${indexed.dimension} dimensions) but ${configured.model} ` +
        `(${configured.dimension}) is configured; run "youworker reindex" to rebuild it.`,
    );
    this.name = 'EmbeddingModelMismatchError';
  }

  /** Works across duplicated package copies, where `instanceof` fails. */
  static isInstance(error: unknown): error is EmbeddingModelMismatchError {
    return typeof error === 'object' && error !== null && mismatchMarker in error;
  }
}

/** The vector + lexical index behind retrieval: pgvector (`createPgvectorStore`) or Qdrant (`createQdrantStore`). */
export interface VectorStore {
  readonly kind: 'pgvector' | 'qdrant';
  /**
   * Records the embedding model with the index (creating the index on first use). Throws
   * {@link EmbeddingModelMismatchError} when the index holds vectors of another model.
   */
  ensureIndex(info: EmbeddingIndexInfo): Promise<void>;
  /** The model the index was built with, or null when nothing is indexed yet. */
  indexInfo(): Promise<EmbeddingIndexInfo | null>;
  /**
   * Replaces all chunks of a document atomically: after it returns, searches see exactly `chunks`;
   * before, the previous ones. pgvector also marks the document `ready` in the same transaction.
   */
  indexDocument(documentId: string, access: DocumentAccess, chunks: readonly IndexedChunk[]): Promise<void>;
  /**
   * Updates the access payload (tags, group, privacy) of an indexed document. A no-op for pgvector,
   * which joins the live `documents` row in every query.
   */
  updateDocumentAccess(documentId: string, access: DocumentAccess): Promise<void>;
  /** Removes every chunk of a document (pgvector also resets its `chunk_count` and `indexed_at`). */
  deleteDocument(documentId: string): Promise<void>;
  /** Removes every chunk and the recorded model (before a full reindex with another model). */
  reset(): Promise<void>;
  /** At most `k` hits the caller may see, best first. */
  search(request: SearchRequest): Promise<ChunkHit[]>;
  /**
   * Chunks of one document with ordinals in [fromOrdinal, toOrdinal], in ordinal order, if the caller
   * may see it (otherwise none: no access looks the same as not found).
   */
  getChunks(
    documentId: string,
    fromOrdinal: number,
    toOrdinal: number,
    access: AccessFilter,
  ): Promise<ChunkHit[]>;
  /** Throws when the backend is unreachable (health check). */
  check(signal?: AbortSignal): Promise<void>;
  /** Releases what the store opened itself (pgvector: nothing, the database handle is the caller's). */
  close(): Promise<void>;
}
